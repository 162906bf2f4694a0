// Undo and redo over whole documents. Snapshots are cheap because every edit makes new node and edge arrays and
// shares the unchanged objects. A drag records one step when it ends, not one per frame.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

/** How many steps back undo can go; older steps are dropped. */
export const HISTORY_LIMIT = 200;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** Makes `next` the present and remembers the old present, unless nothing changed. */
export function record<T>(history: History<T>, next: T): History<T> {
  if (Object.is(next, history.present)) return history;
  const past = [...history.past, history.present];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, present: next, future: [] };
}

/** Replaces the present without a step of its own (a drag in progress, a selection). */
export const replace = <T>(history: History<T>, next: T): History<T> => ({ ...history, present: next });

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}

/** Turns changes already applied with `replace` since `base` (a whole drag) into one step back to `base`. */
export function recordSince<T>(history: History<T>, base: T): History<T> {
  if (Object.is(base, history.present)) return history;
  return record({ ...history, present: base }, history.present);
}
