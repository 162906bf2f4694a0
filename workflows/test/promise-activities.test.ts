import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import { Account, Contact, Dispute, DisputeItem, Invoice, Payment, PaymentPlan, PaymentPromise, applyPaymentToPromises } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import type { ActivityDeps } from '../src/activities/deps.ts';
import { createPaymentPlan } from '../src/activities/payment-plans.ts';
import { checkPromise } from '../src/activities/promises.ts';

let db: TestDatabase;
let seq = 0;
let clock = new Date('2026-11-24T10:00:00Z');

const deps = (): ActivityDeps => ({
  orm: db.orm,
  mailer: { send: async () => ({ messageId: 'unused' }), close: () => undefined },
  publicUrl: 'http://127.0.0.1',
  now: () => clock,
});

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** An account in New York owing the given invoices, with the given amounts of each invoice disputed. */
async function account(invoices: bigint[], disputed: bigint[] = []): Promise<string> {
  const em = db.orm.em.fork();
  const acc = em.create(Account, {
    externalRef: `PA-${++seq}`,
    name: `Planner ${seq}`,
    customerType: 'consumer',
    currency: 'USD',
    timeZone: 'Europe/London',
  });
  em.create(Contact, { account: acc, name: 'Debtor', timeZone: 'America/New_York', isPrimary: true });
  const rows = invoices.map((amountMinor, index) =>
    em.create(Invoice, {
      account: acc,
      number: `PA-${seq}-${index}`,
      issueDate: '2026-09-01',
      dueDate: '2026-10-01',
      currency: 'USD',
      amountMinor,
      openMinor: amountMinor,
    }),
  );
  if (disputed.length > 0) {
    const dispute = em.create(Dispute, { account: acc, reason: 'not delivered' });
    disputed.forEach((amountMinor, index) => {
      const invoice = rows[index];
      if (invoice) em.create(DisputeItem, { dispute, invoice, amountMinor });
    });
  }
  await em.flush();
  return acc.id;
}

const planInput = (accountId: string, key: string) => ({
  key,
  accountId,
  workflowId: `collection-${accountId}`,
  nodeId: 'plan',
  installments: 3,
  intervalDays: 30,
  firstDueInDays: 7,
  graceDays: 3,
});

describe('createPaymentPlan', () => {
  it('splits the collectible balance into installments dated from today on the debtor clock', async () => {
    const accountId = await account([6_000n, 4_001n], [1_000n]);
    const result = await createPaymentPlan(deps(), planInput(accountId, `plan-${seq}`));
    // 10001 open, 1000 disputed: 9001 over three installments, the extra cent first.
    expect(result.installments.map((i) => i.amountMinor)).toEqual(['3001', '3000', '3000']);
    // 2026-11-24 + 7 = 2026-12-01, +3 grace = 2026-12-04, which ends at 05:00 UTC the next day in New York.
    expect(result.installments.map((i) => i.until)).toEqual([
      '2026-12-05T05:00:00.000Z',
      '2027-01-04T05:00:00.000Z',
      '2027-02-03T05:00:00.000Z',
    ]);
    const promises = await db.orm.em.fork().find(PaymentPromise, { plan: result.planId }, { orderBy: { installmentNo: 'asc' } });
    expect(promises.map((p) => [p.installmentNo, String(p.dueDate), p.source, p.status])).toEqual([
      [1, '2026-12-01', 'plan', 'open'],
      [2, '2026-12-31', 'plan', 'open'],
      [3, '2027-01-30', 'plan', 'open'],
    ]);
    expect(await db.orm.em.fork().findOneOrFail(PaymentPlan, result.planId)).toMatchObject({ totalMinor: 9_001n, status: 'active' });
  });

  it('answers a retry, even a concurrent one, with the same plan and promises and creates nothing new', async () => {
    const accountId = await account([9_000n]);
    const key = `plan-retry-${seq}`;
    const [first, concurrent] = await Promise.all([
      createPaymentPlan(deps(), planInput(accountId, key)),
      createPaymentPlan(deps(), planInput(accountId, key)),
    ]);
    const again = await createPaymentPlan(deps(), planInput(accountId, key));
    expect(concurrent).toEqual(first);
    expect(again).toEqual(first);
    expect(await db.orm.em.fork().count(PaymentPlan, { key })).toBe(1);
    expect(await db.orm.em.fork().count(PaymentPromise, { account: accountId })).toBe(3);
  });

  it('refuses, without retrying, to plan an account whose every open item is disputed', async () => {
    const accountId = await account([5_000n], [5_000n]);
    const refused = createPaymentPlan(deps(), planInput(accountId, `plan-none-${seq}`));
    await expect(refused).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(refused).rejects.toMatchObject({ type: 'NothingToPlan', nonRetryable: true });
  });
});

describe('checkPromise', () => {
  it('keeps an unpaid promise open until its deadline, then records it broken, and answers the same again', async () => {
    const accountId = await account([9_000n]);
    const plan = await createPaymentPlan(deps(), planInput(accountId, `plan-check-${seq}`));
    const promiseId = plan.installments[0]?.promiseId ?? '';
    clock = new Date('2026-12-05T04:59:59Z');
    expect(await checkPromise(deps(), { accountId, promiseId })).toEqual({ status: 'open' });
    clock = new Date('2026-12-05T05:00:00Z');
    expect(await checkPromise(deps(), { accountId, promiseId })).toEqual({ status: 'broken' });
    expect(await db.orm.em.fork().findOneOrFail(PaymentPromise, promiseId)).toMatchObject({ status: 'broken', resolvedAt: clock });
    expect((await db.orm.em.fork().findOneOrFail(PaymentPlan, plan.planId)).status).toBe('broken');
    clock = new Date('2026-12-10T00:00:00Z');
    expect(await checkPromise(deps(), { accountId, promiseId })).toEqual({ status: 'broken' });
    clock = new Date('2026-11-24T10:00:00Z');
  });

  it('answers kept for an installment a payment covered', async () => {
    const accountId = await account([9_000n]);
    const plan = await createPaymentPlan(deps(), planInput(accountId, `plan-kept-${seq}`));
    const em = db.orm.em.fork();
    const payment = em.create(Payment, {
      account: accountId,
      amountMinor: 3_000n,
      currency: 'USD',
      receivedAt: clock,
      reference: 'bank',
      unallocatedMinor: 3_000n,
    });
    await em.flush();
    await applyPaymentToPromises(db.orm.em.fork(), payment.id);
    const [first, second] = plan.installments;
    expect(await checkPromise(deps(), { accountId, promiseId: first?.promiseId ?? '' })).toEqual({ status: 'kept' });
    expect(await checkPromise(deps(), { accountId, promiseId: second?.promiseId ?? '' })).toEqual({ status: 'open' });
  });

  it('fails without retrying for a promise of another account', async () => {
    const accountId = await account([9_000n]);
    const other = await account([9_000n]);
    const plan = await createPaymentPlan(deps(), planInput(accountId, `plan-other-${seq}`));
    await expect(checkPromise(deps(), { accountId: other, promiseId: plan.installments[0]?.promiseId ?? '' })).rejects.toMatchObject({
      type: 'PromiseNotFound',
      nonRetryable: true,
    });
  });
});
