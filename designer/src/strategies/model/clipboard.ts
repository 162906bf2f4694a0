import { edgeIdFor, freeNodeId } from './node-ids.ts';
import type { FlowDocument, StrategyFlowEdge, StrategyFlowNode } from './flow-types.ts';

/** What copy keeps: the selected nodes and the edges between them. */
export interface Clipboard {
  nodes: StrategyFlowNode[];
  edges: StrategyFlowEdge[];
}

const PASTE_OFFSET = 40;

/** Nodes and edges are plain JSON, so a JSON round trip is a deep copy. */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function copySelection(document: FlowDocument): Clipboard | null {
  const nodes = document.nodes.filter((node) => node.selected);
  if (nodes.length === 0) return null;
  const ids = new Set(nodes.map((node) => node.id));
  const edges = document.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { nodes: copyOf(nodes), edges: copyOf(edges) };
}

/**
 * Adds a copy of the clipboard beside the original, with fresh ids, and selects only the copy. A second start
 * node is pasted like any other, and the validator then says there are two.
 */
export function paste(document: FlowDocument, clipboard: Clipboard, pasteCount: number): FlowDocument {
  const takenNodes = new Set(document.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  const offset = PASTE_OFFSET * pasteCount;
  const pastedNodes = clipboard.nodes.map((node): StrategyFlowNode => {
    const id = freeNodeId(node.type, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    return {
      ...copyOf(node),
      id,
      position: { x: node.position.x + offset, y: node.position.y + offset },
      selected: true,
    } as StrategyFlowNode;
  });
  const takenEdges = new Set(document.edges.map((edge) => edge.id));
  const pastedEdges = clipboard.edges.map((edge): StrategyFlowEdge => {
    const source = renamed.get(edge.source) ?? edge.source;
    const id = edgeIdFor(source, edge.sourceHandle, takenEdges);
    takenEdges.add(id);
    return { id, source, target: renamed.get(edge.target) ?? edge.target, sourceHandle: edge.sourceHandle };
  });
  return {
    ...document,
    nodes: [...document.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...pastedNodes],
    edges: [...document.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...pastedEdges],
  };
}
