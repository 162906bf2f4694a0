import { Context } from '@temporalio/activity';
import type { ActivityClock } from '@recoup/config';

/**
 * The moment Temporal scheduled the running activity's current attempt. On Temporal's time-skipping test server
 * this is its virtual clock, the one the workflow's timers run on, so a promise whose timer fired is also past its
 * deadline for the activity that judges it. Local activities are scheduled by the worker itself and report the
 * worker's own clock, which is why the workflow hands its clock to the rule evaluations (`asOf`).
 */
export const scheduledAttemptTime = (): Date => new Date(Context.current().info.currentAttemptScheduledTimestampMs);

/** The activities' clock for a configured RECOUP_ACTIVITY_CLOCK; undefined means the host's clock. */
export function activityClock(kind: ActivityClock): (() => Date) | undefined {
  switch (kind) {
    case 'system':
      return undefined;
    case 'temporal':
      return scheduledAttemptTime;
  }
}
