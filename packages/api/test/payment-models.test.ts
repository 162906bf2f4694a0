import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@recoup/config';
import { AuditLog, listModels } from '@recoup/db';
import type { PaymentModelView, TrainingRunStatus } from '@recoup/contracts';
import { TRAINING_SCHEDULE_ID } from '@recoup/workflows';
import { FakeTrainingTemporal } from './support/fake-training-temporal.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { IMPORTANCES, modelDescription, storeTestModel } from './support/payment-model-fixtures.ts';

// The admin page's API for the payment prediction models: the list, pinning, rolling back, and the training runs
// an admin starts. Temporal is a fake that records what was started (see support/fake-training-temporal.ts).

let h: Harness;
let admin: LoggedIn;
let manager: LoggedIn;
let collector: LoggedIn;
let temporal: FakeTrainingTemporal;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BASE = '/api/admin/payment-models';

beforeAll(async () => {
  h = await createHarness();
  temporal = new FakeTrainingTemporal().install(h.collections);
  admin = await h.login('admin');
  manager = await h.login('manager');
  collector = await h.login('collector1');
});
afterAll(async () => {
  await h.close();
});

// Which model is active is what most tests are about: each starts from an empty store.
beforeEach(async () => {
  await h.db.orm.em.fork().execute('delete from payment_model');
  temporal.startError = null;
});

const em = () => h.db.orm.em.fork();
const post = (who: LoggedIn, path: string, body?: unknown) => {
  const call = who.agent.post(path).set('x-csrf-token', who.csrf);
  return body === undefined ? call : call.send(body as object);
};
const list = async (): Promise<PaymentModelView[]> => {
  const response = await admin.agent.get(BASE);
  expect(response.status).toBe(200);
  return response.body as PaymentModelView[];
};
const auditOf = (action: string, entityId: string) => em().find(AuditLog, { action, entityId }, { orderBy: { id: 'asc' } });
const fieldsOf = (body: unknown) => (body as { error: { details: { fields: { in: string; path: string }[] } } }).error.details.fields;

/** Two models: an older scheduled one, replaced by a newer one an admin trained. */
const twoModels = async () => {
  const older = await storeTestModel(em(), { description: modelDescription(0.88) });
  const newer = await storeTestModel(em(), { trigger: 'admin', requestedBy: admin.userId, learner: 'random-forest', dataToDay: 20_460, reason: 'Better than model before.' });
  return { older: older.id, newer: newer.id };
};

describe('listing the payment models', () => {
  it('answers an empty list before any model was trained', async () => {
    expect(await list()).toEqual([]);
  });

  it('lists the stored models newest first, with their figures, and never the residuals or the forests', async () => {
    const { older, newer } = await twoModels();
    const response = await admin.agent.get(BASE);
    expect(response.status).toBe(200);
    const [first, second] = response.body as PaymentModelView[];
    expect([first?.id, second?.id]).toEqual([newer, older]);
    expect(first).toMatchObject({
      trigger: 'admin',
      requestedBy: admin.userId,
      requestedByName: expect.any(String),
      learner: 'random-forest',
      dataFromDay: '2024-01-01',
      dataToDay: '2026-01-07',
      status: 'active',
      pinned: false,
      reason: 'Better than model before.',
      trainingExamples: 1_600,
      validationExamples: 400,
      validation: { invoices: 400, lateAuc: 0.91, lateBrier: 0.12, payDayMae: 4.8, intervalCoverage: 0.83 },
      comparison: { invoices: 120, activate: true, incumbentName: 'the customers’ own late rates', incumbent: { lateAuc: 0.8 } },
    });
    expect(first?.activatedAt).toEqual(expect.any(String));
    expect(second).toMatchObject({ trigger: 'schedule', requestedBy: null, requestedByName: null, status: 'inactive', reason: `Replaced by model ${newer}.` });
    // The most important features first, at most eight of them.
    expect(first?.importance).toEqual(IMPORTANCES.slice(0, 8));
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('residuals');
    expect(text).not.toMatch(/customerLateness|populationOffset/);
  });

  it('still lists a model whose description lacks figures, with what it has', async () => {
    const { id } = await storeTestModel(em(), { description: { learner: 'gradient-boosted-trees', validation: { invoices: 12, lateAuc: 'n/a' } } });
    const [model] = await list();
    expect(model).toMatchObject({ id, trainingExamples: null, comparison: null, importance: [], validation: { invoices: 12, lateAuc: null, payDayMae: null } });
  });
});

