import type { StrategyEdge, StrategyGraph, StrategyNode } from './graph.ts';

// The strategy every installation starts with. Positions run top to bottom (one row every 120 px) with the
// branches after the call beside the main column, so the designer shows it readably without a layout pass.

const ROW = 120;
const MAIN = 300;

const at = (column: number, row: number) => ({ x: column, y: row * ROW });

const nodes: StrategyNode[] = [
  { id: 'start', type: 'start', position: at(MAIN, 0), label: 'Start', data: {} },
  {
    id: 'wait-pre-due',
    type: 'wait',
    position: at(MAIN, 1),
    label: 'Until 3 days before the due date',
    data: { mode: 'due-offset', offsetDays: -3 },
  },
  {
    id: 'remind-pre-due',
    type: 'reminder',
    position: at(MAIN, 2),
    label: 'Friendly pre-due reminder',
    data: { channel: 'email', template: 'pre-due' },
  },
  {
    id: 'wait-due',
    type: 'wait',
    position: at(MAIN, 3),
    label: 'Until the due date',
    data: { mode: 'due-offset', offsetDays: 0 },
  },
  {
    id: 'remind-due-today',
    type: 'reminder',
    position: at(MAIN, 4),
    label: 'Due today reminder',
    data: { channel: 'email', template: 'due-today' },
  },
  {
    id: 'wait-overdue-7',
    type: 'wait',
    position: at(MAIN, 5),
    label: 'Until 7 days overdue',
    data: { mode: 'due-offset', offsetDays: 7 },
  },
  {
    id: 'remind-overdue-7',
    type: 'reminder',
    position: at(MAIN, 6),
    label: 'First overdue reminder',
    data: { channel: 'email', template: 'overdue-7' },
  },
  {
    id: 'wait-overdue-14',
    type: 'wait',
    position: at(MAIN, 7),
    label: 'Until 14 days overdue',
    data: { mode: 'due-offset', offsetDays: 14 },
  },
  {
    id: 'check-call-threshold',
    type: 'condition',
    position: at(MAIN, 8),
    label: 'Overdue 100.00 or more?',
    data: { condition: { all: [{ fact: 'overdueAmountMinor', operator: 'greaterThanInclusive', value: 10000 }] } },
  },
  {
    id: 'task-call',
    type: 'task',
    position: at(MAIN - 200, 9),
    label: 'Call the customer',
    data: {
      taskType: 'call',
      title: 'Call the customer about the overdue balance',
      assignment: 'least-loaded',
      outcomes: ['promise-to-pay', 'payment-plan', 'no-contact', 'wrong-number', 'dispute'],
      dueInHours: 24,
      awaitOutcome: true,
    },
  },
  {
    id: 'remind-overdue-14',
    type: 'reminder',
    position: at(MAIN + 250, 9),
    label: 'Second overdue reminder',
    data: { channel: 'email', template: 'overdue-14' },
  },
  {
    id: 'wait-promise',
    type: 'wait',
    position: at(MAIN - 350, 10),
    label: 'Give the promise 7 days',
    data: { mode: 'duration', days: 7, hours: 0, minutes: 0 },
  },
  {
    id: 'escalate-dispute',
    type: 'escalate',
    position: at(MAIN - 100, 10),
    label: 'Manager reviews the dispute',
    data: { level: 1, action: 'manager-review' },
  },
  {
    id: 'wait-overdue-30',
    type: 'wait',
    position: at(MAIN, 11),
    label: 'Until 30 days overdue',
    data: { mode: 'due-offset', offsetDays: 30 },
  },
  {
    id: 'remind-final-notice',
    type: 'reminder',
    position: at(MAIN, 12),
    label: 'Final notice',
    data: { channel: 'email', template: 'final-notice' },
  },
  {
    id: 'wait-overdue-45',
    type: 'wait',
    position: at(MAIN, 13),
    label: 'Until 45 days overdue',
    data: { mode: 'due-offset', offsetDays: 45 },
  },
  {
    id: 'escalate-manager',
    type: 'escalate',
    position: at(MAIN, 14),
    label: 'Escalate to a manager',
    data: { level: 1, action: 'manager-review' },
  },
  { id: 'end', type: 'end', position: at(MAIN, 15), label: 'Done', data: { outcome: 'completed' } },
];

const edge = (source: string, target: string, sourceHandle = 'next'): StrategyEdge => ({
  id: `${source}--${sourceHandle}`,
  source,
  target,
  sourceHandle,
});

const edges: StrategyEdge[] = [
  edge('start', 'wait-pre-due'),
  edge('wait-pre-due', 'remind-pre-due'),
  edge('remind-pre-due', 'wait-due'),
  edge('wait-due', 'remind-due-today'),
  edge('remind-due-today', 'wait-overdue-7'),
  edge('wait-overdue-7', 'remind-overdue-7'),
  edge('remind-overdue-7', 'wait-overdue-14'),
  edge('wait-overdue-14', 'check-call-threshold'),
  edge('check-call-threshold', 'task-call', 'yes'),
  edge('check-call-threshold', 'remind-overdue-14', 'no'),
  edge('task-call', 'wait-promise', 'promise-to-pay'),
  // The plan's installments hold every reminder and call until one is broken or all are paid.
  edge('task-call', 'wait-overdue-30', 'payment-plan'),
  edge('task-call', 'wait-overdue-30', 'no-contact'),
  edge('task-call', 'wait-overdue-30', 'wrong-number'),
  edge('task-call', 'escalate-dispute', 'dispute'),
  edge('remind-overdue-14', 'wait-overdue-30'),
  edge('wait-promise', 'wait-overdue-30'),
  edge('escalate-dispute', 'wait-overdue-30'),
  edge('wait-overdue-30', 'remind-final-notice'),
  edge('remind-final-notice', 'wait-overdue-45'),
  edge('wait-overdue-45', 'escalate-manager'),
  edge('escalate-manager', 'end'),
];

export interface DefaultStrategy {
  name: string;
  description: string;
  graph: StrategyGraph;
}

/** Frozen so that no caller can change the built-in default for everyone else; clone it to edit. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_STRATEGY: DefaultStrategy = deepFreeze({
  name: 'Standard dunning',
  description:
    'Reminds before and on the due date and after 7 days; at 14 days overdue calls customers who owe 100.00 or ' +
    'more and reminds the others; sends a final notice at 30 days and escalates to a manager at 45 days.',
  graph: { schemaVersion: 1, nodes, edges },
});
