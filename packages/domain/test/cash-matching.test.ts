import { describe, expect, it } from '@jest/globals';
import {
  buildMatchIndex,
  exactSubset,
  lineReferences,
  matchStatementLine,
  nameSimilarity,
  replaceMatchAccount,
  type MatchAccount,
  type StatementLine,
} from '../src/index.ts';

const invoice = (number: string, dueDate: string, openMinor: bigint) => ({ invoiceId: `id-${number}`, number, dueDate, openMinor });

const harbour: MatchAccount = {
  accountId: 'acc-harbour',
  externalRef: 'C-1001',
  name: 'Harbour & Pike Ltd',
  currency: 'EUR',
  openInvoices: [
    invoice('INV-2026-0041', '2026-01-31', 12_000n),
    invoice('INV-2026-0042', '2026-02-28', 30_000n),
    invoice('INV-2026-0043', '2026-03-31', 8_000n),
  ],
};
const nordlicht: MatchAccount = {
  accountId: 'acc-nord',
  externalRef: 'C-2002',
  name: 'Nordlicht GmbH',
  currency: 'EUR',
  openInvoices: [invoice('INV-2026-0100', '2026-02-15', 50_000n)],
};
const dollars: MatchAccount = {
  accountId: 'acc-usd',
  externalRef: 'C-3003',
  name: 'Cedar Street Bakery',
  currency: 'USD',
  openInvoices: [invoice('INV-2026-0200', '2026-02-15', 9_999n)],
};
const index = buildMatchIndex([harbour, nordlicht, dollars]);
const line = (amountMinor: bigint, remittance: string, extra: Partial<StatementLine> = {}): StatementLine => ({
  amountMinor,
  currency: 'EUR',
  remittance,
  ...extra,
});

describe('matching a statement line to invoices', () => {
  it('applies a payment that names its invoice and pays it exactly, with near certainty', () => {
    expect(matchStatementLine(line(30_000n, 'Payment inv 2026/0042 thanks'), index)).toEqual({
      status: 'matched',
      accountId: 'acc-harbour',
      allocations: [{ invoiceId: 'id-INV-2026-0042', amountMinor: 30_000n }],
      unappliedMinor: 0n,
      residualMinor: 0n,
      rule: 'invoice-reference',
      confidence: 0.99,
      reason: 'The remittance names INV-2026-0042, and the amount pays them exactly.',
    });
  });

  it('applies a payment naming two invoices to both, in the order named', () => {
    const result = matchStatementLine(line(38_000n, 'INV-2026-0043, INV-2026-0042'), index);
    expect(result.allocations).toEqual([
      { invoiceId: 'id-INV-2026-0043', amountMinor: 8_000n },
      { invoiceId: 'id-INV-2026-0042', amountMinor: 30_000n },
    ]);
    expect(result.rule).toBe('invoice-reference');
  });

  it('leaves the residual of a short payment open on the named invoice', () => {
    const result = matchStatementLine(line(27_500n, 'INV-2026-0042 less 25.00 damaged goods'), index);
    expect(result).toMatchObject({ status: 'matched', rule: 'short-payment', residualMinor: 2_500n });
    expect(result.allocations).toEqual([{ invoiceId: 'id-INV-2026-0042', amountMinor: 27_500n }]);
  });

  it('keeps what a named invoice does not need as unapplied credit', () => {
    expect(matchStatementLine(line(31_000n, 'INV-2026-0042'), index)).toMatchObject({ rule: 'overpayment', unappliedMinor: 1_000n });
  });

  it('finds the invoice by customer reference and exact amount', () => {
    expect(matchStatementLine(line(8_000n, 'Kd-Nr C-1001'), index)).toMatchObject({
      status: 'matched',
      rule: 'customer-exact-amount',
      confidence: 0.95,
      allocations: [{ invoiceId: 'id-INV-2026-0043', amountMinor: 8_000n }],
    });
  });

  it('finds several invoices that together make up the amount', () => {
    const result = matchStatementLine(line(20_000n, '', { customerRef: 'C-1001' }), index);
    expect(result).toMatchObject({ status: 'matched', rule: 'multiple-invoices', confidence: 0.9 });
    expect(result.allocations.map((a) => a.invoiceId)).toEqual(['id-INV-2026-0041', 'id-INV-2026-0043']);
  });

  it('applies a partial payment to the oldest invoices first', () => {
    const result = matchStatementLine(line(15_000n, 'C-1001 on account'), index);
    expect(result).toMatchObject({ status: 'matched', rule: 'partial-payment', confidence: 0.8 });
    expect(result.allocations).toEqual([
      { invoiceId: 'id-INV-2026-0041', amountMinor: 12_000n },
      { invoiceId: 'id-INV-2026-0042', amountMinor: 3_000n },
    ]);
  });

  it('pays everything open and keeps the rest as credit on an overpayment by customer reference', () => {
    expect(matchStatementLine(line(60_000n, 'C-1001'), index)).toMatchObject({ rule: 'overpayment', unappliedMinor: 10_000n });
  });

  it('sends a payment identified only by a similar payer name to the exception queue with a suggestion', () => {
    const result = matchStatementLine(line(50_000n, 'transfer', { payerName: 'NORDLICHT G.M.B.H.' }), index);
    expect(result).toMatchObject({ status: 'exception', rule: 'payer-name', accountId: 'acc-nord' });
    expect(result.confidence).toBeLessThan(0.75);
    expect(result.reason).toContain('Nordlicht GmbH');
  });

  it('refuses to apply a payment in another currency than the invoices it names', () => {
    const result = matchStatementLine(line(9_999n, 'INV-2026-0200'), index);
    expect(result).toMatchObject({ status: 'exception', confidence: 0, reason: expect.stringContaining('nothing is converted') });
  });

  it('sends a line nothing identifies to the exception queue', () => {
    expect(matchStatementLine(line(1_234n, 'misc'), index)).toMatchObject({ status: 'exception', rule: 'none', accountId: null });
  });
});

