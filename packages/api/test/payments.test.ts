import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AppUser, AuditLog, Invoice, Payment } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let collector: LoggedIn;
let accountId: string;

beforeAll(async () => {
  h = await createHarness();
  const manager = await h.login('manager');
  const imported = await manager.agent
    .post('/api/imports/portfolio')
    .set('x-csrf-token', manager.csrf)
    .send({
      accounts: [
        {
          externalRef: 'P-1',
          name: 'Payer One',
          customerType: 'business',
          currency: 'EUR',
          timeZone: 'Europe/Berlin',
          invoices: [
            { number: 'P-A', issueDate: '2025-02-01', dueDate: '2025-03-01', amount: { amountMinor: '10000', currency: 'EUR' } },
            { number: 'P-B', issueDate: '2024-12-15', dueDate: '2025-01-15', amount: { amountMinor: '5000', currency: 'EUR' } },
            { number: 'P-C', issueDate: '2025-01-01', dueDate: '2025-02-01', amount: { amountMinor: '7000', currency: 'EUR' } },
            { number: 'P-U', issueDate: '2024-01-01', dueDate: '2024-02-01', amount: { amountMinor: '3000', currency: 'USD' } },
          ],
        },
      ],
    });
  expect(imported.status).toBe(201);
  collector = await h.login('collector1');
  // Collectors record payments on their own accounts only.
  const em = h.db.orm.em.fork();
  const account = await em.findOneOrFail(Account, { externalRef: 'P-1' });
  account.assignedCollector = em.getReference(AppUser, collector.userId);
  await em.flush();
  accountId = account.id;
});
afterAll(async () => {
  await h.close();
});

const pay = (key: string | null, body: object) => {
  const req = collector.agent.post('/api/payments').set('x-csrf-token', collector.csrf);
  if (key !== null) req.set('Idempotency-Key', key);
  return req.send(body);
};

const open = async (number: string) => (await h.db.orm.em.fork().findOneOrFail(Invoice, { number })).openMinor;

