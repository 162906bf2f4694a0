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

/** 1 for the same name, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y) return 1;
  const left = bigrams(x);
  const right = bigrams(y);
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  const total = [...left.values(), ...right.values()].reduce((s, c) => s + c, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}
