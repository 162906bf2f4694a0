import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { calendarDayOf, type CustomerHistory } from '@recoup/domain';
import { Account, loadCustomerHistories } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { seedDemo, type PaymentHabit, type SeedDemoResult } from '@recoup/db/seed';
import { runScoring, runTraining, type InvoiceScore, type TrainingOutcome } from '@recoup/prediction';

// The payment models trained on the demo portfolio, as the nightly training run does: the paid history the demo
// seeds with each account's payment habit is enough to learn from, and what is learned tells the habits apart.

const hashPassword = async (password: string): Promise<string> =>
  `sha256:${createHash('sha256').update(password).digest('hex')}`;
const now = new Date('2026-03-15T10:00:00.000Z');
const asOfDay = calendarDayOf(now);

let db: TestDatabase;
let seeded: SeedDemoResult;
let histories: CustomerHistory[];
let outcome: TrainingOutcome;
/** Each account's habit, by account id. */
const habitOf = new Map<string, PaymentHabit>();

beforeAll(async () => {
  db = await createTestDatabase();
  seeded = await seedDemo(db.orm, { hashPassword, now });
  for (const account of await db.orm.em.fork().find(Account, {})) habitOf.set(account.id, seeded.habits[account.externalRef]!);
  histories = await loadCustomerHistories(db.orm.em.fork(), { asOfDay });
  outcome = await runTraining({ histories, asOfDay, windowDays: 730, learner: 'gradient-boosted-trees', incumbent: null });
}, 300_000);

afterAll(async () => {
  await db?.drop();
});

describe('the payment models on the demo portfolio', () => {
  it('train on its paid history', () => {
    expect(histories).toHaveLength(200);
    expect(outcome.trained).toBe(true);
    if (!outcome.trained) return;
    expect(outcome.invoices).toBeGreaterThan(3_000);
    expect(outcome.model.description.trainingExamples).toBeGreaterThan(2_000);
  });

  it('rank late payers well on the invoices they never saw, better than the customers’ own late rates', () => {
    if (!outcome.trained) throw new Error(`not trained: ${outcome.reason}`);
    const { validation, comparison } = outcome.model.description;
    expect(validation.invoices).toBeGreaterThan(300);
    expect(validation.lateAuc!).toBeGreaterThan(0.8);
    expect(comparison.incumbentName).toBe("the customers' own late rates");
    expect(comparison.candidate!.lateAuc!).toBeGreaterThan(comparison.incumbent!.lateAuc!);
    expect(comparison.candidate!.payDayMae!).toBeLessThan(comparison.incumbent!.payDayMae!);
    expect(comparison.activate).toBe(true);
  });

  it('expect slow payers’ open invoices to be paid late far more often than punctual payers’', async () => {
    if (!outcome.trained) throw new Error(`not trained: ${outcome.reason}`);
    // An invoice already overdue is late whoever owes it: the habit shows on the ones not yet due.
    const dueOn = new Map(histories.flatMap((h) => h.invoices.map((i) => [i.id, i.dueOn] as const)));
    const scores = (await runScoring({ histories, asOfDay, model: outcome.model })).filter((s) => dueOn.get(s.invoiceId)! > asOfDay);
    const lateChance = (habit: PaymentHabit) => {
      const mine = scores.filter((s: InvoiceScore) => habitOf.get(s.accountId) === habit);
      expect(mine.length).toBeGreaterThan(20);
      return mine.reduce((sum, s) => sum + s.lateProbability, 0) / mine.length;
    };
    const punctual = lateChance('punctual');
    const slow = lateChance('slow');
    expect(punctual).toBeLessThan(0.5);
    expect(slow).toBeGreaterThan(0.8);
    expect(slow - punctual).toBeGreaterThan(0.35);
  });
});
