import { describe, expect, it } from '@jest/globals';
import { nextWakeAt, startState, step, validateStrategy, type AccountSnapshot, type EngineState } from '../src/index.ts';
import { assign, e, end, endWith, graph, parsed, plan, reminder, start, switchOn, tag, task, wait, waitFor, writeOff } from './builders.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-01T10:00:00.000Z');
const day = (n: number) => new Date(T0 + n * DAY);
const account = (balanceMinor = '50000', disputedMinor = '0'): AccountSnapshot => ({
  balanceMinor,
  currency: 'EUR',
  oldestDueAt: '2026-05-01T09:00:00.000Z',
  disputedMinor,
});

describe('wait-for-event', () => {
  const nodes = [start(), waitFor('w', ['payment', 'promise', 'dispute']), endWith('paid', 'completed'), endWith('promised', 'completed'), endWith('disputed', 'completed'), endWith('late', 'agency')];
  const edges = [e('start', 'w'), e('w', 'paid', 'payment'), e('w', 'promised', 'promise'), e('w', 'disputed', 'dispute'), e('w', 'late', 'timeout')];
  const g = parsed(nodes, edges);

  it('is a valid node whose exits are its events plus timeout', () => {
    expect(validateStrategy(graph(nodes, edges))).toMatchObject({ ok: true });
    const missing = validateStrategy(graph(nodes, edges.filter((x) => x.sourceHandle !== 'timeout')));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems).toContainEqual(expect.objectContaining({ nodeId: 'w', code: 'missing-handle' }));
  });

  it('waits with a timer at the timeout and takes "timeout" when nothing arrives', () => {
    const started = startState(g, account(), day(0));
    expect(started.state.awaiting).toEqual({ kind: 'event', events: ['payment', 'promise', 'dispute'], until: day(7).toISOString() });
    expect(nextWakeAt(started.state)).toBe(day(7).toISOString());
    expect(step(g, started.state, { type: 'timer-fired' }, day(6)).state.nodeId).toBe('w');
    const late = step(g, started.state, { type: 'timer-fired' }, day(7));
    expect(late.state).toMatchObject({ status: 'ended', nodeId: 'late', outcome: 'agency' });
  });

  it('takes "payment" when the balance falls, "promise" when a promise is recorded and "dispute" when one is opened', () => {
    const started = startState(g, account(), day(0)).state;
    expect(step(g, started, { type: 'account-changed', account: account('20000') }, day(1)).state.nodeId).toBe('paid');
    expect(step(g, started, { type: 'promise-recorded', promiseId: 'p1', until: day(10).toISOString() }, day(1)).state.nodeId).toBe('promised');
    expect(step(g, started, { type: 'dispute-opened' }, day(1)).state.nodeId).toBe('disputed');
  });

  it('does not wake on a rise in the balance (a new invoice)', () => {
    const started = startState(g, account(), day(0)).state;
    expect(step(g, started, { type: 'account-changed', account: account('90000') }, day(1)).state.awaiting.kind).toBe('event');
  });

  it('wakes on the outcome of a task created without waiting for it', () => {
    const raw = { ...task('t', ['done']), data: { taskType: 'review', title: 'Check', assignment: 'round-robin', outcomes: ['done'], awaitOutcome: false } };
    const g2 = parsed([start(), raw, waitFor('w', ['task-outcome']), end('ok'), endWith('late', 'agency')], [e('start', 't'), e('t', 'w'), e('w', 'ok', 'task-outcome'), e('w', 'late', 'timeout')]);
    const started = startState(g2, account(), day(0));
    expect(started.commands).toContainEqual(expect.objectContaining({ type: 'create-task', key: 't:1' }));
    const waiting = step(g2, started.state, { type: 'action-done', nodeId: 't' }, day(0));
    expect(waiting.state).toMatchObject({ nodeId: 'w', openTasks: ['t:1'] });
    const done = step(g2, waiting.state, { type: 'task-completed', taskKey: 't:1', outcome: 'done' }, day(2));
    expect(done.state).toMatchObject({ status: 'ended', nodeId: 'ok', openTasks: [] });
  });
});

