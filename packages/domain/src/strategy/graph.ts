import { z } from 'zod';
import { NODE_KINDS, type NodeKind } from './kinds/kind.ts';
import { NODE_KIND_REGISTRY, type NodeDataSchemas } from './kinds/registry.ts';
import { portalPolicySchema } from './portal-policy.ts';
import type { waitDataSchema } from './schema-parts.ts';

// The strategy document a manager draws in the designer. Its shape follows React Flow's nodes and edges
// ({ id, type, position, data } and { id, source, target, sourceHandle }) so the designer edits it as is.
// The engine ignores positions.

export { NODE_KINDS, type ExitDefinition, type ExitRole, type KindDefinition, type NodeKind } from './kinds/kind.ts';
export * from './schema-parts.ts';

const position = z.object({ x: z.number(), y: z.number() });
const nodeId = z.string().min(1).max(64);

/** The schema of each kind's settings, from the kinds' own definitions. */
export const nodeDataSchemas = Object.fromEntries(NODE_KINDS.map((kind) => [kind, NODE_KIND_REGISTRY[kind].schema])) as NodeDataSchemas;

const nodeOf = <K extends NodeKind>(kind: K) =>
  z.object({
    id: nodeId,
    type: z.literal(kind),
    position: position.default({ x: 0, y: 0 }),
    label: z.string().max(200).optional(),
    data: nodeDataSchemas[kind],
  });

/** One node schema per kind, as a tuple in NODE_KINDS's order. */
type NodeSchemasOf<T extends readonly NodeKind[]> = { -readonly [I in keyof T]: T[I] extends NodeKind ? ReturnType<typeof nodeOf<T[I]>> : never };
type NodeSchemas = NodeSchemasOf<typeof NODE_KINDS>;

export const strategyNodeSchema = z.discriminatedUnion('type', NODE_KINDS.map(nodeOf) as unknown as NodeSchemas);

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
  /** What a debtor may arrange in the portal while on this strategy; absent means the defaults. */
  portal: portalPolicySchema.optional(),
});

export type StrategyGraph = z.infer<typeof strategyGraphSchema>;
export type StrategyGraphInput = z.input<typeof strategyGraphSchema>;
export type StrategyNode = z.infer<typeof strategyNodeSchema>;
export type StrategyEdge = z.infer<typeof strategyEdgeSchema>;
export type NodeOfKind<K extends NodeKind> = Extract<StrategyNode, { type: K }>;
export type WaitData = z.infer<typeof waitDataSchema>;
