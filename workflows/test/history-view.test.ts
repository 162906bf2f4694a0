import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { toHistoryView } from '../src/client/history-view.ts';

const fixture = (name: string) =>
  historyFromJSON(JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'histories', `${name}.json`), 'utf8')));

describe('readable workflow history', () => {
  const events = toHistoryView(fixture('default-strategy-60-days').events ?? []);

  it('names local activities and decodes the rule decision with the comparisons that held', () => {
    const decision = events.find((e) => e.summary === 'Local activity evaluateCondition completed');
    expect(decision?.details).toMatchObject({
      activity: 'evaluateCondition',
      local: true,
      result: { result: true, matched: ['overdueAmountMinor greaterThanInclusive 10000'] },
    });
  });

  it('decodes the inputs of side-effect activities and describes timers in days', () => {
    const reminder = events.find((e) => e.summary === 'Activity sendReminder scheduled');
    expect(reminder?.details).toMatchObject({ activity: 'sendReminder', input: [expect.objectContaining({ template: 'pre-due' })] });
    expect(events.some((e) => /^Timer started for \d+d/.test(e.summary))).toBe(true);
  });

  it('keeps the history in event order, from start to completion', () => {
    expect(events[0]?.summary).toBe('Workflow started (collectionWorkflow)');
    expect(events.at(-1)?.summary).toBe('Workflow completed');
    const ids = events.map((e) => Number(e.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
