import { describe, expect, it } from '@jest/globals';
import {
  accountInputSchema,
  completeTaskRequestSchema,
  idempotencyKeySchema,
  isCalendarDate,
  isTimeZone,
  loginRequestSchema,
  paymentRequestSchema,
  taskListQuerySchema,
} from '../src/index.ts';

const account = {
  externalRef: 'C-1',
  name: 'Acme GmbH',
  customerType: 'business',
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  contacts: [{ name: 'Ann', email: 'Ann@Example.com', consent: { email: true, sms: false, phone: false, letter: true } }],
  invoices: [{ number: 'INV-1', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: { amountMinor: '1000', currency: 'EUR' } }],
};

describe('calendar dates and time zones', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['01.02.2025', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));

  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isTimeZone(%s) is %s', (value, expected) => expect(isTimeZone(value)).toBe(expected));
});

describe('accountInputSchema', () => {
  it('accepts a complete account and lower-cases e-mail', () => {
    const parsed = accountInputSchema.parse(account);
    expect(parsed.contacts[0]?.email).toBe('ann@example.com');
    expect(parsed.invoices[0]?.amount.amountMinor).toBe('1000');
  });

  it.each([
    [{ ...account, customerType: 'alien' }, 'customerType'],
    [{ ...account, timeZone: 'Nowhere/Town' }, 'timeZone'],
    [{ ...account, currency: 'ABC' }, 'currency'],
    [{ ...account, invoices: [{ ...account.invoices[0], dueDate: '2024-12-01' }] }, 'invoices.0.dueDate'],
    [{ ...account, invoices: [{ ...account.invoices[0], issueDate: '2025-02-30' }] }, 'invoices.0.issueDate'],
    [{ ...account, invoices: [{ ...account.invoices[0], amount: { amountMinor: '-1', currency: 'EUR' } }] }, 'invoices.0.amount.amountMinor'],
  ])('refuses a bad field (%#) at %s', (input, path) => {
    const parsed = accountInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('request schemas', () => {
  it.each([
    [loginRequestSchema, { email: ' Admin@Recoup.Test ', password: 'x' }, true],
    [loginRequestSchema, { email: 'nope', password: 'x' }, false],
    [loginRequestSchema, { email: 'a@b.co', password: '' }, false],
    [paymentRequestSchema, { accountRef: 'C-1', amount: { amountMinor: '10', currency: 'EUR' } }, true],
    [paymentRequestSchema, { amount: { amountMinor: '10', currency: 'EUR' } }, false],
    [
      paymentRequestSchema,
      { accountRef: 'C-1', accountId: '8a0f1e1c-5b0a-4a57-9c4e-7d1c1f3f2b10', amount: { amountMinor: '10', currency: 'EUR' } },
      false,
    ],
    [paymentRequestSchema, { accountRef: 'C-1', amount: { amountMinor: '10', currency: 'EUR' }, receivedAt: 'yesterday' }, false],
    [completeTaskRequestSchema, { outcome: 'promised' }, true],
    [completeTaskRequestSchema, { outcome: '' }, false],
    [taskListQuerySchema, { status: 'open', assignee: 'me', limit: '10' }, true],
    [taskListQuerySchema, { status: 'closed' }, false],
    [idempotencyKeySchema, 'pay-0001-abcdef', true],
    [idempotencyKeySchema, 'short', false],
    [idempotencyKeySchema, 'has spaces in it', false],
  ] as const)('schema %# accepts %j: %s', (schema, input, ok) => {
    expect(schema.safeParse(input).success).toBe(ok);
  });
});
