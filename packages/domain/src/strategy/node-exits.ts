import type { NodeKind, RuleCondition, StrategyNode } from './graph.ts';
import { endNeedsApproval, WRITE_OFF_APPROVAL_OUTCOMES } from './kinds/end.ts';
import { fixedKindExits, kindConditions, kindExits } from './kinds/registry.ts';
import { taskAwaitsOutcome } from './kinds/task.ts';

// A node's exits and rules, asked of its kind's definition (kinds/<kind>.ts): one answer for the validator, the
// interpreter and the designer.

export { WRITE_OFF_APPROVAL_OUTCOMES } from './kinds/end.ts';

/** True when an end node first asks a manager to approve the write-off (and so has a 'rejected' exit). */
export function needsWriteOffApproval(node: StrategyNode): boolean {
  return node.type === 'end' && endNeedsApproval(node.data);
}

/** Whether the run waits at a task for its outcome; histories from before the setting existed always waited. */
export function awaitsOutcome(node: StrategyNode): boolean {
  return node.type === 'task' && taskAwaitsOutcome(node.data);
}

/** The exits of the kinds whose exits do not depend on their settings; undefined for the others. */
export function fixedHandles(kind: NodeKind): string[] | undefined {
  return fixedKindExits(kind)?.map((exit) => exit.handle);
}

/** The handles of a node's outgoing edges, each of which must be connected exactly once. */
export function exitHandles(node: StrategyNode): string[] {
  return kindExits(node.type, node.data as never).map((exit) => exit.handle);
}

/** Every json-rules-engine condition a node holds. */
export function conditionsOf(node: StrategyNode): RuleCondition[] {
  return kindConditions(node.type, node.data as never);
}

/** The outcomes a person may give the task the run waits on at this node: a task's own, or a write-off approval's. */
export function taskOutcomesAt(node: StrategyNode | undefined): string[] {
  if (node?.type === 'task') return [...node.data.outcomes];
  if (node && needsWriteOffApproval(node)) return [...WRITE_OFF_APPROVAL_OUTCOMES];
  return [];
}
