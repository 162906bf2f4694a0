// Small builders for raw strategy documents, as the designer would send them.

import { strategyGraphSchema, type StrategyGraph } from '../src/index.ts';

export type RawNode = { id: string; type: string; label?: string; data: unknown; position?: unknown };
export type RawEdge = { id: string; source: string; target: string; sourceHandle?: string };

export const start = (id = 'start'): RawNode => ({ id, type: 'start', data: {} });
export const end = (id = 'end'): RawNode => ({ id, type: 'end', data: { outcome: 'completed' } });
export const reminder = (id: string, template = 'pre-due'): RawNode => ({
  id,
  type: 'reminder',
  data: { channel: 'email', template },
});
export const wait = (id: string, days = 1): RawNode => ({ id, type: 'wait', data: { mode: 'duration', days } });
export const dueWait = (id: string, offsetDays: number): RawNode => ({ id, type: 'wait', data: { mode: 'due-offset', offsetDays } });
export const condition = (id: string, cond: unknown = { fact: 'daysPastDue', operator: 'greaterThan', value: 1 }): RawNode => ({
  id,
  type: 'condition',
  data: { condition: cond },
});
export const task = (id: string, outcomes: string[]): RawNode => ({
  id,
  type: 'task',
  data: { taskType: 'call', title: 'Call', assignment: 'round-robin', outcomes },
});
export const e = (source: string, target: string, sourceHandle = 'next', id = `${source}-${sourceHandle}-${target}`): RawEdge => ({
  id,
  source,
  target,
  sourceHandle,
});

export const graph = (nodes: RawNode[], edges: RawEdge[]) => ({ nodes, edges });

export const escalate = (id: string, level = 1): RawNode => ({
  id,
  type: 'escalate',
  data: { level, action: 'manager-review' },
});
export const endWith = (id: string, outcome: string): RawNode => ({ id, type: 'end', data: { outcome } });

/** Parses with the schema only (not the graph rules), so tests can also run graphs the validator would refuse. */
export const parsed = (nodes: RawNode[], edges: RawEdge[]): StrategyGraph => strategyGraphSchema.parse(graph(nodes, edges));

export const waitFor = (id: string, events: string[], timeoutDays = 7): RawNode => ({
  id,
  type: 'wait-for-event',
  data: { events, timeoutDays },
});
export const switchOn = (id: string, rules: { outcome: string; priority?: number; condition: unknown }[]): RawNode => ({
  id,
  type: 'switch',
  data: { rules },
});
export const assign = (id: string, defaultPool = 'general'): RawNode => ({
  id,
  type: 'assign',
  data: { rules: [{ pool: 'high-value', priority: 10, condition: { fact: 'overdueAmountMinor', operator: 'greaterThan', value: 100000 } }], defaultPool, requiredSkills: ['german'] },
});
export const tag = (id: string): RawNode => ({ id, type: 'tag', data: { segment: 'hardship', addTags: ['hardship'], removeTags: [] } });
export const plan = (id: string, installments = 3): RawNode => ({
  id,
  type: 'payment-plan',
  data: { installments, intervalDays: 30, firstDueInDays: 7, graceDays: 3 },
});
export const writeOff = (id: string, approvalAboveMinor?: number): RawNode => ({
  id,
  type: 'end',
  data: { outcome: 'written-off', ...(approvalAboveMinor === undefined ? {} : { approvalAboveMinor }) },
});
