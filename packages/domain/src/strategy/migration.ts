import type { EngineState } from './engine-types.ts';
import type { StrategyGraph, StrategyNode } from './graph.ts';
import { MAX_DECISIONS } from './interpreter.ts';
import { exitHandles } from './node-exits.ts';

// Moving a running account to another version of its strategy. The account keeps what it waits for (its timer,
// its task, its promises); only the node it sits at is looked up in the new version, by id or through a mapping.

export type MigrationCheck = { ok: true; nodeId: string } | { ok: false; reason: string };

const label = (node: StrategyNode) => `"${node.label || node.id}"`;

/** Whether the account can move to `to`, and at which node; the reason names the node when it cannot. */
export function checkMigration(
  from: StrategyGraph,
  to: StrategyGraph,
  state: EngineState,
  mapping: Readonly<Record<string, string>> = {},
): MigrationCheck {
  if (state.status === 'ended') return { ok: false, reason: 'The account has finished its strategy.' };
  const here = from.nodes.find((n) => n.id === state.nodeId);
  const targetId = mapping[state.nodeId] ?? state.nodeId;
  const target = to.nodes.find((n) => n.id === targetId);
  if (!target) {
    const name = here ? label(here) : `"${state.nodeId}"`;
    const via = mapping[state.nodeId] ? ` (mapped to "${targetId}")` : '';
    return {
      ok: false,
      reason: `The account sits at ${name}${via}, which has no counterpart in the new version; give a mapping for node "${state.nodeId}".`,
    };
  }
  if (here && here.type !== target.type) {
    return {
      ok: false,
      reason: `The account sits at ${label(here)}, a ${here.type} node, but "${targetId}" in the new version is a ${target.type} node.`,
    };
  }
  // Whatever the account waits for must still lead somewhere: a task's outcomes, an event's exits.
  const awaiting = state.awaiting;
  const needed =
    awaiting.kind === 'task-outcome' && here ? exitHandles(here) : awaiting.kind === 'event' ? [...awaiting.events, 'timeout'] : [];
  const offered = new Set(exitHandles(target));
  const missing = needed.filter((h) => !offered.has(h));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `The account waits at "${targetId}" for ${missing.map((m) => `"${m}"`).join(', ')}, which the new version's node does not offer.`,
    };
  }
  return { ok: true, nodeId: targetId };
}

/** The state after a checked migration: the same waits, at the counterpart node, with the move recorded. */
export function migrateState(state: EngineState, nodeId: string, versionLabel: string, now: Date): EngineState {
  const decision = {
    at: now.toISOString(),
    nodeId,
    kind: 'migrated' as const,
    detail: `Moved to strategy version ${versionLabel} at node "${nodeId}" (was "${state.nodeId}").`,
  };
  return { ...state, nodeId, decisions: [...state.decisions, decision].slice(-MAX_DECISIONS) };
}
