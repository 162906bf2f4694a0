import { describe, expect, it } from '@jest/globals';
import {
  MAX_DECISIONS,
  MissingEdgeError,
  MissingStateError,
  RunawayStepError,
  UnknownNodeError,
  UnknownTaskOutcomeError,
  startState,
  step,
  type AccountSnapshot,
  type EngineState,
  type StrategyGraph,
} from '../src/index.ts';
import { condition, dueWait, e, end, endWith, escalate, parsed, reminder, start, task, wait } from './builders.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-01T00:00:00.000Z');
const day = (n: number) => new Date(T0 + n * DAY);
const iso = (n: number) => day(n).toISOString();

const account = (balanceMinor = '50000', dueInDays: number | null = 5): AccountSnapshot => ({
  balanceMinor,
  currency: 'EUR',
  oldestDueAt: dueInDays === null ? null : iso(dueInDays),
});

/** start -> wait 1 day -> reminder -> end */
const simple = parsed([start(), wait('w', 1), reminder('r'), end()], [e('start', 'w'), e('w', 'r'), e('r', 'end')]);

describe('starting a run', () => {
  it('follows the start node and stops at the first wait with a wait-until command', () => {
    const { state, commands } = startState(simple, account(), day(0));
    expect(commands).toEqual([{ type: 'wait-until', nodeId: 'w', key: 'w:1', input: { until: iso(1) } }]);
    expect(state.status).toBe('running');
    expect(state.nodeId).toBe('w');
    expect(state.awaiting).toEqual({ kind: 'timer', until: iso(1) });
    expect(state.visits).toEqual({ start: 1, w: 1 });
  });

  it('is the same as stepping a start event from no state', () => {
    expect(step(simple, null, { type: 'start', account: account() }, day(0))).toEqual(startState(simple, account(), day(0)));
  });

  it('completes as settled at once when nothing is owed', () => {
    const { state, commands } = startState(simple, account('0'), day(0));
    expect(commands).toEqual([expect.objectContaining({ type: 'complete', input: expect.objectContaining({ outcome: 'settled' }) })]);
    expect(state.status).toBe('ended');
    expect(state.outcome).toBe('settled');
  });

  it('refuses any other event without a state', () => {
    expect(() => step(simple, null, { type: 'timer-fired' }, day(0))).toThrow(MissingStateError);
  });

  it('ignores a second start event for a running state', () => {
    const first = startState(simple, account(), day(0));
    expect(step(simple, first.state, { type: 'start', account: account() }, day(0)).commands).toEqual([]);
  });
});

