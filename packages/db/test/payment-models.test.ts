import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  activateModel,
  activeModel,
  listModels,
  pinModel,
  replaceInvoicePredictions,
  saveTrainedModel,
  PaymentModelMissingError,
  UniqueConstraintViolationException,
  type ModelParts,
  type TrainedModelToSave,
} from '@recoup/db';
import { createTestDatabase, insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

// Every test starts from an empty store: which model is active is what they are about.
beforeEach(async () => {
  await em().execute('delete from payment_model');
});

const em = (): EntityManager => db.orm.em.fork();

const parts = (seed: number): ModelParts => ({
  customerLateness: new Uint8Array([seed, 1, 0, 255]),
  customerOffset: new Uint8Array([seed, 2]),
  populationLateness: new Uint8Array([seed, 3]),
  populationOffset: new Uint8Array(Array.from({ length: 1_000 }, (_, i) => (seed + i) % 256)),
});

const model = (seed: number, fields: Partial<TrainedModelToSave> = {}): TrainedModelToSave => ({
  trigger: 'schedule',
  requestedBy: null,
  learner: 'gradient-boosted-trees',
  dataFromDay: 20_000,
  dataToDay: 20_400 + seed,
  description: { metrics: { mae: seed }, features: ['paidInvoices', 'lateShare'] },
  parts: parts(seed),
  activate: true,
  reason: `Model ${seed}: better than the active model.`,
  ...fields,
});

const statusOf = async (id: string) => (await listModels(em())).find((m) => m.id === id);

describe('payment model store', () => {
  it('activates a better model and retires the one it replaces, in the same transaction', async () => {
    const first = await saveTrainedModel(em(), model(1));
    expect(first.status).toBe('active');
    const second = await saveTrainedModel(em(), model(2));
    expect(second.status).toBe('active');

    const active = await activeModel(em());
    expect(active).toMatchObject({
      id: second.id,
      trigger: 'schedule',
      requestedBy: null,
      learner: 'gradient-boosted-trees',
      dataFromDay: 20_000,
      dataToDay: 20_402,
      description: { metrics: { mae: 2 }, features: ['paidInvoices', 'lateShare'] },
      status: 'active',
      reason: 'Model 2: better than the active model.',
      pinned: false,
    });
    expect(active?.activatedAt).toBeInstanceOf(Date);
    expect(active?.parts).toEqual(parts(2));
    expect(active?.parts.customerLateness).toBeInstanceOf(Uint8Array);

    const list = await listModels(em());
    expect(list.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(list[1]).toMatchObject({ status: 'inactive', reason: `Replaced by model ${second.id}.` });
    expect(list[0]).not.toHaveProperty('parts');
  });

  it('stores a model that did not do better as inactive, leaving the active one in place', async () => {
    const first = await saveTrainedModel(em(), model(1));
    const second = await saveTrainedModel(em(), model(2, { activate: false, reason: 'Worse than the active model.' }));
    expect(second.status).toBe('inactive');
    expect((await activeModel(em()))?.id).toBe(first.id);
    expect(await statusOf(second.id)).toMatchObject({ status: 'inactive', reason: 'Worse than the active model.', activatedAt: null });
  });

  it('does not let training replace a pinned model, and says so in the new model', async () => {
    const first = await saveTrainedModel(em(), model(1));
    await pinModel(em(), first.id, true);
    const second = await saveTrainedModel(em(), model(2));
    expect(second.status).toBe('inactive');
    expect(await statusOf(second.id)).toMatchObject({ reason: `Not activated: model ${first.id} is pinned. Model 2: better than the active model.` });
    expect(await activeModel(em())).toMatchObject({ id: first.id, pinned: true });

    await pinModel(em(), first.id, false);
    expect(await activeModel(em())).toMatchObject({ id: first.id, pinned: false });
    const third = await saveTrainedModel(em(), model(3));
    expect(third.status).toBe('active');
  });

  it('makes a pinned model the active one and the only pinned one', async () => {
    const first = await saveTrainedModel(em(), model(1));
    const second = await saveTrainedModel(em(), model(2));
    await pinModel(em(), second.id, true);
    await pinModel(em(), first.id, true);
    expect(await activeModel(em())).toMatchObject({ id: first.id, pinned: true, status: 'active' });
    expect(await statusOf(second.id)).toMatchObject({ status: 'inactive', pinned: false, reason: `Replaced by model ${first.id}.` });
  });

  it('rolls back to an earlier model, retiring the active one and its pin', async () => {
    const first = await saveTrainedModel(em(), model(1));
    const second = await saveTrainedModel(em(), model(2));
    await pinModel(em(), second.id, true);
    await activateModel(em(), first.id, 'Rolled back: model 2 predicts too late.');
    expect(await activeModel(em())).toMatchObject({ id: first.id, reason: 'Rolled back: model 2 predicts too late.', pinned: false });
    expect(await statusOf(second.id)).toMatchObject({ status: 'inactive', pinned: false, reason: `Replaced by model ${first.id}.` });
    expect((await listModels(em())).filter((m) => m.status === 'active')).toHaveLength(1);
  });

  it('has no active model before one is activated', async () => {
    await saveTrainedModel(em(), model(1, { activate: false, trigger: 'admin' }));
    expect(await activeModel(em())).toBeNull();
  });

  it('refuses a second active model in the schema itself', async () => {
    await saveTrainedModel(em(), model(1));
    const second = await saveTrainedModel(em(), model(2, { activate: false }));
    await expect(em().execute(`update payment_model set status = 'active', activated_at = now() where id = '${second.id}'`)).rejects.toBeInstanceOf(
      UniqueConstraintViolationException,
    );
  });

  it('answers not-found for a model it does not have', async () => {
    const unknown = randomUUID();
    for (const change of [() => pinModel(em(), unknown, true), () => pinModel(em(), unknown, false), () => activateModel(em(), unknown, 'why')]) {
      const attempt = change();
      await expect(attempt).rejects.toBeInstanceOf(PaymentModelMissingError);
      await expect(attempt).rejects.toMatchObject({ kind: 'not-found', code: 'payment-model-missing' });
    }
  });
});

describe('a retried training run', () => {
  it('finds the model it stored the first time instead of storing another', async () => {
    const first = await saveTrainedModel(em(), model(3, { runKey: 'payment-model-training-admin-1/run-a' }));
    const again = await saveTrainedModel(em(), model(4, { runKey: 'payment-model-training-admin-1/run-a' }));
    expect(again).toEqual(first);
    expect(await listModels(em())).toHaveLength(1);
  });
});

describe('invoice predictions', () => {
  const prediction = (invoiceId: string, late: number) => ({
    invoiceId,
    lateProbability: late,
    veryLateProbability: late / 4,
    payDay: 20_500,
    payDayLow: 20_495,
    payDayHigh: 20_510,
    daysLate: 5,
    confidence: 'normal' as const,
  });

  it('replaces the whole set with one model’s scores, storing the account of each invoice and skipping unknown invoices', async () => {
    const { id: modelId } = await saveTrainedModel(em(), model(7));
    const account = await insertTestAccount(em(), { prefix: 'PR' });
    const [first, second] = [await insertTestInvoice(em(), account, 10_000n), await insertTestInvoice(em(), account, 5_000n)];
    expect(await replaceInvoicePredictions(em(), modelId, 20_490, [prediction(first.id, 0.9), prediction(second.id, 0.2)])).toBe(2);
    expect(await replaceInvoicePredictions(em(), modelId, 20_491, [prediction(second.id, 0.4), prediction(randomUUID(), 0.5), prediction('0000611365', 0.5)])).toBe(1);
    const rows = await em().execute(`select invoice_id, account_id, to_char(as_of, 'YYYY-MM-DD') as as_of, late_probability, to_char(pay_date, 'YYYY-MM-DD') as pay_date from invoice_prediction`);
    expect(rows).toEqual([{ invoice_id: second.id, account_id: account.id, as_of: '2026-02-07', late_probability: 0.4, pay_date: '2026-02-16' }]);
  });
});
