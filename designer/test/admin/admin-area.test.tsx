import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { AdminNav } from '../../src/admin/admin-nav.tsx';
import { AdminPage } from '../../src/admin/admin.page.tsx';
import { AppHeader } from '../../src/components/app-header.tsx';
import { fakeServer } from '../support/fake-server.ts';

const person = (role: 'admin' | 'manager' | 'collector') => ({ id: `u-${role}`, email: `${role}@recoup.local`, name: `The ${role}`, role });

function renderWithApi(ui: React.ReactElement) {
  render(<ApiContext value={new ApiClient(fakeServer({}).fetchFn)}>{ui}</ApiContext>);
}

beforeEach(() => window.history.pushState(null, '', '/'));
afterEach(cleanup);

describe('the admin area', () => {
  it('lists an admin’s sections with a title and a one-line explanation each', () => {
    renderWithApi(<AdminPage user={person('admin')} />);
    const tiles = screen.getAllByRole('link');
    expect(tiles.map((tile) => tile.getAttribute('href'))).toEqual(['/admin/workflows', '/admin/users', '/admin/api-tokens', '/admin/api-reference', '/admin/compliance', '/admin/audit', '/admin/outbox', '/admin/payment-models']);
    const audit = screen.getByRole('link', { name: /^Audit log/ });
    expect(audit.textContent).toContain('a check that no entry was changed or removed');
    expect(screen.getByRole('link', { name: /^Compliance settings/ }).textContent).toContain('Reg F');
    expect(screen.getByRole('link', { name: /^Outbox/ }).textContent).toContain('read each reminder');
  });

  it('gives a manager the API reference, the compliance settings and the outbox, but not the audit log', () => {
    renderWithApi(<AdminPage user={person('manager')} />);
    expect(screen.getAllByRole('link').map((tile) => tile.getAttribute('href'))).toEqual(['/admin/api-reference', '/admin/compliance', '/admin/outbox']);
  });

  it('keeps the admin sections under one Admin link in the main menu, lit on every admin page', () => {
    window.history.pushState(null, '', '/admin/outbox/some-message');
    renderWithApi(<AppHeader user={person('admin')} onSignedOut={() => undefined} />);
    const menu = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(menu.queryByRole('link', { name: 'Audit log' })).toBeNull();
    expect(menu.getByRole('link', { name: 'Admin' }).getAttribute('aria-current')).toBe('page');
    expect(menu.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows no Admin link to a collector, who has no admin section', () => {
    renderWithApi(<AppHeader user={person('collector')} onSignedOut={() => undefined} />);
    const menu = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(menu.getByRole('link', { name: 'Inbox' })).toBeTruthy();
    expect(menu.queryByRole('link', { name: 'Admin' })).toBeNull();
  });

  it('marks the section being read in the admin menu', () => {
    window.history.pushState(null, '', '/admin/outbox/some-message');
    renderWithApi(<AdminNav role="admin" />);
    const menu = within(screen.getByRole('navigation', { name: 'Administration' }));
    expect(menu.getByRole('link', { name: 'Outbox' }).getAttribute('aria-current')).toBe('page');
    expect(menu.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBeNull();
  });
});
