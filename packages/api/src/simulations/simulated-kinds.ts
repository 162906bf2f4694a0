import type { StrategyGraph, StrategyNode } from '@recoup/domain';

export interface UnsimulatedNode {
  nodeId: string;
  kind: StrategyNode['type'];
  reason: string;
}

// The simulator plays the outside world for the commands it knows (timers, conditions, reminders, awaited tasks,
// escalations, ends); a node whose command it does not answer would sit still forever and skew every count after
// it, so such graphs are refused up front. The switch is exhaustive: a new node kind must be placed here.
const whyNotSimulated = (node: StrategyNode): string | null => {
  switch (node.type) {
    case 'start':
    case 'wait':
    case 'condition':
    case 'reminder':
    case 'escalate':
    case 'end':
      return null;
    case 'wait-for-event':
      // Simulated debtors never promise or dispute and a payment settles the account, so only the timeout fires.
      return null;
    case 'task':
      return node.data.awaitOutcome ? null : 'a task that does not wait for its outcome is not simulated yet';
    case 'switch':
      return 'switch nodes are not simulated yet';
    case 'assign':
      return 'assignment nodes are not simulated yet';
    case 'tag':
      return 'tag nodes are not simulated yet';
    case 'payment-plan':
      return 'payment-plan nodes are not simulated yet';
  }
};

/** The nodes the simulator cannot run yet, each with the reason; empty when the whole graph can be simulated. */
export function unsimulatedNodes(graph: StrategyGraph): UnsimulatedNode[] {
  return graph.nodes.flatMap((node) => {
    const reason = whyNotSimulated(node);
    return reason === null ? [] : [{ nodeId: node.id, kind: node.type, reason }];
  });
}
