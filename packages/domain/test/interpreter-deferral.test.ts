import { describe, expect, it } from '@jest/globals';
import { step, type AccountSnapshot, type EngineState } from '../src/index.ts';
import { e, end, parsed, reminder, start } from './builders.ts';

const account: AccountSnapshot = { balanceMinor: '50000', currency: 'EUR', oldestDueAt: '2026-06-01T09:00:00.000Z' };
const g = parsed([start(), reminder('r1', 'due-today'), end()], [e('start', 'r1'), e('r1', 'end')]);
const t0 = new Date('2026-06-10T11:10:00Z');
const until = '2026-06-10T12:00:00.000Z';

function deferredState(): EngineState {
  const first = step(g, null, { type: 'start', account }, t0);
  const deferred = step(g, first.state, { type: 'action-deferred', nodeId: 'r1', until, reason: 'outside contact hours' }, t0);
  expect(deferred.commands).toEqual([{ type: 'wait-until', nodeId: 'r1', key: 'r1:1', input: { until } }]);
  return deferred.state;
}

describe('a deferred contact', () => {
  it('waits until the next allowed moment and records why', () => {
    const state = deferredState();
    expect(state.awaiting).toEqual({ kind: 'deferred', until, reason: 'outside contact hours' });
    expect(state.decisions.at(-1)).toMatchObject({ nodeId: 'r1', kind: 'deferred', detail: expect.stringContaining('outside contact hours') });
  });

  it('does not retry before its time even if a timer fires early', () => {
    const early = step(g, deferredState(), { type: 'timer-fired' }, new Date('2026-06-10T11:30:00Z'));
    expect(early.commands).toEqual([{ type: 'wait-until', nodeId: 'r1', key: 'r1:1', input: { until } }]);
    expect(early.state.awaiting.kind).toBe('deferred');
  });

  it('retries the same reminder with the same idempotency key, then moves on when it is sent', () => {
    const retried = step(g, deferredState(), { type: 'timer-fired' }, new Date(until));
    expect(retried.commands).toEqual([{ type: 'send-reminder', nodeId: 'r1', key: 'r1:1', input: { channel: 'email', template: 'due-today' } }]);
    expect(retried.state.visits.r1).toBe(1);
    const done = step(g, retried.state, { type: 'action-done', nodeId: 'r1' }, new Date(until));
    expect(done.commands).toEqual([expect.objectContaining({ type: 'complete', input: expect.objectContaining({ outcome: 'completed' }) })]);
  });

  it('ends as settled without contacting anyone when the balance is paid during the deferral', () => {
    const paid = step(g, deferredState(), { type: 'account-changed', account: { ...account, balanceMinor: '0' } }, new Date('2026-06-10T11:20:00Z'));
    expect(paid.commands).toEqual([expect.objectContaining({ type: 'complete', input: expect.objectContaining({ outcome: 'settled' }) })]);
    expect(paid.state.outcome).toBe('settled');
  });
});