describe('switch', () => {
  const nodes = [
    start(),
    switchOn('s', [
      { outcome: 'small', priority: 1, condition: { fact: 'overdueAmountMinor', operator: 'lessThan', value: 10000 } },
      { outcome: 'vip', priority: 5, condition: { fact: 'segment', operator: 'equal', value: 'vip' } },
    ]),
    endWith('a', 'completed'),
    endWith('b', 'agency'),
    endWith('c', 'written-off'),
  ];
  const edges = [e('start', 's'), e('s', 'a', 'small'), e('s', 'b', 'vip'), e('s', 'c', 'default')];
  const g = parsed(nodes, edges);

  it('asks for the rules with their priorities and follows the winning outcome', () => {
    const started = startState(g, account(), day(0));
    expect(started.commands).toEqual([
      {
        type: 'evaluate-switch',
        nodeId: 's',
        key: 's:1',
        input: { rules: [expect.objectContaining({ name: 'small', priority: 1 }), expect.objectContaining({ name: 'vip', priority: 5 })] },
      },
    ]);
    const vip = step(g, started.state, { type: 'switch-evaluated', nodeId: 's', outcome: 'vip', matched: ['segment equal "vip"'] }, day(0));
    expect(vip.state).toMatchObject({ nodeId: 'b', outcome: 'agency' });
    expect(vip.state.decisions.map((d) => d.detail).join('\n')).toContain('rule "vip" held');
  });

  it('takes "default" when no rule holds', () => {
    const started = startState(g, account(), day(0));
    const none = step(g, started.state, { type: 'switch-evaluated', nodeId: 's', outcome: null, matched: [] }, day(0));
    expect(none.state).toMatchObject({ nodeId: 'c', outcome: 'written-off' });
  });

  it('is refused by the validator when its rules test an unknown fact or repeat an outcome', () => {
    const bad = switchOn('s', [
      { outcome: 'x', condition: { fact: 'shoeSize', operator: 'equal', value: 1 } },
      { outcome: 'x', condition: { fact: 'segment', operator: 'equal', value: 'a' } },
    ]);
    const result = validateStrategy(graph([start(), bad, end('a')], [e('start', 's'), e('s', 'a', 'x'), e('s', 'a', 'default', 'd')]), { facts: ['segment'] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['unknown-fact', 'duplicate-task-outcome']));
    }
  });
});

describe('assign and tag', () => {
  it('asks the activities to assign a pool and set tags, one keyed action each, then goes on', () => {
    const g = parsed([start(), assign('as'), tag('tg'), end()], [e('start', 'as'), e('as', 'tg'), e('tg', 'end')]);
    const started = startState(g, account(), day(0));
    expect(started.commands).toEqual([
      {
        type: 'assign-collector',
        nodeId: 'as',
        key: 'as:1',
        input: { rules: [expect.objectContaining({ name: 'high-value', priority: 10 })], defaultPool: 'general', requiredSkills: ['german'] },
      },
    ]);
    const tagged = step(g, started.state, { type: 'action-done', nodeId: 'as' }, day(0));
    expect(tagged.commands).toEqual([
      { type: 'set-tags', nodeId: 'tg', key: 'tg:1', input: { segment: 'hardship', addTags: ['hardship'], removeTags: [] } },
    ]);
    expect(step(g, tagged.state, { type: 'action-done', nodeId: 'tg' }, day(0)).state.status).toBe('ended');
  });
});

