import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { WorkflowInspectorPage } from '../../src/admin/workflow-inspector.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const admin = { id: 'u-admin', email: 'admin@recoup.local', name: 'Ada Admin', role: 'admin' as const };
const ACCOUNT = '33333333-3333-4333-8333-333333333333';

const inspection = (overrides: object = {}) => ({
  account: { id: ACCOUNT, name: 'Acme Ltd', externalRef: 'ACME-001' },
  workflow: { workflowId: `collection-${ACCOUNT}`, runId: 'run-1', status: 'running', startedAt: '2026-03-01T10:00:00.000Z', closedAt: null },
  state: {
    nodeId: 'wait-due',
    nodeLabel: 'Until the due date',
    strategyVersionId: 'v-2',
    nextAction: { kind: 'timer', at: '2026-03-05T10:00:00.000Z', description: 'Due today reminder after "Until the due date"' },
    balance: { amountMinor: '123450', currency: 'EUR' },
    paused: null,
  },
  stateError: null,
  temporalUiUrl: `http://127.0.0.1:8233/namespaces/default/workflows/collection-${ACCOUNT}`,
  historyJsonPath: `/api/admin/accounts/${ACCOUNT}/history.json`,
  actions: [],
  ...overrides,
});

const timeline = {
  accountId: ACCOUNT,
  entries: [
    { eventIds: ['1'], at: '2026-03-01T10:00:00.000Z', kind: 'run', title: 'Collection started', summary: 'Started on strategy version v-2.' },
    {
      eventIds: ['8'],
      at: '2026-03-01T10:00:01.000Z',
      kind: 'decision',
      title: 'Condition',
      summary: 'Held: the "yes" branch was taken (overdueAmountMinor greaterThanInclusive 10000).',
      matched: ['overdueAmountMinor greaterThanInclusive 10000'],
      facts: { overdueAmountMinor: 123450, segment: 'consumer' },
    },
    { eventIds: ['12'], at: '2026-03-02T10:00:00.000Z', kind: 'message', title: 'Message: paymentApplied', summary: 'Payment p1 of €10.00 applied.' },
    { eventIds: ['14', '15'], at: '2026-03-02T10:00:00.000Z', kind: 'timer', title: 'Wait', summary: 'Waiting 3d.' },
  ],
};

function renderPage(routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({
    [`GET /api/admin/accounts/${ACCOUNT}/workflow`]: () => ({ status: 200, body: inspection() }),
    [`GET /api/admin/accounts/${ACCOUNT}/timeline`]: () => ({ status: 200, body: timeline }),
    ...routes,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <WorkflowInspectorPage accountId={ACCOUNT} user={admin} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

/** The timeline's own entries, not the lists of comparisons inside them. */
const entriesOf = (list: HTMLElement) => within(list).getAllByRole('listitem').filter((item) => item.parentElement === list);

afterEach(cleanup);

describe('the workflow inspector', () => {
  it('shows the current state, the raw history download and the Temporal Web UI link', async () => {
    renderPage();
    const state = await screen.findByRole('region', { name: 'Current state' });
    expect(within(state).getByText('Until the due date')).toBeTruthy();
    expect(within(state).getByText('€1,234.50')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download raw history (JSON)' }).getAttribute('href')).toBe(`/api/admin/accounts/${ACCOUNT}/history.json`);
    expect(screen.getByRole('link', { name: 'Open in Temporal Web UI' }).getAttribute('href')).toBe(
      `http://127.0.0.1:8233/namespaces/default/workflows/collection-${ACCOUNT}`,
    );
  });

  it('hides the Temporal Web UI link when no UI URL is configured', async () => {
    renderPage({ [`GET /api/admin/accounts/${ACCOUNT}/workflow`]: () => ({ status: 200, body: inspection({ temporalUiUrl: null }) }) });
    await screen.findByRole('link', { name: 'Download raw history (JSON)' });
    expect(screen.queryByRole('link', { name: 'Open in Temporal Web UI' })).toBeNull();
  });

  it('labels each timeline entry by kind, shows the facts of a decision, and filters by kind', async () => {
    const { user } = renderPage();
    const list = await screen.findByRole('list', { name: 'Timeline entries' });
    expect(entriesOf(list)).toHaveLength(4);
    const decision = within(list).getByText('Condition').closest('li') as HTMLElement;
    expect(within(decision).getByText('Decision')).toBeTruthy();
    await user.click(within(decision).getByText('Details'));
    expect(within(decision).getByText('overdueAmountMinor')).toBeTruthy();
    expect(within(decision).getByText('consumer')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Show'), 'message');
    expect(entriesOf(screen.getByRole('list', { name: 'Timeline entries' }))).toHaveLength(1);
    expect(screen.getByText('Payment p1 of €10.00 applied.')).toBeTruthy();
  });

  it('pauses only with a reason, sends it, and shows the pause once the server has it', async () => {
    let paused = false;
    const { server, user } = renderPage({
      [`GET /api/admin/accounts/${ACCOUNT}/workflow`]: () => ({
        status: 200,
        body: paused
          ? inspection({
              workflow: { ...inspection().workflow, status: 'paused' },
              state: { ...inspection().state, paused: { since: '2026-03-02T11:00:00.000Z', reason: 'Billing error', actorId: 'u-admin' } },
              actions: [{ at: '2026-03-02T11:00:00.000Z', action: 'pause', reason: 'Billing error', actorId: 'u-admin', actorName: 'Ada Admin' }],
            })
          : inspection(),
      }),
      [`POST /api/admin/accounts/${ACCOUNT}/workflow/pause`]: ({ body }) => {
        paused = true;
        return { status: 200, body: { at: '2026-03-02T11:00:00.000Z', action: 'pause', reason: (body as { reason: string }).reason, actorId: 'u-admin', actorName: 'Ada Admin' } };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Pause…' }));
    const dialog = screen.getByRole('dialog', { name: 'Pause this workflow' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm pause' }));
    expect(within(dialog).getByText('Give a reason: it is written to the audit log.')).toBeTruthy();
    expect(server.calls(`POST /api/admin/accounts/${ACCOUNT}/workflow/pause`)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Reason'), 'Billing error');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm pause' }));
    await screen.findByText(/Paused since/);
    expect(server.calls(`POST /api/admin/accounts/${ACCOUNT}/workflow/pause`)[0]?.body).toEqual({ reason: 'Billing error' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Resume…' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Admin actions' })).getByText(/by Ada Admin: Billing error/)).toBeTruthy();
  });

  it("keeps the dialog open with the server's refusal", async () => {
    const { user } = renderPage({
      [`POST /api/admin/accounts/${ACCOUNT}/workflow/terminate`]: () => ({
        status: 409,
        body: { error: { code: 'workflow-refused', message: 'The workflow is not running (it is completed).' } },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Terminate…' }));
    const dialog = screen.getByRole('dialog', { name: 'Terminate this workflow' });
    await user.type(within(dialog).getByLabelText('Reason'), 'Sold');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm terminate' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The workflow is not running (it is completed).');
  });

  it('says so when the account has no workflow', async () => {
    renderPage({
      [`GET /api/admin/accounts/${ACCOUNT}/workflow`]: () => ({ status: 200, body: inspection({ workflow: null, state: null, temporalUiUrl: null }) }),
      [`GET /api/admin/accounts/${ACCOUNT}/timeline`]: () => ({ status: 404, body: { error: { code: 'not-found', message: 'The account has no collection workflow.' } } }),
    });
    expect(await screen.findByText(/This account has no collection workflow/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause…' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Download raw history (JSON)' })).toBeNull();
  });
});