describe('wait nodes', () => {
  it('continues at once through a zero-length wait', () => {
    const g = parsed([start(), wait('w', 0), reminder('r'), end()], [e('start', 'w'), e('w', 'r'), e('r', 'end')]);
    const { commands } = startState(g, account(), day(0));
    expect(commands).toEqual([{ type: 'send-reminder', nodeId: 'r', key: 'r:1', input: { channel: 'email', template: 'pre-due' } }]);
  });

  it('adds days, hours and minutes for a duration wait', () => {
    const g = parsed(
      [start(), { id: 'w', type: 'wait', data: { mode: 'duration', days: 1, hours: 2, minutes: 30 } }, end()],
      [e('start', 'w'), e('w', 'end')],
    );
    const { commands } = startState(g, account(), day(0));
    expect(commands).toEqual([{ type: 'wait-until', nodeId: 'w', key: 'w:1', input: { until: new Date(T0 + DAY + 2.5 * 3_600_000).toISOString() } }]);
  });

  it('waits relative to the oldest due date at the same time of day for a due-offset wait', () => {
    const g = parsed([start(), dueWait('d', -3), end()], [e('start', 'd'), e('d', 'end')]);
    const due = '2025-03-10T09:30:00.000Z';
    const { commands } = startState(g, { ...account(), oldestDueAt: due }, day(0));
    expect(commands).toEqual([{ type: 'wait-until', nodeId: 'd', key: 'd:1', input: { until: '2025-03-07T09:30:00.000Z' } }]);
  });

  it('advances when the timer fires at its time', () => {
    const first = startState(simple, account(), day(0));
    const { state, commands } = step(simple, first.state, { type: 'timer-fired' }, day(1));
    expect(commands).toEqual([{ type: 'send-reminder', nodeId: 'r', key: 'r:1', input: { channel: 'email', template: 'pre-due' } }]);
    expect(state.awaiting).toEqual({ kind: 'action' });
  });

  it('ignores an early timer and asks for the same wait again instead of advancing', () => {
    const first = startState(simple, account(), day(0));
    const { state, commands } = step(simple, first.state, { type: 'timer-fired' }, new Date(T0 + DAY - 1));
    expect(commands).toEqual([{ type: 'wait-until', nodeId: 'w', key: 'w:1', input: { until: iso(1) } }]);
    expect(state.nodeId).toBe('w');
    expect(state.awaiting).toEqual({ kind: 'timer', until: iso(1) });
  });

  it('ignores a timer when nothing waits for one', () => {
    const first = startState(simple, account(), day(0));
    const atReminder = step(simple, first.state, { type: 'timer-fired' }, day(1));
    const { state, commands } = step(simple, atReminder.state, { type: 'timer-fired' }, day(2));
    expect(commands).toEqual([]);
    expect(state).toEqual(atReminder.state);
  });

  it('waits for a due date when nothing is due yet and starts the timer once one appears', () => {
    const g = parsed([start(), dueWait('d', 0), end()], [e('start', 'd'), e('d', 'end')]);
    const first = startState(g, account('100', null), day(0));
    expect(first.commands).toEqual([]);
    expect(first.state.awaiting).toEqual({ kind: 'nothing' });
    const changed = step(g, first.state, { type: 'account-changed', account: account('100', 4) }, day(1));
    expect(changed.commands).toEqual([{ type: 'wait-until', nodeId: 'd', key: 'd:1', input: { until: iso(4) } }]);
  });
});

describe('catch-up for due-offset waits', () => {
  // start -> d-3 -> r-pre -> d0 -> r-due -> d7 -> r-7 -> d14 -> condition
  const ladder = parsed(
    [
      start(),
      dueWait('d-3', -3),
      reminder('r-pre', 'pre-due'),
      dueWait('d0', 0),
      reminder('r-due', 'due-today'),
      dueWait('d7', 7),
      reminder('r-7', 'overdue-7'),
      dueWait('d14', 14),
      condition('c'),
      end(),
    ],
    [
      e('start', 'd-3'),
      e('d-3', 'r-pre'),
      e('r-pre', 'd0'),
      e('d0', 'r-due'),
      e('r-due', 'd7'),
      e('d7', 'r-7'),
      e('r-7', 'd14'),
      e('d14', 'c'),
      e('c', 'end', 'yes'),
      e('c', 'end', 'no'),
    ],
  );

  it('enters an account imported 10 days overdue at the 7-day stage, skipping the earlier reminders', () => {
    const { state, commands } = startState(ladder, account('100', -10), day(0));
    expect(commands).toEqual([{ type: 'send-reminder', nodeId: 'r-7', key: 'r-7:1', input: { channel: 'email', template: 'overdue-7' } }]);
    expect(state.decisions.filter((d) => d.kind === 'skipped').map((d) => d.nodeId)).toEqual(['r-pre', 'd0', 'r-due']);
    expect(state.visits['r-pre']).toBeUndefined();
    expect(state.visits['d7']).toBe(1);
  });

  it('enters an account imported 20 days overdue at the condition after the last passed wait', () => {
    const { state, commands } = startState(ladder, account('100', -20), day(0));
    expect(commands).toEqual([{ type: 'evaluate-condition', nodeId: 'c', key: 'c:1', input: { condition: { fact: 'daysPastDue', operator: 'greaterThan', value: 1 } } }]);
    expect(state.decisions.filter((d) => d.kind === 'skipped').map((d) => d.nodeId)).toEqual([
      'r-pre',
      'd0',
      'r-due',
      'd7',
      'r-7',
    ]);
  });

  it('sends the pre-due reminder when only the first wait has passed', () => {
    const { commands } = startState(ladder, account('100', 2), day(0));
    expect(commands.map((c) => c.type === 'send-reminder' && c.input.template)).toEqual(['pre-due']);
  });

  it('stops looking ahead at a node that is neither a reminder nor a due-offset wait', () => {
    const g = parsed(
      [start(), dueWait('d-3', -3), escalate('x'), dueWait('d0', 0), end()],
      [e('start', 'd-3'), e('d-3', 'x'), e('x', 'd0'), e('d0', 'end')],
    );
    const { commands } = startState(g, account('100', -10), day(0));
    expect(commands).toEqual([{ type: 'escalate', nodeId: 'x', key: 'x:1', input: { level: 1, action: 'manager-review' } }]);
  });
});

