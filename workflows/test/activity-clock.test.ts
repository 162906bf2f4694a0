import { describe, expect, it } from '@jest/globals';
import { MockActivityEnvironment } from '@temporalio/testing';
import { activityClock } from '../src/activities/activity-clock.ts';

describe('the activities’ clock', () => {
  it('reads the moment Temporal scheduled the current attempt, not the host’s clock, when set to temporal', async () => {
    const scheduled = Date.parse('2031-03-04T05:06:07Z');
    const env = new MockActivityEnvironment({ currentAttemptScheduledTimestampMs: scheduled });
    const now = activityClock('temporal');
    if (!now) throw new Error('expected a clock');
    expect(await env.run(async () => now())).toEqual(new Date(scheduled));
  });

  it('leaves the activities on the host’s clock when set to system', () => {
    expect(activityClock('system')).toBeUndefined();
  });
});
