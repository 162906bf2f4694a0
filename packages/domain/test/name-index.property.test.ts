import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { NameIndex, nameProfile, profileSimilarity } from '../src/reconciliation/name-similarity.ts';

// The bigram index may only save comparisons, never lose a name: every indexed name at least as like the query as
// the minimum must be among its candidates, whatever the names and the minimum.

const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüé0-9]{1,9}$/);
const name = fc.array(fc.oneof(word, fc.constantFrom('GmbH', 'Ltd', 'Harbour', 'Pike', 'Works', '&', 'A', 'B.')), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('the name index', () => {
  it('finds every name whose similarity reaches the minimum', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 40 }), name, fc.double({ min: 0.05, max: 1, noNaN: true }), (names, query, minimum) => {
        const index = new NameIndex();
        const profiles = names.map((n) => nameProfile(n));
        profiles.forEach((p, i) => index.add(String(i), p));
        const q = nameProfile(query);
        const candidates = index.candidates(q, minimum);
        profiles.forEach((p, i) => {
          if (profileSimilarity(q, p) >= minimum) expect(candidates.has(String(i))).toBe(true);
        });
      }),
      { numRuns: 2_000, seed: 1402 },
    );
  });

  it('finds a name again after it is renamed, and no longer by its old name', () => {
    const index = new NameIndex();
    const before = nameProfile('Harbour Works 12 Ltd');
    index.add('a', before);
    index.remove('a', before);
    index.add('a', nameProfile('Cedar Bakery'));
    expect(index.candidates(nameProfile('CEDAR BAKERY GMBH'), 0.6).has('a')).toBe(true);
    expect(index.candidates(nameProfile('HARBOUR WORKS 12'), 0.6).has('a')).toBe(false);
  });

  it('does not offer a name that shares no rare bigram with the query', () => {
    const index = new NameIndex();
    for (let i = 0; i < 200; i++) index.add(`h${i}`, nameProfile(`Harbour Works ${i} Ltd`));
    index.add('v', nameProfile('Vega Textiles 7 BV'));
    const candidates = index.candidates(nameProfile('VEGA TEXTILES 7'), 0.6);
    expect(candidates.has('v')).toBe(true);
    expect(candidates.size).toBeLessThan(20);
  });
});
