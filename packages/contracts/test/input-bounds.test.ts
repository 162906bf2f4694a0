import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import {
  accountInputSchema,
  calendarDateSchema,
  callAttemptRequestSchema,
  completeTaskRequestSchema,
  dateTimeSchema,
  eventTimeSchema,
  kpiQuerySchema,
  manualMatchSchema,
  moneyInputSchema,
  openDisputeRequestSchema,
  paymentRequestSchema,
  promiseRequestSchema,
  simulationRequestSchema,
} from '../src/index.ts';

const DAY_MS = 86_400_000;
const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
const reasons = (schema: z.ZodType, value: unknown): string[] => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
const paths = (schema: z.ZodType, value: unknown): string[] => schema.safeParse(value).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the date range every request keeps to', () => {
  it.each(['1900-01-01', '2026-06-30', '2100-12-31'])('accepts the calendar date %s', (date) => {
    expect(calendarDateSchema.safeParse(date).success).toBe(true);
  });

  it.each(['0001-01-01', '1899-12-31', '2101-01-01', '2999-12-31', '9999-12-31'])('refuses the calendar date %s, saying the range', (date) => {
    expect(reasons(calendarDateSchema, date)).toEqual(['must be between 1900-01-01 and 2100-12-31']);
  });

  it('says only that a date is malformed when it is not a date at all', () => {
    expect(reasons(calendarDateSchema, '2025-02-30')).toEqual(['must be a calendar date written YYYY-MM-DD']);
  });

  it.each(['1900-01-01T00:00:00Z', '2100-12-31T23:59:59.999Z', '2026-01-01T12:00:00+14:00'])('accepts the date-time %s', (value) => {
    expect(dateTimeSchema.safeParse(value).success).toBe(true);
  });

  it.each(['0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2999-12-31T23:59:59Z', '2100-12-31T23:00:00-05:00'])(
    'refuses the date-time %s, saying the range',
    (value) => {
      expect(reasons(dateTimeSchema, value)).toEqual(['must be between 1900-01-01 and 2100-12-31']);
    },
  );
});

describe('the time of something that already happened', () => {
  it('may be in the past or up to two days ahead of the clock', () => {
    expect(eventTimeSchema.safeParse(inDays(-400)).success).toBe(true);
    expect(eventTimeSchema.safeParse(inDays(1.9)).success).toBe(true);
  });

  it('may not be further in the future, nor outside the date range', () => {
    expect(reasons(eventTimeSchema, inDays(2.1))).toEqual(['must not be more than 2 days in the future']);
    expect(reasons(eventTimeSchema, '0001-01-01T00:00:00Z')).toEqual(['must be between 1900-01-01 and 2100-12-31']);
  });
});

describe('the bounds applied to the request schemas', () => {
  const money = { amountMinor: '1000', currency: 'EUR' };
  const account = {
    externalRef: 'B-1',
    name: 'Bounds Ltd',
    customerType: 'business',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    invoices: [{ number: 'B-INV-1', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: money }],
  };

  it.each<[string, z.ZodType, unknown, string]>([
    ['a payment received in the year 1', paymentRequestSchema, { accountRef: 'A-1', amount: money, receivedAt: '0001-01-01T00:00:00Z' }, 'receivedAt'],
    ['a payment received in 2999', paymentRequestSchema, { accountRef: 'A-1', amount: money, receivedAt: '2999-12-31T00:00:00Z' }, 'receivedAt'],
    ['a payment received next month', paymentRequestSchema, { accountRef: 'A-1', amount: money, receivedAt: inDays(30) }, 'receivedAt'],
    ['a payment of more than 10^15 minor units', paymentRequestSchema, { accountRef: 'A-1', amount: { amountMinor: '1000000000000001', currency: 'EUR' } }, 'amount.amountMinor'],
    ['a promise due in 2999', promiseRequestSchema, { amount: money, dueDate: '2999-12-31' }, 'dueDate'],
    ['a promise above the bound', promiseRequestSchema, { amount: { amountMinor: 10 ** 15 + 1, currency: 'EUR' }, dueDate: '2026-01-01' }, 'amount.amountMinor'],
    ['an invoice issued in the year 1', accountInputSchema, { ...account, invoices: [{ ...account.invoices[0], issueDate: '0001-01-01' }] }, 'invoices.0.issueDate'],
    ['an invoice above the bound', accountInputSchema, { ...account, invoices: [{ ...account.invoices[0], amount: { amountMinor: '99999999999999999', currency: 'EUR' } }] }, 'invoices.0.amount.amountMinor'],
    ['a disputed amount above the bound', openDisputeRequestSchema, { reason: 'Wrong', items: [{ invoiceId: '00000000-0000-4000-8000-000000000001', amount: { amountMinor: '1000000000000001', currency: 'EUR' } }] }, 'items.0.amount.amountMinor'],
    ['a manual allocation above the bound', manualMatchSchema, { accountId: '00000000-0000-4000-8000-000000000001', allocations: [{ invoiceId: '00000000-0000-4000-8000-000000000002', amountMinor: '1000000000000001' }] }, 'allocations.0.amountMinor'],
    ['a call placed next week', callAttemptRequestSchema, { outcome: 'no-answer', placedAt: inDays(7) }, 'placedAt'],
    ['a task call placed in 2999', completeTaskRequestSchema, { outcome: 'no-contact', call: { result: 'busy', placedAt: '2999-01-01T00:00:00Z' } }, 'call.placedAt'],
    ['a plan starting in 2999', completeTaskRequestSchema, { outcome: 'payment-plan', plan: { installments: 3, intervalDays: 30, firstDueDate: '2999-01-01' } }, 'plan.firstDueDate'],
    ['a call-back in 2999', completeTaskRequestSchema, { outcome: 'call-back', callBackAt: '2999-01-01T00:00:00Z' }, 'callBackAt'],
    ['a simulation starting in the year 1', simulationRequestSchema, { strategyVersionId: '00000000-0000-4000-8000-000000000001', portfolio: { size: 1 }, start: '0001-01-01T00:00:00Z' }, 'start'],
    ['a KPI period from the year 1', kpiQuerySchema, { from: '0001-01-01', to: '2025-01-01' }, 'from'],
  ])('refuses %s, naming the field', (_what, schema, value, path) => {
    expect(paths(schema, value)).toContain(path);
  });

  it('accepts the largest amount and the range ends', () => {
    expect(moneyInputSchema.parse({ amountMinor: '1000000000000000', currency: 'EUR' }).amountMinor).toBe('1000000000000000');
    expect(promiseRequestSchema.safeParse({ amount: money, dueDate: '2100-12-31' }).success).toBe(true);
    expect(accountInputSchema.safeParse({ ...account, invoices: [{ ...account.invoices[0], issueDate: '1900-01-01' }] }).success).toBe(true);
  });
});
