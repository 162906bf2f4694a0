import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { AccountDetail, DecisionTimeline } from '@recoup/contracts';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { Account360Page } from '../../src/accounts/account-360.page.tsx';
import { AccountsPage } from '../../src/accounts/accounts.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const clara = { id: 'u-1', email: 'collector1@recoup.local', name: 'Clara Collector', role: 'collector' as const };

const detail: AccountDetail = {
  account: {
    id: 'a-1', externalRef: 'ACME-1', name: 'Acme Ltd', customerType: 'business', segment: 'standard', currency: 'EUR', timeZone: 'Europe/Berlin',
    riskScore: 720, assignedCollectorId: 'u-1', ceaseCommunication: false, ceaseCommunicationAt: null,
  },
  contacts: [{ id: 'c-1', name: 'Dana Debtor', email: 'ap@acme.example', phone: null, timeZone: 'Europe/Berlin', zones: { basis: 'recorded', zones: ['Europe/Berlin'], clues: [], explanation: "The contact's time zone is recorded as Europe/Berlin; contact is allowed only when it is between 08:00 and 21:00 there." }, isPrimary: true, postalAddress: null, consent: { email: true, sms: false, phone: true, letter: true }, optedOut: { email: null, sms: '2026-01-02T00:00:00Z', letter: null } }],
  invoices: [{ id: 'i-1', number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-02-01', amount: { amountMinor: '50000', currency: 'EUR' }, open: { amountMinor: '50000', currency: 'EUR' }, status: 'open', daysPastDue: 38, agingBucket: '31-60', prediction: null }],
  payments: [],
  communications: [{ id: 'm-1', channel: 'email', direction: 'outbound', templateKey: 'overdue-7', toAddress: 'ap@acme.example', subject: 'Your overdue invoice', status: 'sent', reason: null, createdAt: '2026-02-08T09:00:00Z', sentAt: '2026-02-08T09:00:00Z', hasBody: true }],
  tasks: [],
  promises: [],
  disputes: [],
  notes: [],
  debtorLocalTime: {
    timeZone: 'Europe/Berlin', date: '2026-03-10', time: '22:15', withinContactHours: false,
    zones: [{ timeZone: 'Europe/Berlin', date: '2026-03-10', time: '22:15', withinContactHours: false }],
    contactId: 'c-1',
    explanation: "The contact's time zone is recorded as Europe/Berlin; contact is allowed only when it is between 08:00 and 21:00 there.",
    contactHours: { start: '08:00', end: '21:00' },
  },
  balance: [{ amountMinor: '50000', currency: 'EUR' }],
  prediction: null,
  workflow: null,
};

const timeline: DecisionTimeline = {
  unavailable: null,
  steps: [
    { eventId: '20', at: '2026-02-15T09:00:00Z', kind: 'condition', nodeId: 'check-call-threshold', nodeLabel: 'Overdue 100.00 or more?', title: '“Overdue 100.00 or more?” was met: took the yes branch', why: 'Because overdueAmountMinor greaterThanInclusive 10000 (was 50000)', facts: { overdueAmountMinor: 50000 } },
  ],
};

function renderAccount(routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({
    'GET /api/accounts/a-1': () => ({ status: 200, body: detail }),
    'GET /api/accounts/a-1/timeline': () => ({ status: 200, body: timeline }),
    ...routes,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <Account360Page accountId="a-1" user={clara} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the account 360', () => {
  it('shows the debtor’s clock, consents, aged invoices and why the workflow decided as it did', async () => {
    renderAccount();
    expect(await screen.findByRole('heading', { name: 'Acme Ltd' })).toBeTruthy();
    expect(screen.getByText(/22:15 \(Europe\/Berlin\) — outside contact hours/)).toBeTruthy();
    expect(screen.getByText(/Consents: email yes, sms no, phone yes, letter yes/)).toBeTruthy();
    const invoices = screen.getByRole('table', { name: 'Invoices' });
    expect(within(invoices).getByText('31-60')).toBeTruthy();
    const decisions = await screen.findByRole('list', { name: 'Decisions' });
    expect(within(decisions).getByText('Because overdueAmountMinor greaterThanInclusive 10000 (was 50000)')).toBeTruthy();
    expect(within(decisions).getByText('Facts: overdueAmountMinor = 50000')).toBeTruthy();
  });

  it('shows a dispute the debtor opened in the portal with the file they sent, to download', async () => {
    const disputed: AccountDetail = {
      ...detail,
      disputes: [
        {
          id: 'd-1', accountId: 'a-1', reason: 'Goods arrived damaged', status: 'open',
          items: [{ invoiceId: 'i-1', invoiceNumber: 'INV-1', amount: { amountMinor: '50000', currency: 'EUR' } }],
          openedBy: null, openedAt: '2026-03-01T10:00:00Z', resolvedBy: null, resolvedAt: null, resolutionNote: null, creditNotes: [],
          attachments: [{ id: 'f-1', fileName: 'delivery-note.pdf', mediaType: 'application/pdf', sizeBytes: 245_760, createdAt: '2026-03-01T10:00:00Z' }],
        },
      ],
    };
    renderAccount({ 'GET /api/accounts/a-1': () => ({ status: 200, body: disputed }) });

    expect(await screen.findByText(/by the debtor in the portal: “Goods arrived damaged” — open \(INV-1 €500\.00\)/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'delivery-note.pdf' });
    expect(link.getAttribute('href')).toBe('/api/disputes/d-1/attachments/f-1');
    expect(link.closest('li')?.textContent).toBe('delivery-note.pdf (PDF, 240.0 KiB)');
  });

  it('shows each open invoice’s predicted payment date, its interval and the reasons, and the account’s prediction', async () => {
    const predicted: AccountDetail = {
      ...detail,
      invoices: [
        {
          ...detail.invoices[0]!,
          prediction: {
            asOf: '2026-03-10', lateProbability: 88, veryLateProbability: 35, payDate: '2026-03-24', payDateLow: '2026-03-12', payDateHigh: '2026-04-20',
            daysLate: 51, confidence: 'normal',
            reasons: [
              { feature: 'lateShare', text: 'paid 80 % of earlier invoices late (raises the risk by 310)', effect: 310 },
              { feature: 'daysUntilDue', text: '38 days past due (lowers the risk by 30)', effect: -30 },
            ],
          },
        },
        { id: 'i-0', number: 'INV-0', issueDate: '2025-11-01', dueDate: '2025-12-01', amount: { amountMinor: '20000', currency: 'EUR' }, open: { amountMinor: '0', currency: 'EUR' }, status: 'paid', daysPastDue: 0, agingBucket: 'closed', prediction: null },
      ],
      payments: [
        { id: 'p-0', amount: { amountMinor: '20000', currency: 'EUR' }, unallocated: { amountMinor: '0', currency: 'EUR' }, receivedAt: '2025-12-19T10:00:00Z', reference: 'INV-0', payerName: null, allocations: [{ id: 'al-0', invoiceId: 'i-0', amountMinor: '20000' }] },
      ],
      prediction: { riskScore: 615, lateProbability: 88, predictedDaysLate: 51, predictedPayDate: '2026-03-24', recent: 'paid 4 of the last 5 invoices late, 12 days on average', confidence: 'normal' },
    };
    renderAccount({ 'GET /api/accounts/a-1': () => ({ status: 200, body: predicted }) });
    const invoices = await screen.findByRole('table', { name: 'Invoices' });
    expect(within(invoices).getByText('2026-03-24')).toBeTruthy();
    expect(within(invoices).getByText(/between 2026-03-12 and 2026-04-20 · 88 % likely late, 35 % more than 30 days/)).toBeTruthy();
    const reasons = within(invoices).getByRole('list', { name: 'Why INV-1 is predicted so' });
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'paid 80 % of earlier invoices late (raises the risk by 310)',
      '38 days past due (lowers the risk by 30)',
    ]);
    // Paid invoices are not in the open table, but one click away, with how many were paid late.
    expect(within(invoices).queryByText('INV-0')).toBeNull();
    expect(screen.getByText('Paid and closed invoices (1), of which 1 paid late')).toBeTruthy();
    expect(screen.getByLabelText('Payment prediction').textContent).toBe(
      'Predicted: 88 % likely to pay late, risk 615 of 1000; half of what is open by 2026-03-24, 51 days late on average. The customer paid 4 of the last 5 invoices late, 12 days on average.',
    );
    expect(screen.getByText(/predicted risk 615/)).toBeTruthy();
  });

  it('says an open invoice is not scored yet before the first model', async () => {
    renderAccount();
    const invoices = await screen.findByRole('table', { name: 'Invoices' });
    expect(within(invoices).getByText('not scored yet')).toBeTruthy();
    expect(screen.queryByLabelText('Payment prediction')).toBeNull();
  });

  it('shows the zones a contact without a recorded zone may be in, and that calls need all of them inside the hours', async () => {
    const explanation = 'Phone suggests America/New_York; address suggests Pacific/Honolulu; contact is allowed only when both are between 08:00 and 21:00.';
    const zones = {
      basis: 'derived' as const,
      zones: ['America/New_York', 'Pacific/Honolulu'],
      clues: [
        { source: 'phone' as const, zones: ['America/New_York'], detail: 'the phone number (area code 212, US)', used: true },
        { source: 'address' as const, zones: ['Pacific/Honolulu'], detail: 'the address is in HI 96815, US', used: true },
      ],
      explanation,
    };
    const split: AccountDetail = {
      ...detail,
      contacts: [{ ...detail.contacts[0]!, phone: '+1 212 555 0100', timeZone: null, postalAddress: '2255 Kuhio Ave\nHonolulu, HI 96815', zones }],
      debtorLocalTime: {
        timeZone: 'America/New_York', date: '2026-03-10', time: '10:30', withinContactHours: false,
        zones: [
          { timeZone: 'America/New_York', date: '2026-03-10', time: '10:30', withinContactHours: true },
          { timeZone: 'Pacific/Honolulu', date: '2026-03-10', time: '04:30', withinContactHours: false },
        ],
        contactId: 'c-1',
        explanation,
        contactHours: { start: '08:00', end: '21:00' },
      },
    };
    renderAccount({ 'GET /api/accounts/a-1': () => ({ status: 200, body: split }) });
    const clock = await screen.findByLabelText('Debtor’s local time');
    expect(within(clock).getByText(/America\/New_York 2026-03-10 10:30 · Pacific\/Honolulu 2026-03-10 04:30 — outside contact hours in Pacific\/Honolulu, do not call now/)).toBeTruthy();
    expect(within(clock).getByText(explanation)).toBeTruthy();
    const considered = within(clock).getByRole('list', { name: 'Time zones considered' });
    expect(within(considered).getByText(/Phone: suggests America\/New_York \(the phone number \(area code 212, US\)\)/)).toBeTruthy();
    expect(within(considered).getByText(/Address: suggests Pacific\/Honolulu/)).toBeTruthy();
    expect(screen.getByText(/no time zone recorded/)).toBeTruthy();
  });

  it('opens a rendered message to read', async () => {
    const { user } = renderAccount({
      'GET /api/accounts/a-1/communications/m-1': () => ({ status: 200, body: { ...detail.communications[0], bodyText: 'Dear Acme Ltd, please pay €500.00.', bodyHtml: null } }),
    });
    await user.click(await screen.findByRole('button', { name: 'View message' }));
    expect((await screen.findByLabelText('Message: Your overdue invoice')).textContent).toBe('Dear Acme Ltd, please pay €500.00.');
  });

  it('adds a note and refuses an empty one before asking the server', async () => {
    const { server, user } = renderAccount({
      'POST /api/accounts/a-1/notes': ({ body }) => ({ status: 201, body: { id: 'n-1', accountId: 'a-1', body: (body as { body: string }).body, authorId: 'u-1', authorName: 'Clara Collector', taskId: null, createdAt: '2026-03-10T10:00:00Z' } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Add note' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write something first.');
    await user.type(screen.getByLabelText('New note'), 'Promised to pay after the audit.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findAllByText('Acme Ltd');
    expect(server.calls('POST /api/accounts/a-1/notes')[0]?.body).toEqual({ body: 'Promised to pay after the audit.' });
  });

  it('says the account cannot be found rather than showing an empty page', async () => {
    renderAccount({ 'GET /api/accounts/a-1': () => ({ status: 404, body: { error: { code: 'not-found', message: 'No such account.' } } }) });
    expect((await screen.findByRole('alert')).textContent).toBe('No such account.');
  });
});

describe('the account list', () => {
  it('searches accounts by name or reference and links each to its 360', async () => {
    const server = fakeServer({
      'GET /api/accounts': ({ url }) => ({
        status: 200,
        body: { items: url.searchParams.get('q') === 'acme' ? [{ ...detail.account, balance: detail.balance }] : [], total: url.searchParams.get('q') === 'acme' ? 1 : 0, limit: 50, offset: 0 },
      }),
    });
    render(
      <ApiContext value={new ApiClient(server.fetchFn)}>
        <AccountsPage user={clara} />
      </ApiContext>,
    );
    const user = userEvent.setup();
    expect(await screen.findByText('There are no accounts yet.')).toBeTruthy();
    await user.type(screen.getByLabelText('Search accounts'), 'acme');
    const link = await screen.findByRole('link', { name: 'Acme Ltd' });
    expect(link.getAttribute('href')).toBe('/accounts/a-1');
    expect(screen.getByText('€500.00')).toBeTruthy();
  });
});
