import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AccountEvent, AccountNote, AuditLog, CollectorTask, PaymentPlan, PaymentPromise } from '@recoup/db';
import { addCalendarDays, wallClockAt } from '@recoup/domain';
import { createHarness, HARNESS_PORTAL_SECRET, type Harness } from './support/harness.ts';
import { addPortalDebtor, enterPortal, portalLink, putOnPortalPolicy, type PortalDebtor } from './support/portal-debtors.ts';

// Promises and payment plans the debtor makes in the portal, bounded by the policy on the strategy their account's
// collection runs on. Within it, the arrangement goes to the workflow as a collector's would; a plan outside it
// becomes a review task for the account's collector.

let h: Harness;
const today = () => wallClockAt(new Date(), 'Europe/Berlin').date;

const enter = async (who: PortalDebtor) => enterPortal(h.app, portalLink(HARNESS_PORTAL_SECRET, who));
const post = (cookie: string, path: string, form: Record<string, string>, language = 'en-GB') =>
  request(h.app).post(path).set('Cookie', cookie).set('Accept-Language', language).type('form').send(form);
const promisesOf = (who: PortalDebtor) => h.db.orm.em.fork().find(PaymentPromise, { account: who.accountId }, { orderBy: { createdAt: 'asc' } });
const arrangementsSent = (who: PortalDebtor) => h.collections.calls.filter((c) => c.kind === 'recordArrangement' && c.accountId === who.accountId);

let seq = 0;
const debtor = async (invoices: bigint[]): Promise<PortalDebtor> => {
  seq += 1;
  return addPortalDebtor(h.db.orm, `ARR-${seq}`, `Arrangement Debtor ${seq}`, { name: `Dana Debtor ${seq}`, email: `dana${seq}@arrange.example` },
    invoices.map((amountMinor, i) => ({ number: `ARR-${seq}-${i + 1}`, amountMinor, dueDate: '2026-10-15' })));
};

