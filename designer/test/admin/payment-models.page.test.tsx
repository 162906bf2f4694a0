import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { PaymentModelView } from '@recoup/contracts';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { PaymentModelsPage } from '../../src/admin/payment-models.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const admin = { id: 'a-1', email: 'admin@recoup.local', name: 'Ada Admin', role: 'admin' as const };
const ACTIVE = '11111111-1111-4111-8111-111111111111';
const OLDER = '22222222-2222-4222-8222-222222222222';
const RUN = 'payment-model-training-admin-33333333-3333-4333-8333-333333333333';

const metrics = { invoices: 400, lateAuc: 0.912, lateBrier: 0.118, veryLateAuc: 0.874, payDayMae: 4.83, intervalCoverage: 0.831 };

const model = (overrides: Partial<PaymentModelView> = {}): PaymentModelView => ({
  id: ACTIVE,
  createdAt: '2026-11-20T02:03:00.000Z',
  trigger: 'schedule',
  requestedBy: null,
  requestedByName: null,
  learner: 'gradient-boosted-trees',
  dataFromDay: '2024-11-20',
  dataToDay: '2026-11-19',
  status: 'active',
  reason: 'Better than the active model: AUC 0.91 against 0.88.',
  pinned: false,
  activatedAt: '2026-11-20T02:03:00.000Z',
  trainingExamples: 1_600,
  validationExamples: 400,
  validation: metrics,
  importance: [
    { feature: 'lateShare', aucDrop: 0.21 },
    { feature: 'meanDaysLate', aucDrop: 0.12 },
    { feature: 'termsDays', aucDrop: 0.03 },
  ],
  comparison: { invoices: 120, candidate: metrics, incumbent: { ...metrics, lateAuc: 0.88, payDayMae: 6.1 }, incumbentName: 'model 2026-11-19', activate: true, reason: 'Better.' },
  ...overrides,
});

const older = model({
  id: OLDER,
  createdAt: '2026-11-19T09:30:00.000Z',
  trigger: 'admin',
  requestedBy: 'a-1',
  requestedByName: 'Ada Admin',
  learner: 'random-forest',
  status: 'inactive',
  reason: `Replaced by model ${ACTIVE}.`,
  activatedAt: '2026-11-19T09:31:00.000Z',
  validation: { ...metrics, lateAuc: null },
  comparison: null,
});