describe('payments', () => {
  it("refuses a collector recording a payment on another collector's account with 404", async () => {
    const other = await h.login('collector2');
    const response = await other.agent
      .post('/api/payments')
      .set('x-csrf-token', other.csrf)
      .set('Idempotency-Key', 'pay-key-other-collector')
      .send({ accountRef: 'P-1', amount: { amountMinor: '100', currency: 'EUR' } });
    expect(response.status).toBe(404);
  });

  it('allocates oldest due first and answers the new balance', async () => {
    const response = await pay('pay-key-0001', {
      accountRef: 'P-1',
      amount: { amountMinor: '8000', currency: 'EUR' },
      reference: 'bank 1',
    });
    expect(response.status).toBe(201);
    expect(response.body.allocations.map((a: { invoiceNumber: string; amountMinor: string }) => [a.invoiceNumber, a.amountMinor])).toEqual([
      ['P-B', '5000'],
      ['P-C', '3000'],
    ]);
    expect(response.body.payment).toMatchObject({ accountId, amount: { amountMinor: '8000', currency: 'EUR' }, unallocated: { amountMinor: '0' } });
    expect(response.body.note).toBeNull();
    expect(response.body.balance).toEqual([
      { amountMinor: '14000', currency: 'EUR' },
      { amountMinor: '3000', currency: 'USD' },
    ]);
    expect(await open('P-B')).toBe(0n);
    expect(await open('P-C')).toBe(4000n);
    expect(await open('P-A')).toBe(10000n);
    expect((await h.db.orm.em.fork().findOneOrFail(Invoice, { number: 'P-B' })).status).toBe('paid');
    expect(h.collections.of('paymentApplied')).toEqual([
      {
        kind: 'paymentApplied',
        accountId,
        message: { paymentId: response.body.payment.id, amountMinor: '8000', currency: 'EUR' },
      },
    ]);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'payment.received', entityId: response.body.payment.id })).toBe(1);
  });

  it('answers a repeated key with the same body with the stored response and records no second payment', async () => {
    const body = { accountId, amount: { amountMinor: 100, currency: 'EUR' } };
    const first = await pay('pay-key-0002', body);
    const paymentsAfterFirst = await h.db.orm.em.fork().count(Payment, {});
    const signalsAfterFirst = h.collections.of('paymentApplied').length;
    const second = await pay('pay-key-0002', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await h.db.orm.em.fork().count(Payment, {})).toBe(paymentsAfterFirst);
    expect(h.collections.of('paymentApplied')).toHaveLength(signalsAfterFirst);
  });

  it('records one payment when the same key arrives twice at once', async () => {
    const body = { accountId, amount: { amountMinor: '10', currency: 'EUR' } };
    const before = await h.db.orm.em.fork().count(Payment, {});
    const [a, b] = await Promise.all([pay('pay-key-race', body), pay('pay-key-race', body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await h.db.orm.em.fork().count(Payment, {})).toBe(before + 1);
  });

  it('refuses a reused key with a different body with 422', async () => {
    await pay('pay-key-0003', { accountId, amount: { amountMinor: '1', currency: 'EUR' } });
    const reused = await pay('pay-key-0003', { accountId, amount: { amountMinor: '2', currency: 'EUR' } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency-key-reused');
  });

  it('needs an Idempotency-Key header', async () => {
    const response = await pay(null, { accountId, amount: { amountMinor: '1', currency: 'EUR' } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('idempotency-key-missing');
  });

  it('keeps a payment in a currency nothing is open in as unallocated credit and says so', async () => {
    const response = await pay('pay-key-0004', { accountId, amount: { amountMinor: '500', currency: 'GBP' } });
    expect(response.status).toBe(201);
    expect(response.body.allocations).toEqual([]);
    expect(response.body.payment.unallocated).toEqual({ amountMinor: '500', currency: 'GBP' });
    expect(response.body.note).toMatch(/No open invoice is in GBP/);
  });

  it('keeps what exceeds the open amount as credit', async () => {
    const response = await pay('pay-key-0005', { accountId, amount: { amountMinor: '5000', currency: 'USD' } });
    expect(response.body.allocations).toHaveLength(1);
    expect(response.body.payment.unallocated).toEqual({ amountMinor: '2000', currency: 'USD' });
    expect(response.body.note).toMatch(/2000 minor units/);
    expect(response.body.balance).not.toContainEqual(expect.objectContaining({ currency: 'USD' }));
  });

  it.each([
    [{ amountMinor: '-5', currency: 'EUR' }, 'must not be negative'],
    [{ amountMinor: '1.5', currency: 'EUR' }, 'no fractions'],
    [{ amountMinor: '100', currency: 'EURO' }, 'ISO 4217'],
  ])('refuses the amount %j with 400', async (amount, reason) => {
    const response = await pay(`pay-key-bad-${amount.amountMinor}-${amount.currency}`, { accountId, amount });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].reason).toContain(reason);
  });

  it('answers 404 for an unknown account', async () => {
    const response = await pay('pay-key-0006', { accountRef: 'NOPE', amount: { amountMinor: '1', currency: 'EUR' } });
    expect(response.status).toBe(404);
  });

  it('reverses a bounced payment once: its invoices owe again, and collection is told and started again', async () => {
    const manager = await h.login('manager');
    // The USD payment above paid P-U and kept 2000 as credit.
    const paid = await h.db.orm.em.fork().findOneOrFail(Payment, { idempotencyKey: { $like: '%/pay-key-0005' } });
    expect(await open('P-U')).toBe(0n);
    const reverse = (who: LoggedIn) =>
      who.agent.post(`/api/payments/${paid.id}/reverse`).set('x-csrf-token', who.csrf).send({ reason: 'Cheque returned unpaid' });

    expect((await reverse(collector)).status).toBe(403);
    const response = await reverse(manager);
    expect(response.status).toBe(200);
    expect(response.body.restored).toEqual([{ invoiceId: expect.any(String), amountMinor: '3000' }]);
    expect(await open('P-U')).toBe(3000n);
    const payment = await h.db.orm.em.fork().findOneOrFail(Payment, { id: paid.id });
    expect(payment).toMatchObject({ unallocatedMinor: 0n, reversalReason: 'Cheque returned unpaid' });
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'payment.reversed', entityId: payment.id })).toBe(1);
    expect(h.collections.of('accountChanged')).toContainEqual(expect.objectContaining({ accountId }));
    expect(h.collections.of('start')).toContainEqual(expect.objectContaining({ accountId }));

    const twice = await reverse(manager);
    expect(twice.status).toBe(409);
    expect(await open('P-U')).toBe(3000n);
  });

  it("never replays another user's Idempotency-Key: the same key and body from someone else is their own request", async () => {
    const first = await pay('pay-key-shared', { accountRef: 'P-1', amount: { amountMinor: '1', currency: 'EUR' }, reference: 'shared key' });
    expect(first.status).toBe(201);
    const other = await h.login('collector2');
    const replay = await other.agent
      .post('/api/payments')
      .set('x-csrf-token', other.csrf)
      .set('Idempotency-Key', 'pay-key-shared')
      .send({ accountRef: 'P-1', amount: { amountMinor: '1', currency: 'EUR' }, reference: 'shared key' });
    // Not the first answer replayed: P-1 is not theirs, so it looks missing to them.
    expect(replay.status).toBe(404);
    expect(replay.headers['idempotent-replayed']).toBeUndefined();
    expect(JSON.stringify(replay.body)).not.toContain('Payer One');
    // The key still replays for the collector who made it.
    const mine = await pay('pay-key-shared', { accountRef: 'P-1', amount: { amountMinor: '1', currency: 'EUR' }, reference: 'shared key' });
    expect(mine.status).toBe(201);
    expect(mine.headers['idempotent-replayed']).toBe('true');
    expect(mine.body.payment.id).toBe(first.body.payment.id);
  });
});
