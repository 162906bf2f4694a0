import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { AuditLogPage } from '../../src/admin/audit-log.page.tsx';
import { fakeServer, type FakeRequest, type FakeRoute } from '../support/fake-server.ts';

const admin = { id: 'u-admin', email: 'admin@recoup.local', name: 'Ada Admin', role: 'admin' as const };
const ADA = '11111111-1111-4111-8111-111111111111';
const MAX = '22222222-2222-4222-8222-222222222222';

const person = (id: string, name: string, role: string) => ({
  id,
  email: `${name.split(' ')[0]?.toLowerCase()}@recoup.local`,
  name,
  role,
  active: true,
  managerId: null,
  capacity: 50,
  skills: [],
  pools: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  signInLockedUntil: null,
});

const entry = (id: number, overrides: object = {}) => ({
  id: String(id),
  at: `2026-11-20T10:${String(id % 60).padStart(2, '0')}:00.000Z`,
  actor: { id: ADA, name: 'Ada Admin', email: 'ada@recoup.local' },
  action: 'user.role-changed',
  entity: 'user',
  entityId: `user-${id}`,
  details: { from: 'collector', to: 'manager' },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  ...overrides,
});

function renderPage(routes: Record<string, FakeRoute>) {
  const server = fakeServer({
    'GET /api/users': () => ({ status: 200, body: [person(MAX, 'Max Manager', 'manager'), person(ADA, 'Ada Admin', 'admin')] }),
    ...routes,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <AuditLogPage user={admin} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

const query = (request: FakeRequest | undefined) => Object.fromEntries(request?.url.searchParams ?? []);
const listCalls = (server: ReturnType<typeof renderPage>['server']) => server.calls('GET /api/admin/audit');

afterEach(cleanup);

describe('the audit log page', () => {
  it('lists entries newest first with when, who, what and on which thing', async () => {
    renderPage({
      'GET /api/admin/audit': () => ({
        status: 200,
        body: { items: [entry(12), entry(11, { actor: null, action: 'contact.opted-out', entity: 'contact', entityId: 'c-9', details: {} }), entry(10, { actor: { id: MAX, name: null, email: null } })], nextBefore: null },
      }),
    });
    const rows = within(await screen.findByRole('table', { name: 'Audit entries' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual(['user.role-changed', 'contact.opted-out', 'user.role-changed']);
    expect(rows[0]?.textContent).toContain('Ada Admin');
    expect(rows[0]?.textContent).toContain('#12');
    expect(rows[1]?.textContent).toContain('The system');
    expect(rows[1]?.textContent).toContain('No details');
    // An actor id that is no user any more is shown as it was recorded.
    expect(rows[2]?.textContent).toContain(MAX);
    expect(within(rows[0] as HTMLElement).getByText(/"to": "manager"/)).toBeTruthy();
  });

  it('sends the filters it holds, with the dates as whole days on the admin’s clock', async () => {
    const { server, user } = renderPage({ 'GET /api/admin/audit': () => ({ status: 200, body: { items: [entry(3)], nextBefore: null } }) });
    await screen.findByRole('table', { name: 'Audit entries' });
    await screen.findByRole('option', { name: 'Max Manager (max@recoup.local)' });
    await user.selectOptions(screen.getByLabelText('Actor'), MAX);
    await user.type(screen.getByLabelText('Action'), 'payment.');
    await user.type(screen.getByLabelText('Entity'), 'payment');
    await user.type(screen.getByLabelText('Entity id'), 'p-1');
    await user.type(screen.getByLabelText('From'), '2026-11-01');
    await user.type(screen.getByLabelText('To'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(query(listCalls(server).at(-1))).toEqual({
      limit: '25',
      actorId: MAX,
      action: 'payment.',
      entity: 'payment',
      entityId: 'p-1',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
    });
    await user.selectOptions(screen.getByLabelText('Actor'), 'system');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(query(listCalls(server).at(-1))).toMatchObject({ actorId: 'system' });
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(query(listCalls(server).at(-1))).toEqual({ limit: '25' });
    expect((screen.getByLabelText('Entity') as HTMLInputElement).value).toBe('');
  });

  it('shows the reason the API refuses a filter for next to that filter', async () => {
    const { user } = renderPage({
      'GET /api/admin/audit': ({ url }) =>
        url.searchParams.has('to')
          ? { status: 400, body: { error: { code: 'validation-failed', message: 'The request is not valid.', details: { fields: [{ in: 'query', path: 'to', reason: 'must be later than from' }] } } } }
          : { status: 200, body: { items: [entry(3)], nextBefore: null } },
    });
    await screen.findByRole('table', { name: 'Audit entries' });
    await user.type(screen.getByLabelText('From'), '2026-11-30');
    await user.type(screen.getByLabelText('To'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('must be later than from')).toBeTruthy();
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('The marked filter says why.');
  });

  it('pages to older entries by the cursor the API gave, and back to the newer ones', async () => {
    const { server, user } = renderPage({
      'GET /api/admin/audit': ({ url }) =>
        url.searchParams.get('before') === '11'
          ? { status: 200, body: { items: [entry(10), entry(9)], nextBefore: null } }
          : { status: 200, body: { items: [entry(12), entry(11)], nextBefore: '11' } },
    });
    await screen.findByText('#12');
    expect(screen.getByRole('button', { name: 'Newer entries' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Older entries' }));
    expect(await screen.findByText('#10')).toBeTruthy();
    expect(query(listCalls(server).at(-1))).toEqual({ limit: '25', before: '11' });
    expect(screen.getByRole('button', { name: 'Older entries' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Newer entries' }));
    expect(await screen.findByText('#12')).toBeTruthy();
    expect(query(listCalls(server).at(-1))).toEqual({ limit: '25' });
  });

  it('says the chain is intact and how many entries the check verified', async () => {
    const { server, user } = renderPage({
      'GET /api/admin/audit': () => ({ status: 200, body: { items: [entry(3)], nextBefore: null } }),
      'POST /api/admin/audit/verify': () => ({ status: 200, body: { verified: 1204, firstBroken: null } }),
    });
    await screen.findByRole('table', { name: 'Audit entries' });
    const before = listCalls(server).length;
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByText(/^The chain is intact/)).textContent).toContain(`all ${(1204).toLocaleString()} entries match their hashes`);
    // The check writes an entry of its own, so the list is read again.
    await waitFor(() => expect(listCalls(server).length).toBe(before + 1));
  });

  it('shows the first broken link the chain check found, and opens the log at it', async () => {
    const { server, user } = renderPage({
      'GET /api/admin/audit': ({ url }) =>
        url.searchParams.get('before') === '58'
          ? { status: 200, body: { items: [entry(57), entry(56)], nextBefore: '56' } }
          : { status: 200, body: { items: [entry(99)], nextBefore: '99' } },
      'POST /api/admin/audit/verify': () => ({ status: 200, body: { verified: 56, firstBroken: { id: '57', at: '2026-11-20T10:57:00.000Z', reason: 'hash-mismatch' } } }),
    });
    await screen.findByText('#99');
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The chain is broken at entry #57');
    expect(alert.textContent).toContain(new Date('2026-11-20T10:57:00.000Z').toLocaleString());
    expect(alert.textContent).toContain('its content no longer matches the hash stored with it, so it was changed after it was written');
    expect(alert.textContent).toContain('The 56 entries before it hold.');
    await user.click(within(alert).getByRole('button', { name: 'Show entry #57 in the log' }));
    const broken = (await screen.findByText('#57')).closest('tr');
    expect(query(listCalls(server).at(-1))).toEqual({ limit: '25', before: '58' });
    expect(broken?.getAttribute('aria-current')).toBe('true');
    expect(screen.getByText('#56').closest('tr')?.getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('button', { name: 'Newer entries' }).hasAttribute('disabled')).toBe(false);
  });

  it('explains an entry that no longer links to the one before it', async () => {
    const { user } = renderPage({
      'GET /api/admin/audit': () => ({ status: 200, body: { items: [entry(3)], nextBefore: null } }),
      'POST /api/admin/audit/verify': () => ({ status: 200, body: { verified: 2, firstBroken: { id: '3', at: '2026-11-20T10:03:00.000Z', reason: 'prev-hash-mismatch' } } }),
    });
    await screen.findByText('#3');
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByRole('alert')).textContent).toContain('it no longer links to the entry before it, so an entry before it was removed');
  });

  it('says why the chain check did not run', async () => {
    const { user } = renderPage({
      'GET /api/admin/audit': () => ({ status: 200, body: { items: [], nextBefore: null } }),
      'POST /api/admin/audit/verify': () => ({ status: 403, body: { error: { code: 'forbidden-role', message: 'This needs the role admin.' } } }),
    });
    expect(await screen.findByText('No entry matches these filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This needs the role admin.');
  });
});
