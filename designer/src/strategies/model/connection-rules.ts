import type { Connection } from '@xyflow/react';
import { specOf } from '../registry/registry.ts';
import type { FlowDocument, StrategyFlowNode } from './flow-types.ts';

export type ConnectionRefusal =
  | 'unknown-node'
  | 'self-loop'
  | 'unknown-exit'
  | 'exit-taken'
  | 'no-input';

/** The exits a node has with its current settings. */
export function exitsOfNode(node: StrategyFlowNode) {
  return specOf(node.type).exits(node.data.config as never);
}

/**
 * Why an edge may not be drawn, or null when it may. The typed handles follow the domain: an edge leaves through
 * one of its source's exits, each exit leads to exactly one node, and nothing leads into the start node.
 */
export function refuseConnection(document: FlowDocument, connection: Pick<Connection, 'source' | 'target' | 'sourceHandle'>): ConnectionRefusal | null {
  const source = document.nodes.find((node) => node.id === connection.source);
  const target = document.nodes.find((node) => node.id === connection.target);
  if (!source || !target) return 'unknown-node';
  if (source.id === target.id) return 'self-loop';
  const handle = connection.sourceHandle ?? 'next';
  if (!exitsOfNode(source).some((exit) => exit.handle === handle)) return 'unknown-exit';
  if (document.edges.some((edge) => edge.source === source.id && edge.sourceHandle === handle)) return 'exit-taken';
  if (!specOf(target.type).hasInput) return 'no-input';
  return null;
}