describe('pinning a model', () => {
  it('makes the pinned model active, retires the one before and audits it under the admin', async () => {
    const { older, newer } = await twoModels();
    const response = await post(admin, `${BASE}/${older}/pin`, { pinned: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: older, status: 'active', pinned: true });
    const models = await list();
    expect(models.find((m) => m.id === newer)).toMatchObject({ status: 'inactive', pinned: false });
    const [entry] = await auditOf('payment-model.pinned', older);
    expect(entry).toMatchObject({ actorId: admin.userId, entity: 'payment_model' });
    expect(entry?.details).toMatchObject({ pinned: true, previousActiveId: newer, reason: expect.stringContaining('Pinned by an admin') });
  });

  it('unpins without changing which model is active', async () => {
    const { newer } = await twoModels();
    expect((await post(admin, `${BASE}/${newer}/pin`, { pinned: true })).status).toBe(200);
    const response = await post(admin, `${BASE}/${newer}/pin`, { pinned: false });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: newer, status: 'active', pinned: false });
    expect(await auditOf('payment-model.unpinned', newer)).toHaveLength(1);
  });
});

describe('making a model active', () => {
  it('rolls back to an older model for the admin’s reason, and audits who and why', async () => {
    const { older, newer } = await twoModels();
    const reason = 'The new model ranks a big customer wrongly; back to last week’s.';
    const response = await post(admin, `${BASE}/${older}/activate`, { reason: `  ${reason}  ` });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: older, status: 'active', reason });
    const stored = await listModels(em());
    expect(stored.find((m) => m.id === older)?.status).toBe('active');
    expect(stored.find((m) => m.id === newer)?.status).toBe('inactive');
    const [entry] = await auditOf('payment-model.activated', older);
    expect(entry).toMatchObject({ actorId: admin.userId });
    expect(entry?.details).toEqual({ reason, previousActiveId: newer });
  });
});

describe('who may and what is refused', () => {
  it('refuses managers and collectors with 403 on every route, and changes nothing', async () => {
    const { older } = await twoModels();
    for (const who of [manager, collector]) {
      expect((await who.agent.get(BASE)).status).toBe(403);
      expect((await post(who, `${BASE}/runs`, {})).status).toBe(403);
      expect((await who.agent.get(`${BASE}/runs/${TRAINING_SCHEDULE_ID}-admin-${randomUUID()}`)).status).toBe(403);
      expect((await post(who, `${BASE}/${older}/pin`, { pinned: true })).status).toBe(403);
      expect((await post(who, `${BASE}/${older}/activate`, { reason: 'Rolling back' })).status).toBe(403);
    }
    expect((await listModels(em())).find((m) => m.id === older)?.status).toBe('inactive');
    expect(temporal.started.filter((run) => run.input.requestedBy !== admin.userId)).toEqual([]);
  });

  it.each([
    ['pin', 'no body', {}, 'pinned'],
    ['pin', 'a string for pinned', { pinned: 'yes' }, 'pinned'],
    ['activate', 'no reason', {}, 'reason'],
    ['activate', 'a reason of one letter', { reason: ' x ' }, 'reason'],
    ['activate', 'a reason of 501 characters', { reason: 'y'.repeat(501) }, 'reason'],
  ])('answers %s with %s 400 naming the field', async (action, _label, body, field) => {
    const { older } = await twoModels();
    const response = await post(admin, `${BASE}/${older}/${action}`, body);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([expect.objectContaining({ in: 'body', path: field })]);
    expect((await listModels(em())).find((m) => m.id === older)?.status).toBe('inactive');
  });

  it('refuses fields a body does not have', async () => {
    const { older } = await twoModels();
    expect((await post(admin, `${BASE}/${older}/pin`, { pinned: true, reason: 'extra' })).status).toBe(400);
  });

  it('answers a malformed model id with 400 naming it, and an unknown one with 404', async () => {
    for (const action of ['pin', 'activate']) {
      const body = action === 'pin' ? { pinned: true } : { reason: 'Rolling back' };
      const malformed = await post(admin, `${BASE}/not-a-model/${action}`, body);
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.body)).toEqual([expect.objectContaining({ in: 'params', path: 'id' })]);
      const unknown = await post(admin, `${BASE}/${UNKNOWN}/${action}`, body);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('payment-model-missing');
    }
  });
});

