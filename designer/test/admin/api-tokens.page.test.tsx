import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { ApiTokensPage } from '../../src/admin/api-tokens.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const admin = { id: 'a-1', email: 'a-1@recoup.local', name: 'Ada Admin', role: 'admin' as const };
const person = (id: string, name: string, role: string, active = true) => ({
  id, email: `${id}@recoup.local`, name, role, active, managerId: null, capacity: 50, skills: [], pools: [], createdAt: '2026-11-01T00:00:00.000Z', signInLockedUntil: null,
});
const users = [person('a-1', 'Ada Admin', 'admin'), person('m-1', 'Max Manager', 'manager'), person('x-1', 'Gone Manager', 'manager', false)];
const scopes = [
  { scope: 'accounts:read', description: 'Read accounts.' },
  { scope: 'invoices:write', description: 'Import portfolios.' },
];
const erp = {
  id: 't-1', name: 'ERP sync', prefix: 'rcp_Ab3xK9Qz', user: { id: 'm-1', name: 'Max Manager', email: 'm-1@recoup.local', role: 'manager' },
  scopes: ['accounts:read'], expiresAt: null, lastUsedAt: null, createdAt: '2026-12-01T00:00:00.000Z', revokedAt: null, status: 'active',
};

function renderPage(routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({
    'GET /api/admin/api-tokens': () => ({ status: 200, body: { items: [erp] } }),
    'GET /api/admin/api-tokens/scopes': () => ({ status: 200, body: { items: scopes } }),
    'GET /api/users': () => ({ status: 200, body: users }),
    ...routes,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <ApiTokensPage user={admin} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

describe('ApiTokensPage', () => {
  afterEach(cleanup);

  it('lists each token with its prefix, user, scopes and last use, and offers only active users to act as', async () => {
    renderPage();

    const row = (await screen.findByRole('rowheader', { name: /ERP sync/ })).closest('tr') as HTMLElement;
    expect(within(row).getByText('rcp_Ab3xK9Qz…')).toBeTruthy();
    expect(within(row).getByText('Max Manager')).toBeTruthy();
    expect(within(row).getByText('accounts:read')).toBeTruthy();
    expect(within(row).getByText('Never used')).toBeTruthy();
    const actsAs = screen.getByLabelText<HTMLSelectElement>('Acts as');
    expect([...actsAs.options].map((o) => o.textContent)).toEqual(['Choose a user…', 'Ada Admin (admin)', 'Max Manager (manager)']);
  });

  it('points to the API reference for what each scope opens', async () => {
    renderPage();
    await screen.findByRole('rowheader', { name: /ERP sync/ });
    expect(screen.getByRole('link', { name: 'API reference' }).getAttribute('href')).toBe('/admin/api-reference');
  });

  it('creates a token with the chosen scopes and expiry, and shows its secret once', async () => {
    const { server, user } = renderPage({
      'POST /api/admin/api-tokens': ({ body }) => ({
        status: 201,
        body: { token: { ...erp, id: 't-2', name: (body as { name: string }).name, prefix: 'rcp_Zz9yXw8v', scopes: (body as { scopes: string[] }).scopes }, secret: `rcp_Zz9yXw8v${'q'.repeat(35)}` },
      }),
    });
    await screen.findByRole('rowheader', { name: /ERP sync/ });

    await user.type(screen.getByLabelText('Name'), 'Payments feed');
    await user.selectOptions(screen.getByLabelText('Acts as'), 'm-1');
    await user.click(screen.getByRole('checkbox', { name: /invoices:write/ }));
    await user.type(screen.getByLabelText('Expires on (optional)'), '2027-06-30');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect((await screen.findByLabelText('The new token')).textContent).toBe(`rcp_Zz9yXw8v${'q'.repeat(35)}`);
    expect(screen.getByText(/cannot show it again/)).toBeTruthy();
    expect(server.calls('POST /api/admin/api-tokens').map((c) => c.body)).toEqual([
      { name: 'Payments feed', userId: 'm-1', scopes: ['invoices:write'], expiresAt: '2027-06-30T23:59:59Z' },
    ]);
    expect(screen.getByRole('rowheader', { name: /Payments feed/ })).toBeTruthy();
  });

  it('names the field the server refuses', async () => {
    const { user } = renderPage({
      'POST /api/admin/api-tokens': () => ({
        status: 400,
        body: { error: { code: 'validation-failed', message: 'The request is not valid.', details: { fields: [{ in: 'body', path: 'scopes', reason: 'must name at least one scope' }] } } },
      }),
    });
    await screen.findByRole('rowheader', { name: /ERP sync/ });
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByText('must name at least one scope')).toBeTruthy();
    expect(screen.queryByLabelText('The new token')).toBeNull();
  });

  it('revokes a token after a confirming second click', async () => {
    const { server, user } = renderPage({
      'DELETE /api/admin/api-tokens/t-1': () => ({ status: 200, body: { ...erp, status: 'revoked', revokedAt: '2026-12-06T10:00:00.000Z' } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Revoke…' }));
    expect(server.calls('DELETE /api/admin/api-tokens/t-1')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Revoke ERP sync' }));

    expect(await screen.findByText('Revoked')).toBeTruthy();
    expect(server.calls('DELETE /api/admin/api-tokens/t-1')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
  });
});
