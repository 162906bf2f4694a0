import { NODE_KINDS, type NodeKind, type PortalPolicyInput, type StrategyGraphInput } from '@recoup/domain';
import { z } from 'zod';
import type { FlowDocument, StrategyFlowEdge, StrategyFlowNode } from './flow-types.ts';

// The canvas and the strategy document hold the same nodes and edges; only the place of the label differs
// (React Flow keeps everything a node renders in `data`). Conversion is lossless both ways, so a strategy exported
// after an import is the file that was imported. The debtor-portal policy travels beside them as it is: a
// document without one stays without one until the manager edits it.

/**
 * The shape a document must have to be drawn at all. Node settings are not checked here: a node with bad
 * settings is still drawn, and the validator names what is wrong with it in the problems panel.
 */
const drawableSchema = z.object({
  schemaVersion: z.literal(1).optional(),
  nodes: z.array(
    z.object({
      id: z.string().min(1),
      type: z.enum(NODE_KINDS),
      position: z.object({ x: z.number(), y: z.number() }).optional(),
      label: z.string().optional(),
      data: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  edges: z.array(
    z.object({ id: z.string().min(1), source: z.string().min(1), target: z.string().min(1), sourceHandle: z.string().optional() }),
  ),
  portal: z.record(z.string(), z.unknown()).optional(),
});

export class UndrawableDocumentError extends Error {
  override readonly name = 'UndrawableDocumentError';
}

/** Reads a strategy document onto the canvas; refuses, naming the place, what cannot be drawn at all. */
export function toFlow(document: unknown): FlowDocument {
  const parsed = drawableSchema.safeParse(document ?? { nodes: [], edges: [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the document';
    throw new UndrawableDocumentError(`${where}: ${issue?.message ?? 'not a strategy document'}`);
  }
  const nodes = parsed.data.nodes.map(
    (node): StrategyFlowNode =>
      ({
        id: node.id,
        type: node.type,
        position: node.position ?? { x: 0, y: 0 },
        data: { ...(node.label === undefined ? {} : { label: node.label }), config: node.data ?? {} },
      }) as StrategyFlowNode,
  );
  const edges = parsed.data.edges.map(
    (edge): StrategyFlowEdge => ({ id: edge.id, source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? 'next' }),
  );
  const portal = parsed.data.portal as PortalPolicyInput | undefined;
  return portal === undefined ? { nodes, edges } : { nodes, edges, portal };
}

/** The strategy document of what the canvas shows, in the engine's shape. */
export function toGraph(document: FlowDocument): StrategyGraphInput {
  return {
    schemaVersion: 1,
    nodes: document.nodes.map((node) => ({
      id: node.id,
      type: node.type as NodeKind,
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      ...(node.data.label === undefined || node.data.label === '' ? {} : { label: node.data.label }),
      data: node.data.config,
    })) as StrategyGraphInput['nodes'],
    edges: document.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle,
    })),
    ...(document.portal === undefined ? {} : { portal: document.portal }),
  };
}