describe('condition nodes', () => {
  const g = parsed(
    [start(), condition('c'), reminder('yes-r'), reminder('no-r'), end()],
    [e('start', 'c'), e('c', 'yes-r', 'yes'), e('c', 'no-r', 'no'), e('yes-r', 'end'), e('no-r', 'end')],
  );

  it('asks for the condition to be evaluated', () => {
    const { state, commands } = startState(g, account(), day(0));
    expect(commands).toEqual([
      { type: 'evaluate-condition', nodeId: 'c', key: 'c:1', input: { condition: { fact: 'daysPastDue', operator: 'greaterThan', value: 1 } } },
    ]);
    expect(state.awaiting).toEqual({ kind: 'condition' });
  });

  it('follows "yes" on a true result and records what matched', () => {
    const first = startState(g, account(), day(0));
    const { state, commands } = step(
      g,
      first.state,
      { type: 'condition-evaluated', nodeId: 'c', result: true, matched: ['daysPastDue'] },
      day(0),
    );
    expect(commands.map((c) => 'nodeId' in c && c.nodeId)).toEqual(['yes-r']);
    const decision = state.decisions.find((d) => d.kind === 'condition');
    expect(decision?.detail).toBe('"c" was true (matched: daysPastDue): taking "yes".');
  });

  it('follows "no" on a false result', () => {
    const first = startState(g, account(), day(0));
    const { commands } = step(g, first.state, { type: 'condition-evaluated', nodeId: 'c', result: false, matched: [] }, day(0));
    expect(commands.map((c) => 'nodeId' in c && c.nodeId)).toEqual(['no-r']);
  });

  it('ignores a result for another node', () => {
    const first = startState(g, account(), day(0));
    const { state, commands } = step(
      g,
      first.state,
      { type: 'condition-evaluated', nodeId: 'other', result: true, matched: [] },
      day(0),
    );
    expect(commands).toEqual([]);
    expect(state.nodeId).toBe('c');
  });
});

