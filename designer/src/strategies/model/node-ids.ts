import type { NodeKind } from '@recoup/domain';

/** A readable id that is free in the document: 'reminder-3'. Ids end up in histories and audit, so no UUIDs. */
export function freeNodeId(kind: NodeKind, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${kind}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** The edge id the designer gives the one edge that may leave `source` through `handle`. */
export function edgeIdFor(source: string, handle: string, taken: ReadonlySet<string>): string {
  const base = `${source}:${handle}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}:${n}`)) return `${base}:${n}`;
}