beforeAll(async () => {
  h = await createHarness();
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('a promise to pay made in the portal', () => {
  it('is stored as a portal promise and handed to the workflow as a promise made online', async () => {
    const who = await debtor([120_000n]);
    const cookie = await enter(who);
    const dueDate = addCalendarDays(today(), 7);
    const answer = await post(cookie, '/portal/promise', { dueDate, amount: '1,200.00' });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/portal?notice=promised');

    const [promise] = await promisesOf(who);
    expect(promise).toMatchObject({ source: 'portal', status: 'open', amountMinor: 120_000n, dueDate, createdBy: null });
    expect(arrangementsSent(who)).toEqual([
      expect.objectContaining({ message: { origin: 'portal', promise: expect.objectContaining({ promiseId: promise?.id, amountMinor: '120000', dueDate }) } }),
    ]);
    const audit = await h.db.orm.em.fork().find(AuditLog, { action: 'portal.promise-made', entityId: who.accountId });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ actor: { kind: 'contact', contactId: who.contactId } });

    const page = await request(h.app).get('/portal?notice=promised').set('Cookie', cookie).set('Accept-Language', 'en-GB');
    expect(page.text).toContain('We have noted your promise');
    expect(page.text).toContain('You promised to pay €1,200.00');
    // With a promise in place the forms explain rather than offer a second one.
    expect(page.text).not.toContain('action="/portal/promise"');
  });

  it('refuses a date later than the strategy allows and a share below its minimum, naming both bounds, and stores nothing', async () => {
    const who = await debtor([100_000n]);
    await putOnPortalPolicy(h.db.orm, who, { promise: { maxDaysAhead: 10, minPercent: 50 } });
    const cookie = await enter(who);
    const answer = await post(cookie, '/portal/promise', { dueDate: addCalendarDays(today(), 20), amount: '100.00' });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('The amount must be at least €500.00 (50 % of what is due).');
    expect(answer.text).toMatch(/The date must be no later than \d+ \w+ \d{4}\./);
    expect(await promisesOf(who)).toEqual([]);
    expect(arrangementsSent(who)).toEqual([]);
  });

  it('explains a refused promise in German to a debtor whose browser asks for German', async () => {
    const who = await debtor([100_000n]);
    await putOnPortalPolicy(h.db.orm, who, { promise: { maxDaysAhead: 10 } });
    const cookie = await enter(who);
    const answer = await post(cookie, '/portal/promise', { dueDate: addCalendarDays(today(), 30), amount: '1.000,00' }, 'de-DE');
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/Das Datum darf nicht nach dem \d{2}\.\d{2}\.\d{4} liegen\./);
    expect(answer.text).toContain('Einen Zahlungstermin zusagen');
  });

  it('refuses a promise when the strategy offers none', async () => {
    const who = await debtor([100_000n]);
    await putOnPortalPolicy(h.db.orm, who, { promise: { enabled: false }, plan: { enabled: false } });
    const cookie = await enter(who);
    const page = await request(h.app).get('/portal').set('Cookie', cookie);
    expect(page.text).not.toContain('action="/portal/promise"');
    const answer = await post(cookie, '/portal/promise', { dueDate: addCalendarDays(today(), 3), amount: '1,000.00' });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('This cannot be arranged online.');
    expect(await promisesOf(who)).toEqual([]);
  });

  it('cancels the promise again when the workflow refuses it, and tells the debtor', async () => {
    const who = await debtor([100_000n]);
    const cookie = await enter(who);
    const { WorkflowMissingError } = await import('@recoup/workflows');
    h.collections.updateError = new WorkflowMissingError(`collection-${who.accountId}`);
    try {
      const answer = await post(cookie, '/portal/promise', { dueDate: addCalendarDays(today(), 3), amount: '1,000.00' });
      expect(answer.status).toBe(409);
    } finally {
      h.collections.updateError = null;
    }
    const [promise] = await promisesOf(who);
    expect(promise?.status).toBe('cancelled');
  });

  it('names the field when the date or amount cannot be read', async () => {
    const who = await debtor([100_000n]);
    const cookie = await enter(who);
    const noDate = await post(cookie, '/portal/promise', { dueDate: '2026-02-30', amount: '10.00' });
    expect(noDate.status).toBe(400);
    expect(noDate.text).toContain('Please choose a date.');
    const noAmount = await post(cookie, '/portal/promise', { dueDate: addCalendarDays(today(), 3), amount: 'ten euros' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.text).toContain('Please enter the amount as a number');
    expect(await promisesOf(who)).toEqual([]);
  });
});