describe('reminder, task and escalation nodes', () => {
  const g = parsed(
    [start(), reminder('r'), task('t', ['paid', 'refused']), escalate('x', 2), endWith('done', 'agency'), end()],
    [e('start', 'r'), e('r', 't'), e('t', 'end', 'paid'), e('t', 'x', 'refused'), e('x', 'done')],
  );

  it('sends a reminder and moves on only when that reminder is done', () => {
    const first = startState(g, account(), day(0));
    expect(first.state.awaiting).toEqual({ kind: 'action' });
    const other = step(g, first.state, { type: 'action-done', nodeId: 'x' }, day(0));
    expect(other.commands).toEqual([]);
    const { state, commands } = step(g, first.state, { type: 'action-done', nodeId: 'r' }, day(0));
    expect(commands).toEqual([
      { type: 'create-task', nodeId: 't', key: 't:1', input: { taskType: 'call', title: 'Call', assignment: 'round-robin', outcomes: ['paid', 'refused'], dueAt: new Date(T0 + 24 * 3_600_000).toISOString() } },
    ]);
    expect(state.awaiting).toEqual({ kind: 'task-outcome', taskKey: 't:1' });
  });

  it('follows the edge named by the task outcome, escalates, and ends with the end node outcome', () => {
    const atTask = step(g, startState(g, account(), day(0)).state, { type: 'action-done', nodeId: 'r' }, day(0));
    const escalated = step(g, atTask.state, { type: 'task-completed', taskKey: 't:1', outcome: 'refused' }, day(1));
    expect(escalated.commands).toEqual([{ type: 'escalate', nodeId: 'x', key: 'x:1', input: { level: 2, action: 'manager-review' } }]);
    expect(escalated.state.decisions.at(-2)?.kind).toBe('task-outcome');
    const ended = step(g, escalated.state, { type: 'action-done', nodeId: 'x' }, day(1));
    expect(ended.commands).toEqual([expect.objectContaining({ type: 'complete', input: expect.objectContaining({ outcome: 'agency' }) })]);
    expect(ended.state.status).toBe('ended');
    expect(ended.state.outcome).toBe('agency');
  });

  it('ignores a completion for another task key', () => {
    const atTask = step(g, startState(g, account(), day(0)).state, { type: 'action-done', nodeId: 'r' }, day(0));
    const { commands, state } = step(g, atTask.state, { type: 'task-completed', taskKey: 't:9', outcome: 'paid' }, day(1));
    expect(commands).toEqual([]);
    expect(state.nodeId).toBe('t');
  });

  it('throws a typed error for an outcome the task does not have', () => {
    const atTask = step(g, startState(g, account(), day(0)).state, { type: 'action-done', nodeId: 'r' }, day(0));
    expect(() => step(g, atTask.state, { type: 'task-completed', taskKey: 't:1', outcome: 'maybe' }, day(1))).toThrow(
      UnknownTaskOutcomeError,
    );
  });

  it('ignores every event once the run has ended', () => {
    const atTask = step(g, startState(g, account(), day(0)).state, { type: 'action-done', nodeId: 'r' }, day(0));
    const ended = step(g, atTask.state, { type: 'task-completed', taskKey: 't:1', outcome: 'paid' }, day(1));
    expect(ended.commands).toEqual([expect.objectContaining({ type: 'complete', input: expect.objectContaining({ outcome: 'completed' }) })]);
    const after = step(g, ended.state, { type: 'account-changed', account: account('0') }, day(2));
    expect(after.commands).toEqual([]);
    expect(after.state).toBe(ended.state);
  });
});

describe('visits and idempotency keys', () => {
  it('numbers each visit of a node in its effect key', () => {
    const g = parsed(
      [start(), wait('w', 1), reminder('r'), condition('c'), end()],
      [e('start', 'w'), e('w', 'r'), e('r', 'c'), e('c', 'w', 'yes'), e('c', 'end', 'no')],
    );
    let state = startState(g, account(), day(0)).state;
    const keys: string[] = [];
    for (let round = 1; round <= 3; round += 1) {
      const fired = step(g, state, { type: 'timer-fired' }, day(round));
      for (const c of fired.commands) if (c.type === 'send-reminder') keys.push(c.key);
      const done = step(g, fired.state, { type: 'action-done', nodeId: 'r' }, day(round));
      state = step(g, done.state, { type: 'condition-evaluated', nodeId: 'c', result: true, matched: [] }, day(round)).state;
    }
    expect(keys).toEqual(['r:1', 'r:2', 'r:3']);
    expect(state.visits).toMatchObject({ start: 1, w: 4, r: 3, c: 3 });
  });

  it('keeps only the most recent decisions', () => {
    const g = parsed([start(), wait('w', 1), end()], [e('start', 'w'), e('w', 'w', 'next')]);
    let state = startState(g, account(), day(0)).state;
    for (let n = 1; n <= 40; n += 1) state = step(g, state, { type: 'timer-fired' }, day(n)).state;
    expect(state.decisions).toHaveLength(MAX_DECISIONS);
    expect(state.decisions.at(-1)?.at).toBe(iso(40));
  });

  it('never changes the state it is given', () => {
    const first = startState(simple, account(), day(0));
    const snapshot = JSON.parse(JSON.stringify(first.state)) as EngineState;
    step(simple, first.state, { type: 'timer-fired' }, day(1));
    step(simple, first.state, { type: 'account-changed', account: account('0') }, day(1));
    expect(first.state).toEqual(snapshot);
  });
});

