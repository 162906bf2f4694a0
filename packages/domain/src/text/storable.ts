// PostgreSQL cannot store every JavaScript string: text and jsonb refuse U+0000, and jsonb refuses a lone
// surrogate (half of a UTF-16 pair, which JSON can spell as "\ud800"). Such a string reaching a query fails it
// with a driver error deep inside a transaction. Nor can every parsed document be written back: JSON.stringify
// recurses, and a body nested some thousands of levels deep overflows the stack when it is stored. No input of a
// collections system has a use for any of these, so inputs are checked for them at the edge instead.

export const NUL = '\u0000';

export type TextProblem = 'nul' | 'lone-surrogate';

/** What makes a value unstorable: a string PostgreSQL refuses, or nesting deeper than `maxDepth`. */
export type StorageProblem = TextProblem | 'too-deep';

/** Far more than any request of this system nests (a strategy's rules reach about ten), as for XML statements. */
export const MAX_JSON_DEPTH = 64;

export type ValuePath = readonly (string | number)[];

/** A problem found in a structured value: at `path`, or in the key that ends `path`. */
export interface Unstorable {
  path: ValuePath;
  inKey: boolean;
  problem: StorageProblem;
}

/** The offset of the first NUL in the text, or -1. */
export const nulIndex = (text: string): number => text.indexOf(NUL);

export const textProblem = (text: string): TextProblem | null => {
  if (text.includes(NUL)) return 'nul';
  if (!text.isWellFormed()) return 'lone-surrogate';
  return null;
};

/** Where the walk is: linked to its parent, so a deep document costs no copied paths until something is found. */
interface Step {
  parent: Step | null;
  key: string | number;
  depth: number;
}

const pathTo = (step: Step | null): ValuePath => {
  const path: (string | number)[] = [];
  for (let at = step; at !== null; at = at.parent) path.push(at.key);
  return path.reverse();
};

/**
 * Every place (up to `limit`) where a parsed JSON value, a query object or rows of cells hold a string PostgreSQL
 * would refuse, as a value or as an object key, or nest deeper than `maxDepth`, in document order. Walks with its
 * own stack, so a document nested hundreds of thousands of levels deep neither overflows the call stack nor costs
 * more than one visit per value; below the first level too deep it does not look.
 */
export function findUnstorable(value: unknown, options: { limit?: number; maxDepth?: number } = {}): Unstorable[] {
  const { limit = 20, maxDepth = MAX_JSON_DEPTH } = options;
  const found: Unstorable[] = [];
  // Children are pushed last-first, so they are popped in document order.
  const pending: { value: unknown; step: Step | null; keyProblem: TextProblem | null }[] = [{ value, step: null, keyProblem: null }];
  const child = (step: Step | null, key: string | number): Step => ({ parent: step, key, depth: (step?.depth ?? 0) + 1 });
  while (pending.length > 0 && found.length < limit) {
    const { value: current, step, keyProblem } = pending.pop() as (typeof pending)[number];
    if (keyProblem !== null) {
      found.push({ path: pathTo(step), inKey: true, problem: keyProblem });
    } else if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem !== null) found.push({ path: pathTo(step), inKey: false, problem });
    } else if (current !== null && typeof current === 'object' && (step?.depth ?? 0) >= maxDepth) {
      found.push({ path: pathTo(step), inKey: false, problem: 'too-deep' });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) pending.push({ value: current[i], step: child(step, i), keyProblem: null });
    } else if (current !== null && typeof current === 'object') {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i] as string;
        pending.push({ value: (current as Record<string, unknown>)[key], step: child(step, key), keyProblem: textProblem(key) });
      }
    }
  }
  return found;
}
