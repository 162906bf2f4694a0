import { describe, expect, it } from '@jest/globals';
import { completeTaskRequestSchema, openDisputeRequestSchema, promiseRequestSchema, resolveDisputeRequestSchema } from '../src/index.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] =>
  result.error?.issues.map((issue) => issue.path.map(String).join('.')) ?? [];

describe('promise DTOs', () => {
  it('accepts a promise with money, a calendar date and an optional grace period', () => {
    const parsed = promiseRequestSchema.parse({ amount: { amountMinor: 1500, currency: 'EUR' }, dueDate: '2026-12-01' });
    expect(parsed).toEqual({ amount: { amountMinor: '1500', currency: 'EUR' }, dueDate: '2026-12-01' });
  });

  it('names the field of a non-existent date, a fractional amount and a grace period above 30 days', () => {
    expect(paths(promiseRequestSchema.safeParse({ amount: { amountMinor: '1', currency: 'EUR' }, dueDate: '2026-02-30' }))).toEqual(['dueDate']);
    expect(paths(promiseRequestSchema.safeParse({ amount: { amountMinor: '1.5', currency: 'EUR' }, dueDate: '2026-12-01' }))).toEqual([
      'amount.amountMinor',
    ]);
    expect(
      paths(promiseRequestSchema.safeParse({ amount: { amountMinor: '1', currency: 'EUR' }, dueDate: '2026-12-01', graceDays: 31 })),
    ).toEqual(['graceDays']);
  });

  it('lets a promise come only with the outcome promise-to-pay', () => {
    const promise = { amount: { amountMinor: '100', currency: 'EUR' }, dueDate: '2026-12-01' };
    expect(completeTaskRequestSchema.safeParse({ outcome: 'promise-to-pay', promise }).success).toBe(true);
    expect(paths(completeTaskRequestSchema.safeParse({ outcome: 'no-contact', promise }))).toEqual(['promise']);
  });
});

describe('dispute DTOs', () => {
  const id = '3f1c8f0e-8d1e-4a53-9a53-1b5b3f4f2a10';

  it('needs a reason and at least one invoice, each listed once', () => {
    expect(openDisputeRequestSchema.safeParse({ reason: 'damaged', items: [{ invoiceId: id }] }).success).toBe(true);
    expect(paths(openDisputeRequestSchema.safeParse({ reason: ' ', items: [] }))).toEqual(['reason', 'items']);
    expect(paths(openDisputeRequestSchema.safeParse({ reason: 'x', items: [{ invoiceId: id }, { invoiceId: id }] }))).toEqual([
      'items.1.invoiceId',
    ]);
  });

  it('resolves only as valid or invalid, with a note', () => {
    expect(resolveDisputeRequestSchema.safeParse({ resolution: 'valid', note: 'credit agreed' }).success).toBe(true);
    expect(paths(resolveDisputeRequestSchema.safeParse({ resolution: 'maybe', note: '' }))).toEqual(['resolution', 'note']);
  });
});
