import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { OutboxMessagePage } from '../../src/admin/outbox-message.page.tsx';
import { OutboxPage } from '../../src/admin/outbox.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const manager = { id: 'u-manager', email: 'manager@recoup.local', name: 'Max Manager', role: 'manager' as const };
const ID = '33333333-3333-4333-8333-333333333333';

const summary = (n: number, overrides: object = {}) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  receivedAt: `2026-11-20T10:${String(n).padStart(2, '0')}:00.000Z`,
  mailFrom: 'collections@recoup.localhost',
  rcptTo: [`debtor${n}@example.test`],
  subject: `Invoice INV-${n} is overdue`,
  messageId: `<m${n}@recoup>`,
  ...overrides,
});

function renderWith(ui: React.ReactElement, routes: Record<string, FakeRoute>) {
  const server = fakeServer(routes);
  render(<ApiContext value={new ApiClient(server.fetchFn)}>{ui}</ApiContext>);
  return { server, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the outbox', () => {
  it('lists the messages newest first, each linking to its text', async () => {
    renderWith(<OutboxPage user={manager} />, {
      'GET /api/outbox': () => ({ status: 200, body: { items: [summary(2, { rcptTo: ['a@example.test', 'b@example.test'] }), summary(1)], total: 2, limit: 25, offset: 0 } }),
    });
    const rows = within(await screen.findByRole('table', { name: 'Messages' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['Invoice INV-2 is overdue', 'Invoice INV-1 is overdue']);
    expect(rows[0]?.textContent).toContain('a@example.test, b@example.test');
    expect(within(rows[1] as HTMLElement).getByRole('link').getAttribute('href')).toBe(`/admin/outbox/${summary(1).id}`);
    expect(screen.getByText(/2 messages, newest first/)).toBeTruthy();
  });

  it('searches by recipient and subject and says when nothing matches', async () => {
    const { server, user } = renderWith(<OutboxPage user={manager} />, {
      'GET /api/outbox': ({ url }) =>
        url.searchParams.has('subject')
          ? { status: 200, body: { items: [], total: 0, limit: 25, offset: 0 } }
          : { status: 200, body: { items: [summary(1)], total: 1, limit: 25, offset: 0 } },
    });
    await screen.findByRole('table', { name: 'Messages' });
    await user.type(screen.getByLabelText('Recipient'), 'debtor1@');
    await user.type(screen.getByLabelText('Subject'), 'final notice');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No message matches this search.')).toBeTruthy();
    expect(Object.fromEntries(server.calls('GET /api/outbox').at(-1)?.url.searchParams ?? [])).toEqual({
      limit: '25',
      offset: '0',
      recipient: 'debtor1@',
      subject: 'final notice',
    });
  });

  it('pages through older messages by offset', async () => {
    const { server, user } = renderWith(<OutboxPage user={manager} />, {
      'GET /api/outbox': ({ url }) => {
        const offset = Number(url.searchParams.get('offset'));
        return { status: 200, body: { items: [summary(offset === 0 ? 30 : 5)], total: 26, limit: 25, offset } };
      },
    });
    await screen.findByText('Invoice INV-30 is overdue');
    await user.click(screen.getByRole('button', { name: 'Older messages' }));
    expect(await screen.findByText('Invoice INV-5 is overdue')).toBeTruthy();
    expect(server.calls('GET /api/outbox').at(-1)?.url.searchParams.get('offset')).toBe('25');
    expect(screen.getByRole('button', { name: 'Older messages' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the API’s reason for a search it refuses next to that field', async () => {
    const { user } = renderWith(<OutboxPage user={manager} />, {
      'GET /api/outbox': ({ url }) =>
        url.searchParams.has('recipient')
          ? { status: 400, body: { error: { code: 'validation-failed', message: 'The request is not valid.', details: { fields: [{ in: 'query', path: 'recipient', reason: 'Too big: expected string to have <=320 characters' }] } } } }
          : { status: 200, body: { items: [], total: 0, limit: 25, offset: 0 } },
    });
    expect(await screen.findByText(/No message has arrived yet/)).toBeTruthy();
    await user.type(screen.getByLabelText('Recipient'), 'x');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Too big: expected string to have <=320 characters')).toBeTruthy();
    expect(screen.getByLabelText('Recipient').getAttribute('aria-invalid')).toBe('true');
  });

  it('opens a message to read its text and its raw headers', async () => {
    renderWith(<OutboxMessagePage messageId={ID} user={manager} />, {
      [`GET /api/outbox/${ID}`]: () => ({
        status: 200,
        body: {
          ...summary(7, { id: ID }),
          textBody: 'Dear Hanna,\n\ninvoice INV-7 of £420.00 is overdue.',
          htmlBody: '<p>Dear Hanna</p><script>alert(1)</script>',
          raw: 'From: collections@recoup.localhost\r\nTo: debtor7@example.test\r\nList-Unsubscribe: <http://localhost/optout/t>\r\nSubject: Invoice INV-7 is overdue\r\n\r\nDear Hanna,\r\n',
        },
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Invoice INV-7 is overdue' })).toBeTruthy();
    expect(screen.getByText(/invoice INV-7 of £420\.00 is overdue/).textContent).toBe('Dear Hanna,\n\ninvoice INV-7 of £420.00 is overdue.');
    const headers = screen.getByRole('region', { name: 'Raw headers' }).querySelector('pre')?.textContent ?? '';
    expect(headers).toContain('List-Unsubscribe: <http://localhost/optout/t>');
    expect(headers).not.toContain('Dear Hanna');
    expect(screen.getByText('It also has an HTML part, which is not shown here.')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByRole('link', { name: 'All messages' }).getAttribute('href')).toBe('/admin/outbox');
  });

  it('says why a message could not be opened', async () => {
    renderWith(<OutboxMessagePage messageId={ID} user={manager} />, {
      [`GET /api/outbox/${ID}`]: () => ({ status: 404, body: { error: { code: 'not-found', message: 'No such message.' } } }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('No such message.');
  });
});