describe('training runs started by an admin', () => {
  it('starts a run with the admin as requester, answers 202 with its workflow id, and audits it', async () => {
    const response = await post(admin, `${BASE}/runs`, { windowDays: 365, learner: 'random-forest' });
    expect(response.status).toBe(202);
    const { workflowId } = response.body as { workflowId: string };
    expect(workflowId.startsWith(`${TRAINING_SCHEDULE_ID}-admin-`)).toBe(true);
    expect(temporal.started.at(-1)).toEqual({
      workflowType: 'paymentModelTrainingWorkflow',
      workflowId,
      taskQueue: loadConfig({}).temporal.taskQueue,
      input: { trigger: 'admin', requestedBy: admin.userId, windowDays: 365, learner: 'random-forest' },
    });
    const [entry] = await auditOf('payment-model.training-started', workflowId);
    expect(entry).toMatchObject({ actorId: admin.userId, details: { windowDays: 365, learner: 'random-forest' } });
  });

  it('leaves the window to the workflow’s default when none is given, and passes null for all the data', async () => {
    expect((await post(admin, `${BASE}/runs`)).status).toBe(202);
    expect(temporal.started.at(-1)?.input).toEqual({ trigger: 'admin', requestedBy: admin.userId });
    expect((await post(admin, `${BASE}/runs`, { windowDays: null })).status).toBe(202);
    expect(temporal.started.at(-1)?.input).toEqual({ trigger: 'admin', requestedBy: admin.userId, windowDays: null });
  });

  it.each([
    [{ windowDays: 29 }, 'windowDays'],
    [{ windowDays: 3651 }, 'windowDays'],
    [{ windowDays: 90.5 }, 'windowDays'],
    [{ windowDays: '90' }, 'windowDays'],
    [{ learner: 'neural-network' }, 'learner'],
  ])('refuses %j with 400 naming the field, and starts nothing', async (body, field) => {
    const before = temporal.started.length;
    const response = await post(admin, `${BASE}/runs`, body);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([expect.objectContaining({ in: 'body', path: field })]);
    expect(temporal.started).toHaveLength(before);
  });

  it('answers 503 when Temporal cannot be reached', async () => {
    temporal.startError = new Error('14 UNAVAILABLE: connection refused');
    const response = await post(admin, `${BASE}/runs`, {});
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('temporal-unavailable');
  });

  it('follows a run until it completes, with the result the workflow returned', async () => {
    const { workflowId } = (await post(admin, `${BASE}/runs`, {})).body as { workflowId: string };
    const running = await admin.agent.get(`${BASE}/runs/${workflowId}`);
    expect(running.status).toBe(200);
    expect(running.body).toMatchObject({ workflowId, status: 'running', startedAt: expect.any(String), closedAt: null });
    const modelId = randomUUID();
    temporal.complete(workflowId, { modelId, status: 'active', reason: 'Better than the active model.', invoices: 2_000, scored: 340 });
    const done = await admin.agent.get(`${BASE}/runs/${workflowId}`);
    expect(done.body as TrainingRunStatus).toMatchObject({
      status: 'completed',
      closedAt: expect.any(String),
      result: { modelId, status: 'active', reason: 'Better than the active model.', invoices: 2_000, scored: 340 },
    });
  });

  it('tells a failed run by the message of the failure, and reads the nightly schedule’s runs too', async () => {
    const nightly = temporal.add(`${TRAINING_SCHEDULE_ID}-nightly-2026-11-20T02:00:00Z`);
    temporal.fail(nightly, 'The ledger has 12 paid invoices; at least 200 are needed.');
    const response = await admin.agent.get(`${BASE}/runs/${encodeURIComponent(nightly)}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'failed', message: 'The training run failed: The ledger has 12 paid invoices; at least 200 are needed.' });
  });

  it('accepts only training workflow ids (400 naming it) and answers 404 for a run Temporal does not know', async () => {
    for (const id of ['collection-123', 'payment-model-trainingX', `${TRAINING_SCHEDULE_ID}-a b`]) {
      const response = await admin.agent.get(`${BASE}/runs/${encodeURIComponent(id)}`);
      expect({ id, status: response.status }).toEqual({ id, status: 400 });
      expect(fieldsOf(response.body)).toEqual([expect.objectContaining({ in: 'params', path: 'workflowId' })]);
    }
    expect((await admin.agent.get(`${BASE}/runs/${TRAINING_SCHEDULE_ID}-admin-${randomUUID()}`)).status).toBe(404);
  });
});
