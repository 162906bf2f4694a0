// How alike two names are, as the Dice coefficient over character bigrams of their normalised forms. It shrugs
// off word order, case, punctuation and legal suffixes, which is what a payer name in a bank file differs by.

const LEGAL_SUFFIXES = new Set(['ltd', 'limited', 'gmbh', 'ag', 'inc', 'llc', 'plc', 'sa', 'sas', 'srl', 'bv', 'nv', 'co', 'kg']);

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !LEGAL_SUFFIXES.has(w))
    .sort()
    .join(' ');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** A name prepared once for many comparisons. */
export interface NameProfile {
  normalised: string;
  pairs: Map<string, number>;
  size: number;
}

export function nameProfile(name: string): NameProfile {
  const normalised = normaliseName(name);
  const pairs = bigrams(normalised);
  return { normalised, pairs, size: Math.max(0, normalised.length - 1) };
}

export function profileSimilarity(a: NameProfile, b: NameProfile): number {
  if (a.normalised.length === 0 || b.normalised.length === 0) return 0;
  if (a.normalised === b.normalised) return 1;
  let shared = 0;
  for (const [pair, count] of a.pairs) shared += Math.min(count, b.pairs.get(pair) ?? 0);
  const total = a.size + b.size;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** 1 for the same name, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  return profileSimilarity(nameProfile(a), nameProfile(b));
}

/**
 * Names indexed by their bigrams, to find every name at least `minimum` like a given one without comparing it to
 * all of them. The search is exact (prefix filtering): for a Dice coefficient of at least m, a name must share at
 * least t = m·|a|/(2−m) of the query's |a| bigrams, so it shares one of any |a|−t+1 of them; the rarest are taken.
 * Names that normalise to the same text are alike whatever their bigrams (a one-letter name has none).
 */
export class NameIndex {
  readonly #byPair = new Map<string, Set<string>>();
  readonly #byNormalised = new Map<string, Set<string>>();

  add(id: string, profile: NameProfile): void {
    for (const pair of profile.pairs.keys()) addTo(this.#byPair, pair, id);
    addTo(this.#byNormalised, profile.normalised, id);
  }

  remove(id: string, profile: NameProfile): void {
    for (const pair of profile.pairs.keys()) removeFrom(this.#byPair, pair, id);
    removeFrom(this.#byNormalised, profile.normalised, id);
  }

  /** The ids of every name whose similarity to `query` can reach `minimum` (and perhaps some that do not). */
  candidates(query: NameProfile, minimum: number): Set<string> {
    const found = new Set<string>(query.normalised.length > 0 ? (this.#byNormalised.get(query.normalised) ?? []) : []);
    const required = Math.ceil((minimum * query.size) / (2 - minimum) - 1e-9);
    // Bigram occurrences the query may have unshared and still reach the minimum, plus one.
    let budget = query.size - Math.max(required, 1) + 1;
    const rarestFirst = [...query.pairs].sort((a, b) => (this.#byPair.get(a[0])?.size ?? 0) - (this.#byPair.get(b[0])?.size ?? 0));
    for (const [pair, count] of rarestFirst) {
      if (budget <= 0) break;
      for (const id of this.#byPair.get(pair) ?? []) found.add(id);
      budget -= count;
    }
    return found;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  ids?.delete(id);
  if (ids?.size === 0) map.delete(key);
}
