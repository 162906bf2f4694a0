import { describe, expect, it } from '@jest/globals';
import { buildMatchIndex, matchStatementLine } from '../src/index.ts';
import { generateStatement, isCorrect } from './support/generated-statement.ts';

describe('matching accuracy on a generated 10,000-line statement with known truth', () => {
  const { accounts, lines } = generateStatement({ lines: 10_000, customers: 2_000, seed: 7 });
  const index = buildMatchIndex(accounts);
  const results = lines.map(({ line, truth }) => ({ truth, proposal: matchStatementLine(line, index) }));

  it('applies every line that quotes its invoice number exactly, and applies each one right', () => {
    const exact = results.filter((r) => r.truth.kind === 'exact-reference');
    expect(exact.length).toBeGreaterThan(3_000);
    expect(exact.filter((r) => r.proposal.status === 'matched' && isCorrect(r.proposal, r.truth))).toHaveLength(exact.length);
  });

  it('never applies a line to the wrong customer or invoices automatically', () => {
    const wrong = results.filter((r) => r.proposal.status === 'matched' && !isCorrect(r.proposal, r.truth));
    expect(wrong).toEqual([]);
  });

  it('leaves lines that only a payer name or nothing identifies to a person', () => {
    const unsure = results.filter((r) => r.truth.kind === 'name-only' || r.truth.kind === 'unusable');
    expect(unsure.every((r) => r.proposal.status === 'exception')).toBe(true);
  });
});
