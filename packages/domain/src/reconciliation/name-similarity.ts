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
