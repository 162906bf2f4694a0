import { z } from 'zod';

// The strategy document a manager draws in the designer. Its shape follows React Flow's nodes and edges
// ({ id, type, position, data } and { id, source, target, sourceHandle }) so the designer edits it as is.
// The engine ignores positions.

export const NODE_KINDS = ['start', 'wait', 'condition', 'reminder', 'task', 'escalate', 'end'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

const position = z.object({ x: z.number(), y: z.number() });
const nodeId = z.string().min(1).max(64);

/** A json-rules-engine condition tree: { all: [...] } | { any: [...] } | { not: ... } | { fact, operator, value }. */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; operator: string; value: unknown; path?: string };

export const ruleConditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
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

export const nodeDataSchemas = {
  start: z.object({}).strict(),
  wait: waitDataSchema,
  condition: z.object({ condition: ruleConditionSchema }),
  reminder: z.object({ channel: z.literal('email'), template: z.string().min(1) }),
  task: z.object({
    taskType: z.enum(TASK_TYPES),
    title: z.string().min(1).max(200),
    assignment: z.enum(ASSIGNMENT_POLICIES),
    /** Outcome names; each becomes an outgoing edge handle. */
    outcomes: z.array(z.string().min(1).max(64)).min(1),
    dueInHours: z.number().int().min(1).max(24 * 30).default(24),
  }),
  escalate: z.object({ level: z.number().int().min(1).max(9), action: z.enum(ESCALATION_ACTIONS) }),
  end: z.object({ outcome: z.enum(END_OUTCOMES) }),
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
  nodeOf('condition'),
  nodeOf('reminder'),
  nodeOf('task'),
  nodeOf('escalate'),
  nodeOf('end'),
]);

/** Edge handles: 'next' for single-exit nodes, 'yes'/'no' for conditions, an outcome name for tasks. */
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
