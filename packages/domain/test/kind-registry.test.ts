import { describe, expect, it } from '@jest/globals';
import {
  exitHandles,
  fixedKindExits,
  kindExits,
  kindTitle,
  NODE_KIND_REGISTRY,
  NODE_KINDS,
  nodeDataSchemas,
  strategyNodeSchema,
  validateStrategy,
  type NodeKind,
} from '../src/index.ts';

// Settings each kind accepts, to ask the registry about real nodes.
const SETTINGS: Record<NodeKind, unknown> = {
  start: {},
  wait: { mode: 'duration', days: 1 },
  'wait-for-event': { events: ['payment', 'dispute'] },
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

  it('gives every kind a distinct title', () => {
    const titles = NODE_KINDS.map(kindTitle);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
