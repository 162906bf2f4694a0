import { describe, expect, it } from '@jest/globals';
import {
  exitHandles,
  fixedKindExits,
  kindExits,
  kindTitle,
  nextWeekdayAt,
  NODE_KIND_REGISTRY,
  NODE_KINDS,
  nodeDataSchemas,
  settingBounds,
  startState,
  step,
  strategyNodeSchema,
  validateStrategy,
  type NodeKind,
} from '../src/index.ts';

// Settings each kind accepts, to ask the registry about real nodes.
const SETTINGS: Record<NodeKind, unknown> = {
  start: {},
  wait: { mode: 'duration', days: 1 },
  'wait-for-event': { events: ['payment', 'dispute'] },
  'wait-until-weekday': { weekdays: ['tuesday', 'friday'] },
  condition: { condition: { fact: 'daysPastDue', operator: 'greaterThan', value: 3 } },
  switch: { rules: [{ outcome: 'vip', condition: { fact: 'segment', operator: 'equal', value: 'vip' } }] },
  reminder: { channel: 'email', template: 'overdue-7' },
  task: { taskType: 'call', title: 'Call', assignment: 'round-robin', outcomes: ['paid', 'refused'] },
  assign: { defaultPool: 'general', rules: [{ pool: 'big', condition: { fact: 'balanceMinor', operator: 'greaterThan', value: 1 } }] },
  tag: { segment: 'hardship' },
  'payment-plan': { installments: 3, intervalDays: 30, firstDueInDays: 7 },
  escalate: { level: 1, action: 'notify-manager' },
  end: { outcome: 'written-off', approvalAboveMinor: 1000 },
};

const nodeOf = (kind: NodeKind) => strategyNodeSchema.parse({ id: 'n1', type: kind, data: SETTINGS[kind] });

describe('the node kind registry', () => {
  it('defines every node kind once, under its own name', () => {
    expect(Object.keys(NODE_KIND_REGISTRY).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) expect(NODE_KIND_REGISTRY[kind].kind).toBe(kind);
  });

  it.each(NODE_KINDS)('validates %s settings with the schema its definition holds', (kind) => {
    expect(nodeDataSchemas[kind]).toBe(NODE_KIND_REGISTRY[kind].schema);
    expect(NODE_KIND_REGISTRY[kind].schema.safeParse(SETTINGS[kind]).success).toBe(true);
  });

  it.each(NODE_KINDS)('gives a %s node the same exits through the node and through its kind', (kind) => {
    const node = nodeOf(kind);
    expect(exitHandles(node)).toEqual(kindExits(kind, SETTINGS[kind] as never).map((exit) => exit.handle));
    // A kind whose exits do not depend on its settings has those exits with any settings.
    const fixed = fixedKindExits(kind);
    if (fixed) expect(exitHandles(node)).toEqual(fixed.map((exit) => exit.handle));
  });

  it.each(NODE_KINDS)('names a %s node in validation problems by its kind title', (kind) => {
    const broken = { id: 'n1', type: kind, position: { x: 0, y: 0 }, label: 'Broken', data: { ...(SETTINGS[kind] as object), unexpected: 1, level: 'x' } };
    const result = validateStrategy({ nodes: [broken], edges: [] });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((problem) => problem.message);
    expect(messages.some((message) => message.includes(`${kindTitle(kind)} "Broken"`))).toBe(true);
  });

  it('ends a weekday wait at the first chosen weekday after now, at its hour in UTC', () => {
    const tuesday0859 = Date.parse('2026-12-01T08:59:00.000Z'); // a Tuesday
    expect(new Date(nextWeekdayAt(tuesday0859, ['tuesday'], 9)).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(new Date(nextWeekdayAt(tuesday0859 + 60_000, ['tuesday'], 9)).toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(new Date(nextWeekdayAt(tuesday0859, ['monday', 'friday'], 14)).toISOString()).toBe('2026-12-04T14:00:00.000Z');
    expect(new Date(nextWeekdayAt(Date.parse('2026-12-06T23:00:00.000Z'), ['monday'], 0)).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('waits at a wait-until-weekday node and goes on along next when its timer fires', () => {
    const g = validateStrategy({
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'w', type: 'wait-until-weekday', position: { x: 0, y: 0 }, data: { weekdays: ['friday'], hourUtc: 14 } },
        { id: 'end', type: 'end', position: { x: 0, y: 0 }, data: { outcome: 'completed' } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'w', sourceHandle: 'next' },
        { id: 'b', source: 'w', target: 'end', sourceHandle: 'next' },
      ],
    });
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    const account = { balanceMinor: '5000', currency: 'EUR', oldestDueAt: '2026-11-01T00:00:00.000Z' };
    const started = startState(g.graph, account, new Date('2026-12-01T08:59:00.000Z'));
    expect(started.commands).toEqual([{ type: 'wait-until', nodeId: 'w', key: 'w:1', input: { until: '2026-12-04T14:00:00.000Z' } }]);
    const early = step(g.graph, started.state, { type: 'timer-fired' }, new Date('2026-12-04T13:00:00.000Z'));
    expect(early.state.nodeId).toBe('w');
    const over = step(g.graph, started.state, { type: 'timer-fired' }, new Date('2026-12-04T14:00:00.000Z'));
    expect(over.state).toMatchObject({ status: 'ended', outcome: 'completed' });
  });

  it('reads the bounds of a number setting from the kind\'s schema, through defaults, options and union options', () => {
    expect(settingBounds('wait-for-event', 'timeoutDays')).toEqual({ min: 0, max: 365 });
    expect(settingBounds('wait', 'offsetDays')).toEqual({ min: -365, max: 3650 });
    expect(settingBounds('task', 'dueInHours')).toEqual({ min: 1, max: 720 });
    // Only the integer range bounds it above: no max is offered.
    expect(settingBounds('end', 'approvalAboveMinor')).toEqual({ min: 0 });
    expect(settingBounds('reminder', 'template')).toEqual({});
  });

  it('gives every kind a distinct title', () => {
    const titles = NODE_KINDS.map(kindTitle);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
