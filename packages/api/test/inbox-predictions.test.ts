import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CollectorTask, Contact, replaceInvoicePredictions, type IAccount } from '@recoup/db';
import { insertTestAccount, insertTestInvoice } from '@recoup/db/testing';
import { parseCalendarDate } from '@recoup/domain';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { storeTestModel } from './support/payment-model-fixtures.ts';

// The inbox ranks by the payment model's predictions where the open invoices have them, and says why in words; an
// account without predictions keeps the score its import brought. The account page shows each open invoice's
// prediction with its reasons.

let h: Harness;
let collector: LoggedIn;
let manager: LoggedIn;
let lateAccount: { account: IAccount; invoiceId: string; taskId: string };

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const today = parseCalendarDate(daysAgo(0));

async function accountWithTask(name: string, riskScore: number | null): Promise<{ account: IAccount; invoiceId: string; taskId: string }> {
  const em = h.db.orm.em.fork();
  const account = await insertTestAccount(em, { timeZone: 'UTC', customerType: 'business' });
  account.name = name;
  account.riskScore = riskScore;
  em.create(Contact, { account, name: `${name} AP`, timeZone: 'UTC', isPrimary: true });
  await em.flush();
  // The same overdue amount, equally old: only what is known of the customer can tell them apart.
  const invoice = await insertTestInvoice(em, account, 2_400_00n, { dueDate: daysAgo(12), issueDate: daysAgo(42) });
  const task = em.create(CollectorTask, {
    account: account.id,
    key: `prediction-${account.id}`,
    workflowId: `collection-${account.id}`,
    nodeId: 'task-call',
    taskType: 'call',
    title: 'Call about the overdue invoice',
    status: 'open',
    assignee: collector.userId,
    outcomes: ['promise-to-pay', 'no-contact'],
    dueAt: new Date(Date.now() + DAY),
    priority: 'normal',
  });
  await em.flush();
  return { account, invoiceId: invoice.id, taskId: task.id };
}

const prediction = (invoiceId: string, late: number, recent: { paid: number; late: number; meanDaysLate: number | null } | null, confidence: 'normal' | 'low' = 'normal') => ({
  invoiceId,
  lateProbability: late,
  veryLateProbability: late / 4,
  payDay: today + Math.round(30 * late),
  payDayLow: today,
  payDayHigh: today + 40,
  daysLate: 12 + Math.round(30 * late),
  confidence,
  reasons: [{ feature: 'lateShare' as const, value: late, effect: Math.round(300 * late) }],
  recent,
});

beforeAll(async () => {
  h = await createHarness();
  collector = await h.login('collector3');
  manager = await h.login('manager');
});
afterAll(async () => {
  await h.close();
});

describe('the inbox with payment predictions', () => {
  it('ranks a chronically late customer above a punctual one with the same overdue amount, and says why', async () => {
    const punctual = await accountWithTask('Punctual AG', null);
    const late = await accountWithTask('Latecomer GmbH', null);
    lateAccount = late;
    const imported = await accountWithTask('Imported Risk SA', 900);
    const newcomer = await accountWithTask('Newcomer Ltd', null);
    const model = await storeTestModel(h.db.orm.em.fork());
    await replaceInvoicePredictions(h.db.orm.em.fork(), model.id, today, [
      // 4 of 5 late, 9.6 days over all five: 12 days over the four late ones.
      prediction(late.invoiceId, 0.92, { paid: 5, late: 4, meanDaysLate: 9.6 }),
      prediction(punctual.invoiceId, 0.04, { paid: 5, late: 0, meanDaysLate: 0 }),
      prediction(newcomer.invoiceId, 0.4, null, 'low'),
    ]);

    const response = await collector.agent.get('/api/tasks/inbox');
    expect(response.status).toBe(200);
    const items = response.body.items as { id: string; account: { name: string }; ranking: { score: number; parts: { risk: Record<string, unknown> } } }[];
    const rank = (taskId: string) => items.findIndex((i) => i.id === taskId);
    expect(rank(late.taskId)).toBeLessThan(rank(punctual.taskId));
    const risk = (taskId: string) => items.find((i) => i.id === taskId)!.ranking.parts.risk;
    expect(risk(late.taskId)).toEqual({
      score: expect.any(Number),
      points: expect.any(Number),
      source: 'predicted',
      lateProbability: 92,
      reason: 'paid 4 of the last 5 invoices late, 12 days on average',
      confidence: 'normal',
    });
    expect(risk(late.taskId).score).toBeGreaterThan(500);
    expect(risk(punctual.taskId)).toMatchObject({ source: 'predicted', lateProbability: 4, reason: 'paid the last 5 invoices on time' });
    // Without history, the strongest reason of its invoice speaks, and the confidence says it is a guess.
    expect(risk(newcomer.taskId)).toMatchObject({ source: 'predicted', confidence: 'low', reason: expect.stringContaining('paid 40 % of earlier invoices late') });
    expect(risk(imported.taskId)).toEqual({ score: 900, points: 18, source: 'imported', lateProbability: null, reason: null, confidence: null });
  });

  it('shows the account page each open invoice’s predicted date, interval and reasons in words, and the account’s prediction', async () => {
    const response = await manager.agent.get(`/api/accounts/${lateAccount.account.id}`);
    expect(response.status).toBe(200);
    const [invoice] = response.body.invoices;
    const day = (offset: number) => new Date((today + offset) * DAY).toISOString().slice(0, 10);
    expect(invoice.prediction).toEqual({
      asOf: day(0),
      lateProbability: 92,
      veryLateProbability: 23,
      payDate: day(28),
      payDateLow: day(0),
      payDateHigh: day(40),
      daysLate: 40,
      confidence: 'normal',
      reasons: [{ feature: 'lateShare', text: 'paid 92 % of earlier invoices late (raises the risk by 276)', effect: 276 }],
    });
    expect(response.body.prediction).toEqual({
      riskScore: 575,
      lateProbability: 92,
      predictedDaysLate: 40,
      predictedPayDate: day(28),
      recent: 'paid 4 of the last 5 invoices late, 12 days on average',
      confidence: 'normal',
    });
  });
});
