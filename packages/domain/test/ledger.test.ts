import { describe, expect, it } from '@jest/globals';
import { checkAllocations, type AllocationRequest, type LedgerInvoice } from '../src/index.ts';

const invoice = (id: string, fields: Partial<LedgerInvoice> = {}): LedgerInvoice => ({
  invoiceId: id,
  number: `INV-${id}`,
  accountId: 'acc-1',
  currency: 'EUR',
  status: 'open',
  openMinor: 10_000n,
  ...fields,
});
const payment = { accountId: 'acc-1', currency: 'EUR', availableMinor: 15_000n };
const codes = (allocations: AllocationRequest[], invoices: LedgerInvoice[], pay = payment) => checkAllocations(pay, allocations, invoices).map((p) => p.code);

describe('checkAllocations', () => {
  it.each<[string, AllocationRequest[], LedgerInvoice[], string[]]>([
    ['accepts allocations within the payment and each invoice', [{ invoiceId: 'a', amountMinor: 10_000n }, { invoiceId: 'b', amountMinor: 5_000n }], [invoice('a'), invoice('b')], []],
    ['accepts leaving part of the payment as credit', [{ invoiceId: 'a', amountMinor: 1n }], [invoice('a')], []],
    ['refuses more than the payment has', [{ invoiceId: 'a', amountMinor: 10_000n }, { invoiceId: 'b', amountMinor: 5_001n }], [invoice('a'), invoice('b')], ['above-payment']],
    ['refuses more than an invoice still owes', [{ invoiceId: 'a', amountMinor: 10_001n }], [invoice('a')], ['above-invoice']],
    ['counts the same invoice named twice together', [{ invoiceId: 'a', amountMinor: 6_000n }, { invoiceId: 'a', amountMinor: 6_000n }], [invoice('a')], ['above-invoice']],
    ['refuses converting currencies', [{ invoiceId: 'a', amountMinor: 100n }], [invoice('a', { currency: 'USD' })], ['currency-mismatch']],
    ['refuses another account\'s invoice', [{ invoiceId: 'a', amountMinor: 100n }], [invoice('a', { accountId: 'acc-2' })], ['invoice-of-other-account']],
    ['refuses a cancelled invoice', [{ invoiceId: 'a', amountMinor: 100n }], [invoice('a', { status: 'cancelled' })], ['invoice-cancelled']],
    ['refuses an invoice it does not know', [{ invoiceId: 'x', amountMinor: 100n }], [], ['invoice-unknown']],
    ['refuses a zero amount', [{ invoiceId: 'a', amountMinor: 0n }], [invoice('a')], ['amount-not-positive']],
  ])('%s', (_name, allocations, invoices, expected) => {
    expect(codes(allocations, invoices)).toEqual(expected);
  });

  it('names the invoice at fault in words a person can act on', () => {
    const [problem] = checkAllocations(payment, [{ invoiceId: 'a', amountMinor: 12_000n }], [invoice('a', { number: 'INV-2026-0042' })]);
    expect(problem).toEqual({ code: 'above-invoice', invoiceId: 'a', message: 'Invoice INV-2026-0042 has 10000 open; 12000 cannot be applied to it.' });
  });
});
