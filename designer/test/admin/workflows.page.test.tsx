import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { WorkflowsPage } from '../../src/admin/workflows.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const admin = { id: 'u-admin', email: 'admin@recoup.local', name: 'Ada Admin', role: 'admin' as const };
const VERSION = '11111111-1111-4111-8111-111111111111';
const COLLECTOR = '22222222-2222-4222-8222-222222222222';

const row = (n: number, overrides: object = {}) => ({
  accountId: `acc-${n}`,
  accountName: `Debtor ${n}`,
  workflowId: `collection-acc-${n}`,
  runId: `run-${n}`,
  status: 'running',
  startedAt: '2026-03-01T10:00:00.000Z',
  closedAt: null,
  strategyVersionId: VERSION,
  strategyVersionLabel: 'Default strategy v2',
  nodeId: 'task-call',
  nodeLabel: 'Call the customer',
  segment: 'consumer',
  collectorId: COLLECTOR,
  collectorName: 'Cole Collector',
  inspectorPath: `/admin/workflows/acc-${n}`,
  ...overrides,
});

const options = {
  strategyVersions: [
    { value: VERSION, label: 'Default strategy v2', nodes: [{ value: 'task-call', label: 'Call the customer' }, { value: 'wait-due', label: 'Until the due date' }] },
  ],
  segments: ['business', 'consumer'],
  collectors: [{ value: COLLECTOR, label: 'Cole Collector' }],
};

function renderPage(list: FakeRoute) {
  const server = fakeServer({
    'GET /api/admin/workflows/filter-options': () => ({ status: 200, body: options }),
    'GET /api/admin/workflows': list,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <WorkflowsPage user={admin} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the admin workflow list', () => {
  it('shows each workflow with its account, status, version, node and a link to its inspector', async () => {
    renderPage(() => ({ status: 200, body: { items: [row(1), row(2, { status: 'paused', accountName: null })], total: 2, nextPageToken: null } }));
    const table = await screen.findByRole('table', { name: 'Workflows' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Debtor 1' }).getAttribute('href')).toBe('/admin/workflows/acc-1');
    expect(within(rows[1] as HTMLElement).getByText('Call the customer')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Default strategy v2')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Paused')).toBeTruthy();
    // An account gone from the database still has its workflow listed, by id.
    expect(within(rows[2] as HTMLElement).getByRole('link', { name: 'acc-2' })).toBeTruthy();
    expect(screen.getByText('2 workflows matching, newest first.')).toBeTruthy();
  });

  it('sends the chosen filters, offering the nodes of the chosen version', async () => {
    const { server, user } = renderPage(() => ({ status: 200, body: { items: [], total: 0, nextPageToken: null } }));
    await screen.findByText(/No workflow matches these filters/);
    await user.selectOptions(screen.getByLabelText('Status'), 'paused');
    await user.selectOptions(screen.getByLabelText('Strategy version'), VERSION);
    await user.selectOptions(screen.getByLabelText('Current node'), 'task-call');
    await user.selectOptions(screen.getByLabelText('Segment'), 'consumer');
    await user.selectOptions(screen.getByLabelText('Collector'), COLLECTOR);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText(/No workflow matches these filters/);
    const sent = server.calls('GET /api/admin/workflows').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      pageSize: '25',
      status: 'paused',
      strategyVersionId: VERSION,
      nodeId: 'task-call',
      segment: 'consumer',
      collectorId: COLLECTOR,
    });
  });

  it('pages forward with the server cursor and back again', async () => {
    const { server, user } = renderPage(({ url }) =>
      url.searchParams.get('pageToken') === 'cursor-2'
        ? { status: 200, body: { items: [row(3)], total: 3, nextPageToken: null } }
        : { status: 200, body: { items: [row(1), row(2)], total: 3, nextPageToken: 'cursor-2' } },
    );
    await screen.findByRole('link', { name: 'Debtor 1' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'Debtor 3' });
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('link', { name: 'Debtor 1' });
    expect(server.calls('GET /api/admin/workflows').map((c) => c.url.searchParams.get('pageToken'))).toEqual([null, 'cursor-2', null]);
  });

  it('says what went wrong when Temporal cannot list, and tries again on request', async () => {
    let calls = 0;
    const { user } = renderPage(() => {
      calls += 1;
      return calls === 1
        ? { status: 503, body: { error: { code: 'workflow-list-unavailable', message: 'Temporal could not list workflows: unknown search attribute RecoupNode' } } }
        : { status: 200, body: { items: [row(1)], total: 1, nextPageToken: null } };
    });
    expect((await screen.findByRole('alert')).textContent).toContain('unknown search attribute RecoupNode');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('link', { name: 'Debtor 1' });
  });
});
