import type { EngineState, StrategyGraph } from '@recoup/domain';

export function nodeLabel(graph: StrategyGraph, nodeId: string): string | null {
  const node = graph.nodes.find((n) => n.id === nodeId);
  return node ? (node.label ?? `${node.type} ${node.id}`) : null;
}

/** What the account waits for, in words, for the query that the account page shows. */
export function describeNextAction(graph: StrategyGraph, state: EngineState): { kind: string; at: string | null; description: string } | null {
  if (state.status === 'ended') return null;
  const here = nodeLabel(graph, state.nodeId) ?? state.nodeId;
  const next = graph.edges.find((e) => e.source === state.nodeId && e.sourceHandle === 'next');
  const after = next ? (nodeLabel(graph, next.target) ?? next.target) : null;
  switch (state.awaiting.kind) {
    case 'timer':
      return { kind: 'timer', at: state.awaiting.until, description: after ? `${after} after "${here}"` : `"${here}" ends` };
    case 'deferred':
      return { kind: 'deferred', at: state.awaiting.until, description: `"${here}" deferred: ${state.awaiting.reason}` };
    case 'task-outcome':
      return { kind: 'task-outcome', at: null, description: `Waiting for the outcome of "${here}"` };
    case 'condition':
      return { kind: 'condition', at: null, description: `Evaluating "${here}"` };
    case 'action':
      return { kind: 'action', at: null, description: `Running "${here}"` };
    case 'event':
      return {
        kind: 'event',
        at: state.awaiting.until,
        description: `"${here}" waits for ${state.awaiting.events.join(', ')}, or times out`,
      };
    case 'plan':
      return { kind: 'plan', at: null, description: `"${here}" tracks the payment plan's installments` };
    case 'nothing':
      return null;
  }
}