describe('helpers of the matcher', () => {
  it('finds the smallest set of invoices adding up exactly, preferring older ones', () => {
    const invoices = [invoice('A', '2026-01-01', 5n), invoice('B', '2026-01-02', 3n), invoice('C', '2026-01-03', 2n), invoice('D', '2026-01-04', 8n)];
    expect(exactSubset(invoices, 8n, 16)?.map((i) => i.number)).toEqual(['D']);
    expect(exactSubset(invoices, 7n, 16)?.map((i) => i.number)).toEqual(['A', 'C']);
    expect(exactSubset(invoices, 19n, 16)).toBeNull();
  });

  it('rates names alike whatever their case, word order and legal suffix', () => {
    expect(nameSimilarity('Harbour & Pike Ltd', 'PIKE HARBOUR')).toBe(1);
    expect(nameSimilarity('Nordlicht GmbH', 'Cedar Street Bakery')).toBeLessThan(0.3);
  });
});

describe('the match index as lines are applied', () => {
  it('matches a later line of the same statement on what the earlier one left open', () => {
    const live = buildMatchIndex([harbour, nordlicht]);
    expect(matchStatementLine(line(50_000n, 'C-2002'), live)).toMatchObject({ rule: 'customer-exact-amount', status: 'matched' });
    replaceMatchAccount(live, { ...nordlicht, openInvoices: [] });
    // The invoice is paid now: a second payment of it is an overpayment kept as credit, not a second exact match.
    expect(matchStatementLine(line(50_000n, 'C-2002'), live)).toMatchObject({ rule: 'overpayment', unappliedMinor: 50_000n, allocations: [] });
    expect(matchStatementLine(line(50_000n, 'INV-2026-0100'), live)).toMatchObject({ rule: 'none', status: 'exception' });
  });

  it('lists the references a line could be found by, so only those accounts need loading', () => {
    expect(lineReferences({ remittance: 'inv 2026/0042, thanks', customerRef: 'c-1001' })).toEqual(
      expect.arrayContaining(['C1001', 'INV20260042', 'INV', '20260042', 'THANKS']),
    );
  });
});
