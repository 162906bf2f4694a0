import type { NodeKind, RuleCondition, StrategyNode } from './graph.ts';

// What each node kind's exits are called and which rules it holds: one answer for the validator, the interpreter
// and the designer, so a new node kind is described here once.

/** A manager answers a write-off approval task with one of these. */
export const WRITE_OFF_APPROVAL_OUTCOMES = ['approve', 'reject'] as const;

/** True when an end node first asks a manager to approve the write-off (and so has a 'rejected' exit). */
export function needsWriteOffApproval(node: StrategyNode): boolean {
  return node.type === 'end' && node.data.outcome === 'written-off' && node.data.approvalAboveMinor !== undefined;
}

/** Whether the run waits at a task for its outcome; histories from before the setting existed always waited. */
export function awaitsOutcome(node: StrategyNode): boolean {
  return node.type === 'task' && node.data.awaitOutcome !== false;
}

/** The exits of the kinds whose exits do not depend on their settings; undefined for the others. */
export function fixedHandles(kind: NodeKind): string[] | undefined {
  switch (kind) {
    case 'start':
    case 'wait':
    case 'reminder':
    case 'escalate':
    case 'assign':
    case 'tag':
      return ['next'];
    case 'condition':
      return ['yes', 'no'];
    case 'payment-plan':
      return ['completed', 'broken'];
    case 'wait-for-event':
    case 'switch':
    case 'task':
    case 'end':
      return undefined;
  }
}

/** The handles of a node's outgoing edges, each of which must be connected exactly once. */
export function exitHandles(node: StrategyNode): string[] {
  switch (node.type) {
    case 'wait-for-event':
      return [...new Set([...node.data.events, 'timeout'])];
    case 'switch':
      return [...new Set([...node.data.rules.map((r) => r.outcome), 'default'])];
    case 'task':
      return awaitsOutcome(node) ? [...new Set(node.data.outcomes)] : ['next'];
    case 'end':
      return needsWriteOffApproval(node) ? ['rejected'] : [];
    case 'start':
    case 'wait':
    case 'reminder':
    case 'escalate':
    case 'assign':
    case 'tag':
    case 'condition':
    case 'payment-plan':
      return fixedHandles(node.type) ?? [];
  }
}

/** Every json-rules-engine condition a node holds. */
export function conditionsOf(node: StrategyNode): RuleCondition[] {
  switch (node.type) {
    case 'condition':
      return [node.data.condition];
    case 'switch':
    case 'assign':
      return node.data.rules.map((r) => r.condition);
    case 'start':
    case 'wait':
    case 'wait-for-event':
    case 'reminder':
    case 'task':
    case 'tag':
    case 'payment-plan':
    case 'escalate':
    case 'end':
      return [];
  }
}

/** The outcomes a person may give the task the run waits on at this node: a task's own, or a write-off approval's. */
export function taskOutcomesAt(node: StrategyNode | undefined): string[] {
  if (node?.type === 'task') return [...node.data.outcomes];
  if (node && needsWriteOffApproval(node)) return [...WRITE_OFF_APPROVAL_OUTCOMES];
  return [];
}