describe('account changes', () => {
  const g = parsed(
    [start(), dueWait('d', 7), task('t', ['ok']), end()],
    [e('start', 'd'), e('d', 't'), e('t', 'end', 'ok')],
  );

  it('ends the run as settled when the balance reaches zero, whatever it waits for', () => {
    const atWait = startState(g, account('100', 0), day(0));
    const settledAtWait = step(g, atWait.state, { type: 'account-changed', account: account('0', null) }, day(1));
    expect(settledAtWait.commands).toEqual([expect.objectContaining({ type: 'complete', input: expect.objectContaining({ outcome: 'settled' }) })]);
    expect(settledAtWait.state.status).toBe('ended');
    expect(settledAtWait.state.outcome).toBe('settled');
    expect(settledAtWait.state.account.balanceMinor).toBe('0');

    const atTask = step(g, atWait.state, { type: 'timer-fired' }, day(7));
    expect(atTask.state.awaiting.kind).toBe('task-outcome');
    const settledAtTask = step(g, atTask.state, { type: 'account-changed', account: account('-5', null) }, day(8));
    expect(settledAtTask.commands).toEqual([expect.objectContaining({ type: 'complete', input: expect.objectContaining({ outcome: 'settled' }) })]);
  });

  it('recomputes a due-offset wait from the new oldest due date', () => {
    const atWait = startState(g, account('100', 0), day(0));
    expect(atWait.commands).toEqual([{ type: 'wait-until', nodeId: 'd', key: 'd:1', input: { until: iso(7) } }]);
    const moved = step(g, atWait.state, { type: 'account-changed', account: account('60', 10) }, day(1));
    expect(moved.commands).toEqual([{ type: 'wait-until', nodeId: 'd', key: 'd:1', input: { until: iso(17) } }]);
    expect(moved.state.awaiting).toEqual({ kind: 'timer', until: iso(17) });
    expect(moved.state.account.balanceMinor).toBe('60');
    expect(moved.state.visits['d']).toBe(1);
  });

  it('ignores the stale timer of a wait that was pushed back', () => {
    const atWait = startState(g, account('100', 0), day(0));
    const moved = step(g, atWait.state, { type: 'account-changed', account: account('60', 10) }, day(1));
    const stale = step(g, moved.state, { type: 'timer-fired' }, day(7));
    expect(stale.commands).toEqual([{ type: 'wait-until', nodeId: 'd', key: 'd:1', input: { until: iso(17) } }]);
    expect(stale.state.nodeId).toBe('d');
  });

  it('continues at once when the new due date puts the wait in the past', () => {
    const atWait = startState(g, account('100', 0), day(0));
    const moved = step(g, atWait.state, { type: 'account-changed', account: account('60', -10) }, day(1));
    expect(moved.commands.map((c) => c.type)).toEqual(['create-task']);
  });

  it('only updates the snapshot when not waiting on a due-offset timer', () => {
    const atTask = step(g, startState(g, account('100', 0), day(0)).state, { type: 'timer-fired' }, day(7));
    const changed = step(g, atTask.state, { type: 'account-changed', account: account('40', 3) }, day(8));
    expect(changed.commands).toEqual([]);
    expect(changed.state.account).toEqual(account('40', 3));
    expect(changed.state.awaiting).toEqual(atTask.state.awaiting);
  });
});

describe('programming errors', () => {
  it('throws when an edge leads to a node that does not exist', () => {
    const g = parsed([start(), end()], [e('start', 'ghost')]);
    expect(() => startState(g, account(), day(0))).toThrow(UnknownNodeError);
  });

  it('throws when a node lacks the edge it must follow', () => {
    const g = parsed([start(), end()], []);
    expect(() => startState(g, account(), day(0))).toThrow(MissingEdgeError);
  });

  it('throws when the state sits at a node the graph does not have', () => {
    const first = startState(simple, account(), day(0));
    const broken: EngineState = { ...first.state, nodeId: 'gone' };
    expect(() => step(simple, broken, { type: 'timer-fired' }, day(2))).toThrow(UnknownNodeError);
  });

  it('stops a loop that never waits', () => {
    const g: StrategyGraph = parsed([start(), wait('a', 0), wait('b', 0)], [e('start', 'a'), e('a', 'b'), e('b', 'a')]);
    expect(() => startState(g, account(), day(0))).toThrow(RunawayStepError);
  });
});
