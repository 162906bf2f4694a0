import { simulate, type SimulatedAccount, type SimulationInput, type StrategyGraph } from '@recoup/domain';

// The simulator reports actions (reminders, tasks, ...) with their days, and how often each node was entered over
// the whole period, but not when each node was entered. The designer highlights one account's path, which needs
// the waits and conditions too. Entries only ever accumulate as the period grows, so simulating the one account
// over shorter periods and bisecting finds the day of every entry exactly, using nothing but the simulator itself.
// If the simulator one day reports node entries, this file can go.

export interface PathStep {
  nodeId: string;
  day: number;
}

type Counts = ReadonlyMap<string, number>;

const EMPTY: Counts = new Map();

const sameCounts = (a: Counts, b: Counts): boolean => {
  if (a.size !== b.size) return false;
  for (const [id, n] of a) if (b.get(id) !== n) return false;
  return true;
};

/** The entries between two horizons, by node. */
const difference = (later: Counts, earlier: Counts): Map<string, number> => {
  const out = new Map<string, number>();
  for (const [id, n] of later) {
    const more = n - (earlier.get(id) ?? 0);
    if (more > 0) out.set(id, more);
  }
  return out;
};

/** The nearest of `wanted` reachable from `from` along edges (breadth first, edges in graph order). */
const nearest = (
  targets: ReadonlyMap<string, readonly string[]>,
  from: string,
  wanted: ReadonlyMap<string, number>,
): string | undefined => {
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const target of targets.get(id) ?? []) {
        if (wanted.has(target)) return target;
        if (!seen.has(target)) {
          seen.add(target);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return undefined;
};

/**
 * Orders one day's entries as the account moved: from where it stood to the nearest node entered that day. That
 * is the next edge, except where the interpreter skips the reminders of stages an account is already past and
 * jumps to a later wait; the graph order fallback only guards against a graph the chain cannot explain.
 */
const orderDay = (
  graph: StrategyGraph,
  targets: ReadonlyMap<string, readonly string[]>,
  from: string | null,
  entries: Map<string, number>,
): string[] => {
  const remaining = new Map(entries);
  const order: string[] = [];
  let current = from;
  while (remaining.size > 0) {
    const next =
      (current === null
        ? graph.nodes.find((n) => n.type === 'start' && remaining.has(n.id))?.id
        : nearest(targets, current, remaining)) ?? graph.nodes.find((n) => remaining.has(n.id))?.id;
    if (next === undefined) break;
    const left = (remaining.get(next) ?? 0) - 1;
    if (left > 0) remaining.set(next, left);
    else remaining.delete(next);
    order.push(next);
    current = next;
  }
  return order;
};

/**
 * Every node one account entered, in order, with the day (whole days since the start) it entered it. `input` is
 * the input of the simulation the account was part of; the account's own random stream depends only on the seed
 * and its id, so simulating it alone retraces exactly the run it had there.
 */
export function tracePath(graph: StrategyGraph, input: SimulationInput, account: SimulatedAccount): PathStep[] {
  const alone = { ...input, accounts: [account] };
  const enteredBy = (days: number): Counts => {
    if (days === 0) return EMPTY;
    const { perNode } = simulate(graph, { ...alone, days });
    const counts = new Map<string, number>();
    for (const [id, c] of Object.entries(perNode)) if (c.entered > 0) counts.set(id, c.entered);
    return counts;
  };
  // Entries made on day d show up from horizon d + 1 on: bisect for every day whose entries differ.
  const days: { day: number; entries: Map<string, number> }[] = [];
  const bisect = (lo: number, atLo: Counts, hi: number, atHi: Counts): void => {
    if (sameCounts(atLo, atHi)) return;
    if (hi - lo === 1) {
      days.push({ day: lo, entries: difference(atHi, atLo) });
      return;
    }
    const mid = Math.floor((lo + hi) / 2);
    const atMid = enteredBy(mid);
    bisect(lo, atLo, mid, atMid);
    bisect(mid, atMid, hi, atHi);
  };
  if (input.days > 0) bisect(0, EMPTY, input.days, enteredBy(input.days));

  const targets = new Map<string, string[]>();
  for (const edge of graph.edges) targets.set(edge.source, [...(targets.get(edge.source) ?? []), edge.target]);
  const path: PathStep[] = [];
  let at: string | null = null;
  for (const { day, entries } of days) {
    for (const nodeId of orderDay(graph, targets, at, entries)) {
      path.push({ nodeId, day });
      at = nodeId;
    }
  }
  return path;
}
