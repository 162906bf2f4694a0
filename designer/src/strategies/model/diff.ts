import { canonicalJson, type StrategyGraphInput } from '@recoup/domain';
import { samePolicy } from './portal-policy.ts';

// What changed between two versions of a strategy, node by node. Positions are not a change: moving a node does
// nothing to a single account's collection. Labels are, since people read them in task lists and histories. The
// debtor-portal policy is compared by what it means: no policy and the defaults written out are the same.

type GraphNode = StrategyGraphInput['nodes'][number];
type GraphEdge = StrategyGraphInput['edges'][number];

export type NodeChangeField = 'kind' | 'label' | 'settings' | 'exits';

export interface NodeChange {
  id: string;
  fields: NodeChangeField[];
  before: GraphNode;
  after: GraphNode;
}

export interface StrategyDiff {
  added: GraphNode[];
  removed: GraphNode[];
  changed: NodeChange[];
  addedEdges: GraphEdge[];
  removedEdges: GraphEdge[];
  /** The debtor-portal policy differs. */
  portalChanged: boolean;
  /** True when nothing the engine or a reader sees differs. */
  same: boolean;
}

/** An edge is the same edge when it joins the same exit to the same target, whatever its id. */
const edgeKey = (edge: GraphEdge): string => `${edge.source}\u0000${edge.sourceHandle ?? 'next'}\u0000${edge.target}`;

const exitsOf = (graph: StrategyGraphInput, nodeId: string): string =>
  graph.edges
    .filter((edge) => edge.source === nodeId)
    .map(edgeKey)
    .sort()
    .join('\n');

export function diffStrategies(before: StrategyGraphInput, after: StrategyGraphInput): StrategyDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterNodes = new Map(after.nodes.map((node) => [node.id, node]));

  const added = after.nodes.filter((node) => !beforeNodes.has(node.id));
  const removed = before.nodes.filter((node) => !afterNodes.has(node.id));
  const changed: NodeChange[] = [];
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const fields: NodeChangeField[] = [];
    if (old.type !== node.type) fields.push('kind');
    if ((old.label ?? '') !== (node.label ?? '')) fields.push('label');
    if (canonicalJson(old.data) !== canonicalJson(node.data)) fields.push('settings');
    if (exitsOf(before, node.id) !== exitsOf(after, node.id)) fields.push('exits');
    if (fields.length > 0) changed.push({ id: node.id, fields, before: old, after: node });
  }

  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  const addedEdges = after.edges.filter((edge) => !beforeEdges.has(edgeKey(edge)));
  const removedEdges = before.edges.filter((edge) => !afterEdges.has(edgeKey(edge)));
  const portalChanged = !samePolicy(before.portal, after.portal);

  return {
    added,
    removed,
    changed,
    addedEdges,
    removedEdges,
    portalChanged,
    same: added.length + removed.length + changed.length + addedEdges.length + removedEdges.length === 0 && !portalChanged,
  };
}
