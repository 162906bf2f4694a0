import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { toAdminTimeline } from '../src/client/admin-timeline.ts';

const fixture = (name: string) =>
  historyFromJSON(JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'histories', `${name}.json`), 'utf8'))).events ?? [];

describe("the admin inspector's timeline", () => {
  it('shows a decision with the comparisons that held and the facts it saw', () => {
    const decision = toAdminTimeline(fixture('default-strategy-60-days')).find((e) => e.kind === 'decision');
    expect(decision).toMatchObject({
      title: 'Condition',
      summary: expect.stringContaining('Held: the "yes" branch was taken'),
      matched: ['overdueAmountMinor greaterThanInclusive 10000'],
      facts: expect.any(Object),
    });
  });

  it('makes one entry of an activity, with its decoded input and what it did', () => {
    const entries = toAdminTimeline(fixture('default-strategy-60-days'));
    const reminder = entries.find((e) => e.title === 'Reminder');
    expect(reminder).toMatchObject({ kind: 'activity', input: expect.objectContaining({ template: 'pre-due' }), summary: expect.stringMatching(/reminder "pre-due" sent/) });
    expect(reminder?.eventIds.length).toBeGreaterThanOrEqual(2);
    expect(entries.find((e) => e.title === 'Task outcome')?.summary).toBe('The collector recorded "no-contact".');
  });

  it('labels pauses, payments and waits, and leaves out workflow task bookkeeping', () => {
    const entries = toAdminTimeline(fixture('default-strategy-paused'));
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['activity', 'admin', 'message', 'run', 'timer']);
    expect(entries.filter((e) => e.kind === 'admin').map((e) => e.title)).toEqual(['Paused', 'Resumed']);
    expect(entries.find((e) => e.kind === 'admin')?.summary).toContain('Customer called about a billing error');
    expect(entries.find((e) => e.kind === 'message')?.summary).toBe('Payment p1 of €100.00 applied.');
    expect(entries.some((e) => e.kind === 'timer' && /ran out|ended early/.test(e.summary))).toBe(true);
    expect(entries[0]).toMatchObject({ kind: 'run', title: 'Collection started' });
    expect(entries.at(-1)).toMatchObject({ kind: 'run', title: 'Collection ended', summary: 'Ended: settled.' });
  });
});
