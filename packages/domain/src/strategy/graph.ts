import { z } from 'zod';
import { TASK_PRIORITIES } from '../tasks/task-priority.ts';

// The strategy document a manager draws in the designer. Its shape follows React Flow's nodes and edges
// ({ id, type, position, data } and { id, source, target, sourceHandle }) so the designer edits it as is.
// The engine ignores positions.

export const NODE_KINDS = [
  'start',
  'wait',
  'wait-for-event',
  'condition',
  'switch',
  'reminder',
  'task',
  'assign',
  'tag',
  'payment-plan',
  'escalate',
  'end',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

const position = z.object({ x: z.number(), y: z.number() });
const nodeId = z.string().min(1).max(64);

/** A json-rules-engine condition tree: { all: [...] } | { any: [...] } | { not: ... } | { fact, operator, value }. */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; operator: string; value: unknown; path?: string };

export const ruleConditionSchema: z.ZodType<RuleCondition, RuleCondition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ruleConditionSchema) }).strict(),
    z.object({ any: z.array(ruleConditionSchema) }).strict(),
    z.object({ not: ruleConditionSchema }).strict(),
    z
      .object({
        fact: z.string().min(1),
        operator: z.string().min(1),
        value: z.unknown(),
        path: z.string().optional(),
      })
      .strict(),
  ]),
);

export const waitDataSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('duration'),
    days: z.number().int().min(0).default(0),
    hours: z.number().int().min(0).default(0),
    minutes: z.number().int().min(0).default(0),
  }),
  z.object({
    mode: z.literal('due-offset'),
    /** Days relative to the oldest open due date; negative means before it. */
    offsetDays: z.number().int().min(-365).max(3650),
  }),
]);

export const TASK_TYPES = ['call', 'review'] as const;
export const ASSIGNMENT_POLICIES = ['round-robin', 'least-loaded'] as const;
export const ESCALATION_ACTIONS = ['notify-manager', 'manager-review', 'legal-review', 'agency-handover'] as const;
export const END_OUTCOMES = ['settled', 'written-off', 'agency', 'completed'] as const;
export type EndOutcome = (typeof END_OUTCOMES)[number];
/** Reminder channels; each is sent through a provider adapter behind one interface. */
export const REMINDER_CHANNELS = ['email', 'sms', 'letter', 'webhook'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
/**
 * What a wait-for-event node can wake on; each is also the handle of the edge taken. 'timeout' is the edge taken
 * when none arrives in time.
 */
export const WAIT_EVENTS = ['payment', 'promise', 'promise-kept', 'promise-broken', 'dispute', 'task-outcome'] as const;
export type WaitEvent = (typeof WAIT_EVENTS)[number];

/** A name that becomes an edge handle: outcomes of tasks and switches, collector pools. */
const handleName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'use letters, digits, spaces, dots, dashes or underscores');

/** A tag or segment name. */
const tagName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lower-case letters, digits, dots, dashes or underscores');

/** One prioritised rule of a switch or assign node: the highest priority that holds wins, ties go to list order. */
const prioritisedRule = <K extends string>(key: K) =>
  z.object({
    [key]: handleName,
    priority: z.number().int().min(0).max(1000).default(0),
    condition: ruleConditionSchema,
  } as { [P in K]: typeof handleName } & { priority: z.ZodDefault<z.ZodNumber>; condition: typeof ruleConditionSchema });

export const switchRuleSchema = prioritisedRule('outcome');
export const assignRuleSchema = prioritisedRule('pool');