describe('promises to pay', () => {
  const g = parsed([start(), wait('w', 2), reminder('r'), wait('w2', 5), end()], [e('start', 'w'), e('w', 'r'), e('r', 'w2'), e('w2', 'end')]);

  function promised(): EngineState {
    const started = startState(g, account(), day(0)).state;
    return step(g, started, { type: 'promise-recorded', promiseId: 'p1', until: day(10).toISOString() }, day(1)).state;
  }

  it('holds a reminder that falls due while the promise runs, until its deadline', () => {
    const held = step(g, promised(), { type: 'timer-fired' }, day(2));
    expect(held.commands).toEqual([{ type: 'wait-until', nodeId: 'r', key: 'r:1', input: { until: day(10).toISOString() } }]);
    expect(held.state.awaiting).toMatchObject({ kind: 'deferred', until: day(10).toISOString() });
    expect(nextWakeAt(held.state)).toBe(day(10).toISOString());
  });

  it('has the promise judged at its deadline and sends the held reminder once it is broken', () => {
    const held = step(g, promised(), { type: 'timer-fired' }, day(2)).state;
    const judged = step(g, held, { type: 'timer-fired' }, day(10));
    expect(judged.commands).toEqual([{ type: 'check-promise', nodeId: 'r', key: 'promise:p1', input: { promiseId: 'p1' } }]);
    const broken = step(g, judged.state, { type: 'promise-resolved', promiseId: 'p1', status: 'broken' }, day(10));
    expect(broken.commands).toContainEqual(expect.objectContaining({ type: 'send-reminder', key: 'r:1' }));
    expect(broken.state.promises).toEqual({ kept: 0, broken: 1 });
    expect(broken.state.holds).toEqual([]);
  });

  it('has running promises judged again when a payment arrives', () => {
    const paid = step(g, promised(), { type: 'account-changed', account: account('30000') }, day(3));
    expect(paid.commands).toEqual([{ type: 'check-promise', nodeId: 'w', key: 'promise:p1', input: { promiseId: 'p1' } }]);
    const stillOpen = step(g, paid.state, { type: 'promise-resolved', promiseId: 'p1', status: 'open' }, day(3));
    expect(stillOpen.state.holds).toHaveLength(1);
  });

  it('lets a wait-for-event node branch on a broken promise', () => {
    const g2 = parsed(
      [start(), waitFor('w', ['promise-kept', 'promise-broken'], 30), end('kept'), endWith('broken', 'agency'), endWith('late', 'agency')],
      [e('start', 'w'), e('w', 'kept', 'promise-kept'), e('w', 'broken', 'promise-broken'), e('w', 'late', 'timeout')],
    );
    const started = startState(g2, account(), day(0)).state;
    const withPromise = step(g2, started, { type: 'promise-recorded', promiseId: 'p1', until: day(5).toISOString() }, day(1)).state;
    const broken = step(g2, withPromise, { type: 'promise-resolved', promiseId: 'p1', status: 'broken' }, day(5));
    expect(broken.state).toMatchObject({ nodeId: 'broken', outcome: 'agency' });
  });
});

describe('payment plans', () => {
  const g = parsed([start(), plan('pp', 2), end('done'), endWith('failed', 'agency')], [e('start', 'pp'), e('pp', 'done', 'completed'), e('pp', 'failed', 'broken')]);
  const installments = [
    { promiseId: 'i1', until: day(10).toISOString() },
    { promiseId: 'i2', until: day(40).toISOString() },
  ];

  function created(): EngineState {
    const started = startState(g, account(), day(0));
    expect(started.commands).toEqual([
      { type: 'create-payment-plan', nodeId: 'pp', key: 'pp:1', input: { installments: 2, intervalDays: 30, firstDueInDays: 7, graceDays: 3 } },
    ]);
    return step(g, started.state, { type: 'plan-created', nodeId: 'pp', planId: 'plan-1', installments }, day(0)).state;
  }

  it('tracks each installment like a promise and completes when all are kept', () => {
    const state = created();
    expect(state.holds?.map((h) => h.promiseId)).toEqual(['i1', 'i2']);
    expect(nextWakeAt(state)).toBe(day(10).toISOString());
    const first = step(g, state, { type: 'promise-resolved', promiseId: 'i1', status: 'kept' }, day(9)).state;
    expect(first.nodeId).toBe('pp');
    const second = step(g, first, { type: 'promise-resolved', promiseId: 'i2', status: 'kept' }, day(39)).state;
    expect(second).toMatchObject({ status: 'ended', nodeId: 'done', promises: { kept: 2, broken: 0 } });
  });

  it('leaves along "broken" when an installment is broken and drops the rest of the plan', () => {
    const broken = step(g, created(), { type: 'promise-resolved', promiseId: 'i1', status: 'broken' }, day(10)).state;
    expect(broken).toMatchObject({ nodeId: 'failed', holds: [] });
  });
});

