import { createContext, useContext } from 'react';

export type DiffMark = 'added' | 'changed' | 'removed';

/**
 * What the canvas draws over the strategy, by node id: validation problems, a version diff, the path one simulated
 * account took, and how many live workflows sit at each node. Kept out of the nodes themselves so that a drag
 * does not rebuild them and new marks do not create undo steps.
 */
export interface CanvasDecorations {
  problems: ReadonlyMap<string, readonly string[]>;
  /** Edge ids with a problem, drawn red. */
  edgeProblems: ReadonlySet<string>;
  diff: ReadonlyMap<string, DiffMark> | null;
  /** Node id -> the simulation days the highlighted account entered it. */
  path: ReadonlyMap<string, readonly number[]> | null;
  live: ReadonlyMap<string, number> | null;
  /** Exits of each node that have an edge but no longer exist (a renamed outcome): drawn as red orphan handles. */
  orphanExits: ReadonlyMap<string, readonly string[]>;
}

export const NO_DECORATIONS: CanvasDecorations = {
  problems: new Map(),
  edgeProblems: new Set(),
  diff: null,
  path: null,
  live: null,
  orphanExits: new Map(),
};

export const DecorationsContext = createContext<CanvasDecorations>(NO_DECORATIONS);

export const useDecorations = (): CanvasDecorations => useContext(DecorationsContext);
