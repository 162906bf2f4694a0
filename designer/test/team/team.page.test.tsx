import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { TeamPage } from '../../src/team/team.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const collector = (id: string, name: string, extra: object = {}) => ({
  id,
  name,
  email: `${id}@recoup.local`,
  active: true,
  managerId: 'm-1',
  capacity: 10,
  skills: ['english'],
  pools: ['general'],
  openTasks: 3,
  overdueTasks: 1,
  accounts: 4,
  owingAccounts: 2,
  openBalance: [{ amountMinor: '123450', currency: 'EUR' }],
  utilisationPercent: 30,
  ...extra,
});
const workload = {
  asOf: '2026-11-25T09:00:00.000Z',
  collectors: [collector('c-1', 'Clara Collector'), collector('c-2', 'Colin Collector', { openTasks: 0, overdueTasks: 0, utilisationPercent: 0 })],
  queue: { openTasks: 2, overdueTasks: 0, accounts: 1, openBalance: [] },
};
const task = (id: string, title: string) => ({ id, title, accountName: 'Acme Ltd', dueAt: '2026-11-26T09:00:00.000Z', status: 'open', assigneeId: null });
const manager = { id: 'm-1', email: 'manager@recoup.local', name: 'Max Manager', role: 'manager' as const };

function renderPage(routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({
    'GET /api/team/workload': () => ({ status: 200, body: workload }),
    'GET /api/tasks': () => ({ status: 200, body: { items: [task('t-1', 'Call about invoice 7'), task('t-2', 'Review dispute')], total: 2, limit: 500, offset: 0 } }),
    ...routes,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <TeamPage user={manager} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

describe('TeamPage', () => {
  afterEach(cleanup);

  it('shows each collector’s open and overdue tasks, balance and utilisation, and the unassigned queue', async () => {
    renderPage();
    const clara = await screen.findByRole('row', { name: /Clara Collector/ });
    expect(within(clara).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['3', '1', '4 (2 owing)', '€1,234.50', '10', ' 30%']);
    const queue = screen.getByRole('row', { name: /Unassigned queue/ });
    expect(within(queue).getAllByRole('cell')[0]?.textContent).toBe('2');
  });

  it('gives the ticked queued tasks to the chosen collector and reads the workload again', async () => {
    const { server, user } = renderPage({
      'POST /api/team/tasks/reassign': () => ({ status: 200, body: { collectorId: 'c-2', reassigned: ['t-2'], unchanged: [], movedTasks: 0 } }),
    });
    await user.click(await screen.findByRole('checkbox', { name: /Review dispute/ }));
    await user.selectOptions(screen.getByLabelText('Give to'), 'c-2');
    await user.click(screen.getByRole('button', { name: 'Reassign selected tasks' }));
    expect(await screen.findByText('Gave 1 tasks to Colin Collector.')).toBeTruthy();
    expect(server.calls('POST /api/team/tasks/reassign').map((call) => call.body)).toEqual([{ taskIds: ['t-2'], collectorId: 'c-2' }]);
    expect(server.calls('GET /api/team/workload').length).toBe(2);
  });

  it("shows the server's refusal of a collector outside the team", async () => {
    const { user } = renderPage({
      'POST /api/team/tasks/reassign': () => ({
        status: 422,
        body: { error: { code: 'collector-outside-team', message: 'collectorId: Otto is not on your team; ask their manager or an admin' } },
      }),
    });
    await user.click(await screen.findByRole('checkbox', { name: /Call about invoice 7/ }));
    await user.selectOptions(screen.getByLabelText('Give to'), 'c-1');
    await user.click(screen.getByRole('button', { name: 'Reassign selected tasks' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not on your team');
  });

  it('saves a collector’s capacity, skills and pools, and marks the field the server refuses', async () => {
    const { server, user } = renderPage({
      'PATCH /api/team/collectors/c-1': ({ body }) =>
        (body as { skills: string[] }).skills.includes('no spaces')
          ? { status: 400, body: { error: { code: 'validation-failed', message: 'The request is not valid.', details: { fields: [{ in: 'body', path: 'skills.1', reason: 'must be 1 to 64 lower-case letters' }] } } } }
          : { status: 200, body: collector('c-1', 'Clara Collector', body as object) },
    });
    await user.click(await screen.findByRole('button', { name: 'Clara Collector' }));
    await user.clear(screen.getByLabelText('Capacity'));
    await user.type(screen.getByLabelText('Capacity'), '25');
    await user.type(screen.getByLabelText('Skills'), ', no spaces');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByLabelText('Skills').getAttribute('aria-invalid')).toBe('true');
    expect(await screen.findByText('must be 1 to 64 lower-case letters')).toBeTruthy();
    await user.clear(screen.getByLabelText('Skills'));
    await user.type(screen.getByLabelText('Skills'), 'english, German');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(server.calls('PATCH /api/team/collectors/c-1').at(-1)?.body).toEqual({ capacity: 25, skills: ['english', 'german'], pools: ['general'] });
  });

  it('says so when the workload cannot be loaded, and tries again', async () => {
    let fail = true;
    const { user } = renderPage({
      'GET /api/team/workload': () => (fail ? { status: 500, body: { error: { code: 'internal', message: 'Something went wrong.' } } } : { status: 200, body: workload }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('row', { name: /Clara Collector/ })).toBeTruthy();
  });
});