describe('end nodes', () => {
  it('asks a manager to approve a write-off above the limit and writes off on approval', () => {
    const g = parsed([start(), writeOff('wo', 10000), end('back')], [e('start', 'wo'), e('wo', 'back', 'rejected')]);
    const started = startState(g, account('50000'), day(0));
    expect(started.commands).toEqual([
      expect.objectContaining({ type: 'create-task', key: 'wo:1', input: expect.objectContaining({ role: 'manager', outcomes: ['approve', 'reject'], taskType: 'review' }) }),
    ]);
    const approved = step(g, started.state, { type: 'task-completed', taskKey: 'wo:1', outcome: 'approve' }, day(1));
    expect(approved.commands).toEqual([{ type: 'complete', nodeId: 'wo', key: 'wo:1', input: { outcome: 'written-off' } }]);
    const rejected = step(g, started.state, { type: 'task-completed', taskKey: 'wo:1', outcome: 'reject' }, day(1));
    expect(rejected.state).toMatchObject({ nodeId: 'back', outcome: 'completed' });
  });

  it('writes off at once at or below the limit', () => {
    const g = parsed([start(), writeOff('wo', 10000), end('back')], [e('start', 'wo'), e('wo', 'back', 'rejected')]);
    expect(startState(g, account('10000'), day(0)).state).toMatchObject({ status: 'ended', outcome: 'written-off' });
  });

  it('is refused by the validator when a write-off that needs approval has no "rejected" exit', () => {
    const result = validateStrategy(graph([start(), writeOff('wo', 10000)], [e('start', 'wo')]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ nodeId: 'wo', code: 'missing-handle' }));
  });
});

describe('disputes', () => {
  const g = parsed([start(), reminder('r'), end()], [e('start', 'r'), e('r', 'end')]);

  it('holds every contact while all open items are disputed and resumes when the dispute is found invalid', () => {
    const started = startState(g, account('0', '50000'), day(0));
    expect(started.state).toMatchObject({ status: 'running', awaiting: { kind: 'deferred', until: null } });
    expect(started.commands).toEqual([]);
    expect(nextWakeAt(started.state)).toBeNull();
    const resumed = step(g, started.state, { type: 'account-changed', account: account('50000', '0') }, day(3));
    expect(resumed.commands).toEqual([expect.objectContaining({ type: 'send-reminder', key: 'r:1' })]);
  });

  it('settles when a valid dispute credits away the last open amount', () => {
    const started = startState(g, account('0', '50000'), day(0));
    const credited = step(g, started.state, { type: 'account-changed', account: account('0', '0') }, day(3));
    expect(credited.state).toMatchObject({ status: 'ended', outcome: 'settled' });
  });
});

describe('operators that fit the fact type', () => {
  it('refuses "contains" on a number fact and "greaterThan" on the tags list, naming the node', () => {
    const rules = switchOn('s', [
      { outcome: 'a', condition: { fact: 'overdueAmountMinor', operator: 'contains', value: 5 } },
      { outcome: 'b', condition: { fact: 'tags', operator: 'greaterThan', value: 1 } },
      { outcome: 'c', condition: { fact: 'tags', operator: 'contains', value: 'vip' } },
    ]);
    const result = validateStrategy(
      graph([start(), rules, end('x')], [e('start', 's'), e('s', 'x', 'a'), e('s', 'x', 'b', 'eb'), e('s', 'x', 'c', 'ec'), e('s', 'x', 'default', 'ed')]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.filter((p) => p.code === 'operator-mismatch').map((p) => p.message)).toEqual([
        'Switch "s" compares the number fact "overdueAmountMinor" with "contains"; a number fact takes equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn.',
        'Switch "s" compares the list fact "tags" with "greaterThan"; a list fact takes contains, doesNotContain.',
      ]);
    }
  });
});