function renderPage(routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({ 'GET /api/admin/payment-models': () => ({ status: 200, body: [model(), older] }), ...routes });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <PaymentModelsPage user={admin} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

const card = (name: RegExp) => screen.findByRole('article', { name });

describe('PaymentModelsPage', () => {
  afterEach(cleanup);

  it('shows each model with its status, origin, data, figures in words, reason and importances', async () => {
    renderPage();
    const active = within(await card(/20 Nov 2026, 02:03/));
    expect(active.getByText('Active')).toBeTruthy();
    expect(active.queryByText('Pinned')).toBeNull();
    expect(active.getByText(/Nightly training · Gradient-boosted trees/)).toBeTruthy();
    expect(active.getByText(/Invoices issued from/).textContent).toContain('2024-11-20 to 2026-11-19');
    expect(active.getByText(/Learned from 1,600 paid invoices, and checked on the 400 later ones/)).toBeTruthy();
    expect(active.getByText('Ranks late payers: AUC 0.91 (1.0 is perfect, 0.5 is chance)')).toBeTruthy();
    expect(active.getByText('Payment day off by 4.8 days on average')).toBeTruthy();
    expect(active.getByText('83 % of payments fell inside the predicted range (80 % is the aim)')).toBeTruthy();
    expect(active.getByText(/Against model 2026-11-19 on 120 invoices neither had seen paid: AUC 0.91 against 0.88/)).toBeTruthy();
    expect(active.getByText(/Why it is active:/).closest('p')?.textContent).toContain('Better than the active model');
    const chart = active.getByRole('img', { name: /Most important features/ });
    expect(chart.getAttribute('aria-label')).toContain('Share paid late 0.21, Mean days late 0.12, Payment terms 0.03');
    // The active model is not offered again.
    expect(active.queryByRole('button', { name: 'Make active' })).toBeNull();

    const previous = within(await card(/19 Nov 2026, 09:30/));
    expect(previous.getByText('Inactive')).toBeTruthy();
    expect(previous.getByText(/Train now, by Ada Admin · Random forest/)).toBeTruthy();
    expect(previous.getByText(/Why it is not active:/).closest('p')?.textContent).toContain(`Replaced by model ${ACTIVE}.`);
    expect(previous.getByText('Ranks late payers: not measured (too few invoices)')).toBeTruthy();
    expect(previous.getByRole('button', { name: 'Make active' })).toBeTruthy();
  });

  it('explains when models are trained when there is none yet', async () => {
    renderPage({ 'GET /api/admin/payment-models': () => ({ status: 200, body: [] }) });
    expect(await screen.findByText('No payment model has been trained yet.')).toBeTruthy();
    const explanation = screen.getByText(/Models are trained every night/).textContent ?? '';
    expect(explanation).toContain('02:00 UTC');
    expect(explanation).toContain('“Train now”');
    expect(explanation).toContain('paid invoices');
  });

  it('pins and unpins a model and reads the list again', async () => {
    let pinned = false;
    const { server, user } = renderPage({
      'GET /api/admin/payment-models': () => ({ status: 200, body: [model({ pinned }), older] }),
      [`POST /api/admin/payment-models/${ACTIVE}/pin`]: ({ body }) => {
        pinned = (body as { pinned: boolean }).pinned;
        return { status: 200, body: model({ pinned }) };
      },
    });
    await user.click(within(await card(/20 Nov 2026/)).getByRole('button', { name: 'Pin' }));
    expect(await screen.findByText(/nightly training leaves it in place until it is unpinned/)).toBeTruthy();
    expect(server.calls(`POST /api/admin/payment-models/${ACTIVE}/pin`)[0]?.body).toEqual({ pinned: true });
    const active = within(await card(/20 Nov 2026/));
    expect(await active.findByText('Pinned')).toBeTruthy();
    await user.click(active.getByRole('button', { name: 'Unpin' }));
    expect(await screen.findByText(/it stays active until training produces a better one/)).toBeTruthy();
    expect(server.calls(`POST /api/admin/payment-models/${ACTIVE}/pin`)[1]?.body).toEqual({ pinned: false });
    expect(server.calls('GET /api/admin/payment-models').length).toBeGreaterThanOrEqual(3);
  });

  it('makes an older model active with a reason, showing the server’s refusal of the reason in the dialog', async () => {
    const { server, user } = renderPage({
      [`POST /api/admin/payment-models/${OLDER}/activate`]: ({ body }) =>
        (body as { reason: string }).reason.length < 3
          ? {
              status: 400,
              body: { error: { code: 'validation-failed', message: 'The request is not valid.', details: { fields: [{ in: 'body', path: 'reason', reason: 'must have at least 3 characters' }] } } },
            }
          : { status: 200, body: { ...older, status: 'active', reason: (body as { reason: string }).reason } },
    });
    await user.click(within(await card(/19 Nov 2026/)).getByRole('button', { name: 'Make active' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Make this model active' }));
    await user.type(dialog.getByLabelText('Reason'), 'no');
    await user.click(dialog.getByRole('button', { name: 'Make active' }));
    expect(await dialog.findByText('must have at least 3 characters')).toBeTruthy();
    await user.clear(dialog.getByLabelText('Reason'));
    await user.type(dialog.getByLabelText('Reason'), 'The new model misjudges our largest customer');
    await user.click(dialog.getByRole('button', { name: 'Make active' }));
    expect(await screen.findByText(/is now the active model\. The audit log has the reason\./)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.calls(`POST /api/admin/payment-models/${OLDER}/activate`).at(-1)?.body).toEqual({ reason: 'The new model misjudges our largest customer' });
  });

  it('trains now with the chosen options, follows the run until it ends, then tells the outcome and refreshes the list', async () => {
    let polls = 0;
    const { server, user } = renderPage({
      'POST /api/admin/payment-models/runs': () => ({ status: 202, body: { workflowId: RUN } }),
      [`GET /api/admin/payment-models/runs/${RUN}`]: () => {
        polls += 1;
        return polls < 2
          ? { status: 200, body: { workflowId: RUN, status: 'running', startedAt: '2026-11-20T10:00:00.000Z', closedAt: null } }
          : {
              status: 200,
              body: {
                workflowId: RUN,
                status: 'completed',
                startedAt: '2026-11-20T10:00:00.000Z',
                closedAt: '2026-11-20T10:02:00.000Z',
                result: { modelId: OLDER, status: 'inactive', reason: 'Not better than the active model: AUC 0.89 against 0.91.', invoices: 2_000, scored: 340 },
              },
            };
      },
    });
    await card(/20 Nov 2026/);
    await user.selectOptions(screen.getByLabelText('Learn from'), 'The last year');
    await user.selectOptions(screen.getByLabelText('Learner'), 'Random forest');
    await user.click(screen.getByRole('button', { name: 'Train now' }));
    expect(await screen.findByRole('progressbar', { name: 'Training a payment model' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Training…' }).hasAttribute('disabled')).toBe(true);
    expect(server.calls('POST /api/admin/payment-models/runs')[0]?.body).toEqual({ windowDays: 365, learner: 'random-forest' });
    const listsBefore = server.calls('GET /api/admin/payment-models').length;
    expect(
      await screen.findByText(
        'Trained on 2,000 paid invoices; the new model is stored but not active. Not better than the active model: AUC 0.89 against 0.91. 340 open invoices scored again with the active model.',
        undefined,
        { timeout: 8_000 },
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Train now' }).hasAttribute('disabled')).toBe(false);
    expect(server.calls('GET /api/admin/payment-models').length).toBeGreaterThan(listsBefore);
    expect(polls).toBe(2);
  }, 15_000);

  it('says why a run failed, and why a run could not start', async () => {
    let started = 0;
    const { user } = renderPage({
      'POST /api/admin/payment-models/runs': () =>
        ++started === 1
          ? { status: 503, body: { error: { code: 'temporal-unavailable', message: 'The workflow service did not answer; try again shortly.' } } }
          : { status: 202, body: { workflowId: RUN } },
      [`GET /api/admin/payment-models/runs/${RUN}`]: () => ({
        status: 200,
        body: { workflowId: RUN, status: 'failed', startedAt: null, closedAt: null, message: 'The training run failed: the ledger has 12 paid invoices.' },
      }),
    });
    await card(/20 Nov 2026/);
    await user.click(screen.getByRole('button', { name: 'Train now' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The workflow service did not answer');
    await user.click(screen.getByRole('button', { name: 'Train now' }));
    expect(await screen.findByText('The training run failed: the ledger has 12 paid invoices.')).toBeTruthy();
  });
});
