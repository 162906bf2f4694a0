import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { toDecisionTimeline } from '../src/client/decision-timeline.ts';

const fixture = (name: string) =>
  historyFromJSON(JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'histories', `${name}.json`), 'utf8'))).events ?? [];

describe('the decision timeline of an account', () => {
  it('explains the call threshold decision with the comparison that held, on its node', () => {
    const steps = toDecisionTimeline(fixture('default-strategy-60-days'));
    const decision = steps.find((s) => s.kind === 'condition');
    expect(decision).toMatchObject({
      nodeId: 'check-call-threshold',
      nodeLabel: 'Overdue 100.00 or more?',
      title: '“Overdue 100.00 or more?” was met: took the yes branch',
      why: 'Because overdueAmountMinor greaterThanInclusive 10000',
    });
    expect(decision?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('tells the steps from start to end in order, with reminders named by template', () => {
    const steps = toDecisionTimeline(fixture('default-strategy-60-days'));
    expect(steps[0]).toMatchObject({ kind: 'started', title: 'Collection started' });
    expect(steps.at(-1)).toMatchObject({ kind: 'ended', title: expect.stringContaining('completed') });
    expect(steps.find((s) => s.kind === 'reminder')).toMatchObject({ nodeId: 'remind-pre-due', nodeLabel: 'Friendly pre-due reminder', title: expect.stringContaining('“pre-due”') });
    const times = steps.map((s) => s.at ?? '');
    expect(times).toEqual([...times].sort());
  });

  it('shows the outcome a collector recorded on the call, on the call node', () => {
    const steps = toDecisionTimeline(fixture('default-strategy-dispute'));
    expect(steps.find((s) => s.kind === 'task-outcome')).toMatchObject({
      nodeId: 'task-call',
      nodeLabel: 'Call the customer',
      title: 'The collector recorded the outcome “dispute”',
    });
  });

  it('says why a reminder was held back', () => {
    const steps = toDecisionTimeline(fixture('default-strategy-deferred-reminder'));
    expect(steps.some((s) => s.kind === 'reminder' && /^Deferred until /.test(s.why ?? ''))).toBe(true);
  });
});