export const nodeDataSchemas = {
  start: z.object({}).strict(),
  wait: waitDataSchema,
  'wait-for-event': z.object({
    events: z.array(z.enum(WAIT_EVENTS)).min(1),
    timeoutDays: z.number().int().min(0).max(365).default(7),
    timeoutHours: z.number().int().min(0).max(23).default(0),
  }),
  condition: z.object({ condition: ruleConditionSchema }),
  switch: z.object({ rules: z.array(switchRuleSchema).min(1).max(50) }),
  reminder: z.object({ channel: z.enum(REMINDER_CHANNELS), template: z.string().min(1) }),
  task: z.object({
    taskType: z.enum(TASK_TYPES),
    title: z.string().min(1).max(200),
    assignment: z.enum(ASSIGNMENT_POLICIES),
    /** Outcome names; each becomes an outgoing edge handle (when the run waits for the outcome). */
    outcomes: z.array(handleName).min(1),
    dueInHours: z.number().int().min(1).max(24 * 30).default(24),
    /**
     * true: the run waits at the task for its outcome. false: the run goes on at once along 'next', and a later
     * wait-for-event node can wake on the outcome.
     */
    awaitOutcome: z.boolean().default(true),
    /**
     * How urgent the collector's inbox ranks the task, beside the account's own figures. Optional rather than
     * defaulted, so graphs published before it existed keep their checksums; absent means 'normal'.
     */
    priority: z.enum(TASK_PRIORITIES).optional(),
  }),
  assign: z.object({
    rules: z.array(assignRuleSchema).max(50).default([]),
    /** The pool used when no rule holds. */
    defaultPool: handleName,
    /** Skills a collector needs to receive the account. */
    requiredSkills: z.array(tagName).max(20).default([]),
  }),
  tag: z
    .object({
      segment: tagName.optional(),
      addTags: z.array(tagName).max(20).default([]),
      removeTags: z.array(tagName).max(20).default([]),
    })
    .refine((d) => d.segment !== undefined || d.addTags.length > 0 || d.removeTags.length > 0, {
      message: 'set a segment or add or remove at least one tag',
    }),
  'payment-plan': z.object({
    installments: z.number().int().min(2).max(60),
    intervalDays: z.number().int().min(1).max(92),
    /** Days from entering the node to the first installment's due date. */
    firstDueInDays: z.number().int().min(0).max(92),
    /** Days after each due date before an unpaid installment counts as broken. */
    graceDays: z.number().int().min(0).max(30).default(3),
  }),
  escalate: z.object({ level: z.number().int().min(1).max(9), action: z.enum(ESCALATION_ACTIONS) }),
  end: z.object({
    outcome: z.enum(END_OUTCOMES),
    /**
     * Written-off only, optional: a collectible balance above this many minor units needs a manager's approval
     * first (a review task with outcomes approve/reject); a rejected write-off leaves along the 'rejected' edge.
     */
    approvalAboveMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  }),
} satisfies Record<NodeKind, z.ZodType>;

const nodeOf = <K extends NodeKind>(kind: K) =>
  z.object({
    id: nodeId,
    type: z.literal(kind),
    position: position.default({ x: 0, y: 0 }),
    label: z.string().max(200).optional(),
    data: nodeDataSchemas[kind],
  });

export const strategyNodeSchema = z.discriminatedUnion('type', [
  nodeOf('start'),
  nodeOf('wait'),
  nodeOf('wait-for-event'),
  nodeOf('condition'),
  nodeOf('switch'),
  nodeOf('reminder'),
  nodeOf('task'),
  nodeOf('assign'),
  nodeOf('tag'),
  nodeOf('payment-plan'),
  nodeOf('escalate'),
  nodeOf('end'),
]);

/**
 * Edge handles: 'next' for single-exit nodes, 'yes'/'no' for conditions, an outcome name for tasks and switches
 * (plus 'default'), an event name or 'timeout' for wait-for-event, 'completed'/'broken' for payment plans and
 * 'rejected' for a write-off that needs approval.
 */
export const strategyEdgeSchema = z.object({
  id: z.string().min(1).max(128),
  source: nodeId,
  target: nodeId,
  sourceHandle: z.string().min(1).max(64).default('next'),
});

export const strategyGraphSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  nodes: z.array(strategyNodeSchema),
  edges: z.array(strategyEdgeSchema),
});

export type StrategyGraph = z.infer<typeof strategyGraphSchema>;
export type StrategyGraphInput = z.input<typeof strategyGraphSchema>;
export type StrategyNode = z.infer<typeof strategyNodeSchema>;
export type StrategyEdge = z.infer<typeof strategyEdgeSchema>;
export type NodeOfKind<K extends NodeKind> = Extract<StrategyNode, { type: K }>;
export type WaitData = z.infer<typeof waitDataSchema>;