describe('a payment plan asked for in the portal', () => {
  it('is set up at once within the policy: the installments split the balance and the workflow holds for each', async () => {
    const who = await debtor([90_001n]);
    const cookie = await enter(who);
    const firstDueDate = addCalendarDays(today(), 5);
    const answer = await post(cookie, '/portal/plan', { installments: '3', intervalDays: '30', firstDueDate });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/portal?notice=plan-accepted');

    const plans = await h.db.orm.em.fork().find(PaymentPlan, { account: who.accountId });
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ installments: 3, intervalDays: 30, totalMinor: 90_001n, status: 'active', nodeId: 'portal' });
    const installments = await promisesOf(who);
    expect(installments.map((p) => [p.dueDate, p.amountMinor])).toEqual([
      [firstDueDate, 30_001n],
      [addCalendarDays(firstDueDate, 30), 30_000n],
      [addCalendarDays(firstDueDate, 60), 30_000n],
    ]);
    const [sent] = arrangementsSent(who);
    expect(sent).toMatchObject({ message: { origin: 'portal', plan: { planId: plans[0]?.id } } });

    const again = await post(cookie, '/portal/plan', { installments: '3', intervalDays: '30', firstDueDate });
    expect(again.status).toBe(400);
    expect(again.text).toContain('An arrangement for your account is already in place.');
    expect(await h.db.orm.em.fork().count(PaymentPlan, { account: who.accountId })).toBe(1);
  });

  it('goes to the account’s collector as a review task outside the policy, and the workflow hears it was asked for', async () => {
    const who = await debtor([240_000n]);
    await putOnPortalPolicy(h.db.orm, who, { plan: { maxInstallments: 4, minInstallment: [{ currency: 'EUR', amountMinor: '50000' }] } });
    const cookie = await enter(who);
    const answer = await post(cookie, '/portal/plan', { installments: '12', intervalDays: '30', firstDueDate: addCalendarDays(today(), 3) });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/portal?notice=plan-review');

    const em = h.db.orm.em.fork();
    expect(await em.count(PaymentPlan, { account: who.accountId })).toBe(0);
    const [task] = await em.find(CollectorTask, { account: who.accountId }, { populate: ['assignee', 'account'] });
    expect(task).toMatchObject({ taskType: 'portal-request', status: 'open', priority: 'high', outcomes: ['payment-plan', 'declined'] });
    expect(task?.assignee?.id).toBe(task?.account.assignedCollector?.id);
    const [note] = await em.find(AccountNote, { task: task?.id });
    expect(note?.body).toContain('12 installments every 30 days');
    expect(note?.body).toContain('too-many-installments');
    expect(note?.body).toContain('installment-too-small');
    expect(await em.count(AccountEvent, { account: who.accountId, kind: 'plan-requested' })).toBe(1);
    expect(h.collections.calls).toContainEqual({ kind: 'planRequested', accountId: who.accountId });

    const page = await request(h.app).get('/portal?notice=plan-review').set('Cookie', cookie);
    expect(page.text).toContain('Your request for a payment plan is with our team.');
    const twice = await post(cookie, '/portal/plan', { installments: '12', intervalDays: '30', firstDueDate: addCalendarDays(today(), 3) });
    expect(twice.status).toBe(400);
    expect(await em.count(CollectorTask, { account: who.accountId })).toBe(1);

    // The collector agrees a plan on the task: it is stored and reaches the workflow as a reviewed arrangement.
    const collector = await h.login('collector1');
    const missing = await collector.agent.post(`/api/tasks/${task?.id}/complete`).set('x-csrf-token', collector.csrf).send({ outcome: 'payment-plan' });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('plan');
    const agreed = await collector.agent
      .post(`/api/tasks/${task?.id}/complete`)
      .set('x-csrf-token', collector.csrf)
      .send({ outcome: 'payment-plan', plan: { installments: 6, intervalDays: 30, firstDueDate: addCalendarDays(today(), 3) } });
    expect(agreed.status).toBe(200);
    const plan = await h.db.orm.em.fork().findOneOrFail(PaymentPlan, { account: who.accountId });
    expect(plan.installments).toBe(6);
    expect(arrangementsSent(who)).toEqual([expect.objectContaining({ message: expect.objectContaining({ origin: 'review', plan: expect.objectContaining({ planId: plan.id }) }) })]);
    // The review's outcome is not one the workflow waits for.
    expect(h.collections.calls.filter((c) => c.kind === 'completeTask' && c.accountId === who.accountId)).toEqual([]);
  });

  it('refuses a first installment in the past without asking anyone', async () => {
    const who = await debtor([100_000n]);
    const cookie = await enter(who);
    const answer = await post(cookie, '/portal/plan', { installments: '3', intervalDays: '30', firstDueDate: addCalendarDays(today(), -2) });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('The date must be today');
    expect(await h.db.orm.em.fork().count(CollectorTask, { account: who.accountId })).toBe(0);
  });

  it('refuses an interval the portal does not offer, naming it', async () => {
    const who = await debtor([100_000n]);
    const cookie = await enter(who);
    const answer = await post(cookie, '/portal/plan', { installments: '3', intervalDays: '45', firstDueDate: addCalendarDays(today(), 2) });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('Please choose how often to pay.');
  });
});
