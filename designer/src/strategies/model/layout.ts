import { Graph, layout } from '@dagrejs/dagre';
import type { FlowDocument, StrategyFlowNode } from './flow-types.ts';

/** The size a node is laid out with when React Flow has not measured it yet. */
const FALLBACK = { width: 220, height: 72 };
const GRID = 20;

const snap = (value: number): number => Math.round(value / GRID) * GRID;

/**
 * Lays the graph out top to bottom, branches side by side, with dagre. Only the given nodes move (all of them when
 * none are given), so a manager can tidy a selection without losing the arrangement of the rest.
 */
export function autoLayout(document: FlowDocument, only?: ReadonlySet<string>): FlowDocument {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of document.nodes) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? FALLBACK.width,
      height: node.measured?.height ?? FALLBACK.height,
    });
  }
  for (const edge of document.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  layout(graph);

  const nodes = document.nodes.map((node): StrategyFlowNode => {
    if (only && !only.has(node.id)) return node;
    const placed = graph.node(node.id);
    const width = node.measured?.width ?? FALLBACK.width;
    const height = node.measured?.height ?? FALLBACK.height;
    // dagre gives centres; React Flow positions are top-left corners.
    return { ...node, position: { x: snap(placed.x - width / 2), y: snap(placed.y - height / 2) } };
  });
  return { ...document, nodes };
}
