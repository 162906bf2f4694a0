import type { Edge, Node } from '@xyflow/react';
import type { NodeKind, nodeDataSchemas, PortalPolicyInput } from '@recoup/domain';
import type { z } from 'zod';

/** A node kind's settings as the manager edits them: the schema's input, so defaults may still be missing. */
export type KindConfig<K extends NodeKind> = z.input<(typeof nodeDataSchemas)[K]>;

export interface NodeFlowData<K extends NodeKind = NodeKind> extends Record<string, unknown> {
  label?: string;
  config: KindConfig<K>;
}

/** The canvas holds the strategy document's own nodes: the React Flow node type is the node kind. */
export type StrategyFlowNode = { [K in NodeKind]: Node<NodeFlowData<K>, K> }[NodeKind];
export type FlowNodeOf<K extends NodeKind> = Node<NodeFlowData<K>, K>;

/** An edge leaves its source through the handle named after the exit it takes ('yes', 'timeout', an outcome…). */
export type StrategyFlowEdge = Edge & { sourceHandle: string };

export interface FlowDocument {
  nodes: StrategyFlowNode[];
  edges: StrategyFlowEdge[];
  /**
   * The debtor-portal policy as the document has it, possibly partial (the schema's input); absent when the
   * document has none, which means the defaults.
   */
  portal?: PortalPolicyInput;
}
