import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { UsersPage } from '../../src/admin/users.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const person = (id: string, name: string, role: string, extra: object = {}) => ({
  id,
  email: `${id}@recoup.local`,
  name,
  role,
  active: true,
  managerId: null,
  capacity: 50,
  skills: [],
  pools: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  signInLockedUntil: null,
  ...extra,
});
const users = [person('a-1', 'Ada Admin', 'admin'), person('m-1', 'Max Manager', 'manager'), person('c-1', 'Clara Collector', 'collector', { managerId: 'm-1' })];
const admin = { id: 'a-1', email: 'a-1@recoup.local', name: 'Ada Admin', role: 'admin' as const };

function renderPage(routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({ 'GET /api/users': () => ({ status: 200, body: users }), ...routes });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <UsersPage user={admin} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

describe('UsersPage', () => {
  afterEach(cleanup);

  it('lists users with their role and team', async () => {
    renderPage();
    const role = await screen.findByLabelText<HTMLSelectElement>('Role of Clara Collector');
    expect(role.value).toBe('collector');
    expect(screen.getByLabelText<HTMLSelectElement>('Manager of Clara Collector').value).toBe('m-1');
  });

  it('creates a collector on a team and names the field the server refuses', async () => {
    const { server, user } = renderPage({
      'POST /api/users': ({ body }) =>
        (body as { password: string }).password.length < 12
          ? { status: 400, body: { error: { code: 'validation-failed', message: 'The request is not valid.', details: { fields: [{ in: 'body', path: 'password', reason: 'must have at least 12 characters' }] } } } }
          : { status: 201, body: person('c-9', 'Nina New', 'collector', { managerId: 'm-1' }) },
    });
    await screen.findByLabelText('Role of Ada Admin');
    await user.type(screen.getByLabelText('E-mail'), 'nina@recoup.local');
    await user.type(screen.getByLabelText('Name'), 'Nina New');
    await user.selectOptions(screen.getByLabelText('Team (manager)'), 'm-1');
    await user.type(screen.getByLabelText(/^Password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('must have at least 12 characters')).toBeTruthy();
    await user.clear(screen.getByLabelText(/^Password/));
    await user.type(screen.getByLabelText(/^Password/), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('Created Nina New; they can sign in now.')).toBeTruthy();
    expect(server.calls('POST /api/users').at(-1)?.body).toEqual({
      email: 'nina@recoup.local',
      name: 'Nina New',
      role: 'collector',
      password: 'a long enough password',
      managerId: 'm-1',
    });
    expect(screen.getByLabelText('Role of Nina New')).toBeTruthy();
  });

  it("shows the refusal to demote the last admin on the admin's row", async () => {
    const { user } = renderPage({
      'PATCH /api/users/a-1': () => ({ status: 409, body: { error: { code: 'last-admin', message: 'Ada Admin is the last active admin; make someone else an admin first.' } } }),
    });
    await user.selectOptions(await screen.findByLabelText('Role of Ada Admin'), 'manager');
    expect((await screen.findByRole('alert')).textContent).toContain('last active admin');
    expect(screen.getByLabelText<HTMLSelectElement>('Role of Ada Admin').value).toBe('admin');
  });

  it('resets a password and deactivates a user', async () => {
    const { server, user } = renderPage({
      'POST /api/users/c-1/password': () => ({ status: 200, body: users[2] }),
      'PATCH /api/users/c-1': ({ body }) => ({ status: 200, body: { ...users[2], ...(body as object) } }),
    });
    await user.type(await screen.findByLabelText('New password for Clara Collector'), 'another long password');
    await user.click(screen.getAllByRole('button', { name: 'Reset' })[2] as HTMLElement);
    expect(await screen.findByText('Password reset; their sessions ended.')).toBeTruthy();
    expect(server.calls('POST /api/users/c-1/password')[0]?.body).toEqual({ password: 'another long password' });
    await user.click(screen.getByRole('checkbox', { name: /Active \(Clara Collector\)/ }));
    expect(await screen.findByText('Deactivated; their sessions ended.')).toBeTruthy();
    expect(server.calls('PATCH /api/users/c-1')[0]?.body).toEqual({ active: false });
  });

  it('shows which user failed sign-ins have locked, and unlocks them', async () => {
    const locked = person('c-2', 'Lena Locked', 'collector', { signInLockedUntil: '2026-12-02T10:15:00.000Z' });
    const { server, user } = renderPage({
      'GET /api/users': () => ({ status: 200, body: [...users, locked] }),
      'POST /api/users/c-2/unlock-sign-in': () => ({ status: 200, body: { ...locked, signInLockedUntil: null } }),
    });
    const unlock = await screen.findByRole('button', { name: 'Unlock sign-in for Lena Locked' });
    expect(screen.getAllByText('Sign-in locked')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Unlock sign-in for Clara Collector' })).toBeNull();
    await user.click(unlock);
    expect(await screen.findByText('Sign-in unlocked.')).toBeTruthy();
    expect(server.calls('POST /api/users/c-2/unlock-sign-in')).toHaveLength(1);
    expect(screen.queryByText('Sign-in locked')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unlock sign-in for Lena Locked' })).toBeNull();
  });
});
