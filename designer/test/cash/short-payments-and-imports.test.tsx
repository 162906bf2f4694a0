import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { CashPage } from '../../src/cash/cash.page.tsx';
import type { CashView } from '../../src/cash/cash-views.ts';
import type { User } from '../../src/api/auth.types.ts';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';
import { ACCOUNT, INV_NEW, INV_OLD, LINE, manager, STATEMENT } from './cash-fixtures.ts';

function renderPage(view: CashView, routes: Record<string, FakeRoute>, user: User = manager) {
  const server = fakeServer(routes);
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <CashPage view={view} user={user} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

const shortPayment = {
  lineId: LINE,
  statementId: STATEMENT,
  account: { id: ACCOUNT, externalRef: 'C-1001', name: 'Harbour & Pike Ltd' },
  amount: { amountMinor: '28000', currency: 'EUR' },
  residualMinor: '7000',
  text: 'INV-1 INV-2 less damaged goods',
  valueDate: '2026-11-20',
  invoices: [
    { invoiceId: INV_OLD, number: 'INV-1', openMinor: '5000' },
    { invoiceId: INV_NEW, number: 'INV-2', openMinor: '2000' },
  ],
};

const CSV = 'account_ref,account_name\nA-1,Acme\n';

afterEach(cleanup);

describe('the short payments', () => {
  it('shows each residual with its invoices and opens a dispute for exactly the residual', async () => {
    const { server, user } = renderPage('short-payments', {
      'GET /api/statement-lines/deductions': () => ({ status: 200, body: { items: [shortPayment] } }),
      [`POST /api/accounts/${ACCOUNT}/disputes`]: () => ({ status: 201, body: { id: 'd-1' } }),
    });
    const card = await screen.findByRole('listitem', { name: 'Short payment from Harbour & Pike Ltd' });
    expect(card.textContent).toContain('paid €280.00, €70.00 left open');
    expect(within(card).getByRole('list', { name: 'Invoices it named' }).textContent).toContain('INV-1: €50.00 still open');
    await user.click(within(card).getByRole('button', { name: 'Open dispute…' }));
    expect(within(card).getByText('Disputes €50.00 of INV-1, €20.00 of INV-2.')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Open dispute' }));
    expect(await within(card).findByText(/Dispute opened for €70\.00/)).toBeTruthy();
    expect(server.calls(`POST /api/accounts/${ACCOUNT}/disputes`)[0]?.body).toEqual({
      reason: 'Short payment: €70.00 deducted from the payment of €280.00.',
      items: [
        { invoiceId: INV_OLD, amount: { amountMinor: '5000', currency: 'EUR' } },
        { invoiceId: INV_NEW, amount: { amountMinor: '2000', currency: 'EUR' } },
      ],
    });
  });

  it('explains what lands here when there are none', async () => {
    renderPage('short-payments', { 'GET /api/statement-lines/deductions': () => ({ status: 200, body: { items: [] } }) });
    expect(await screen.findByText(/No short payments\. When a customer pays an invoice less a deduction/)).toBeTruthy();
  });
});

describe('the portfolio imports', () => {
  it('shows each refused row’s line and reason', async () => {
    const { server, user } = renderPage('imports', {
      'POST /api/imports/portfolio.csv': () => ({
        status: 422,
        body: {
          error: {
            code: 'import-rejected',
            message: 'The import was refused: 2 problem(s). Nothing was imported.',
            details: { batchId: 'b-1', rowsTotal: 3, rows: [{ line: 3, field: 'due_date', reason: 'due date is before the issue date' }, { line: 4, field: 'currency', reason: 'must be an ISO 4217 currency code such as EUR' }], skipped: [] },
          },
        },
      }),
    });
    await user.upload(screen.getByLabelText('Portfolio CSV file'), new File([CSV], 'portfolio.csv', { type: 'text/csv' }));
    await screen.findByText(/portfolio\.csv .* is ready to import/);
    await user.click(screen.getByRole('button', { name: 'Import portfolio' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Nothing was imported. The file has 3 rows.');
    const rows = screen.getByRole('table', { name: 'Refused rows' });
    expect(within(rows).getByRole('row', { name: /^3 due_date/ }).textContent).toContain('due date is before the issue date');
    expect(within(rows).getByRole('row', { name: /^4 currency/ }).textContent).toContain('ISO 4217');
    const sent = server.calls('POST /api/imports/portfolio.csv')[0];
    expect(sent?.url.searchParams.get('mode')).toBe('all-or-nothing');
    expect(sent?.contentType).toBe('text/csv');
    expect(sent?.body).toBe(CSV);
  });

  it('imports the valid rows only when asked, listing the skipped ones', async () => {
    const { server, user } = renderPage('imports', {
      'POST /api/imports/portfolio.csv': () => ({
        status: 201,
        body: {
          batchId: 'b-2',
          status: 'partially-imported',
          rowsTotal: 3,
          rowsImported: 2,
          accountsCreated: 1,
          accountsUpdated: 0,
          invoicesCreated: 2,
          workflowStatus: 'started',
          workflowsTotal: 1,
          workflowsProcessed: 1,
          workflowsStarted: 1,
          workflowErrors: [],
          workflowNote: null,
          skipped: [{ accountRef: 'B-2', lines: [4], problems: [{ line: 4, field: 'currency', reason: 'must be an ISO 4217 currency code such as EUR' }] }],
        },
      }),
    });
    await user.upload(screen.getByLabelText('Portfolio CSV file'), new File([CSV], 'portfolio.csv', { type: 'text/csv' }));
    await screen.findByText(/portfolio\.csv .* is ready to import/);
    await user.click(screen.getByLabelText(/Import the valid rows only/));
    await user.click(screen.getByRole('button', { name: 'Import portfolio' }));
    expect(await screen.findByText(/Imported the valid rows: 2 of 3 rows, 1 accounts created/)).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Skipped rows' })).getByRole('row', { name: /^4 currency/ })).toBeTruthy();
    expect(server.calls('POST /api/imports/portfolio.csv')[0]?.url.searchParams.get('mode')).toBe('valid-only');
    expect(await screen.findByText(/1 collection workflow started for the 1 account imported/)).toBeTruthy();
    expect(server.calls('GET /api/imports/b-2')).toHaveLength(0);
  });

  it('follows workflows that go on starting after the answer until every account is dealt with', async () => {
    const starts = (status: string, processed: number, started: number) => ({
      status,
      total: 1200,
      processed,
      started,
      withoutStrategy: 0,
      errors: [],
      note: null,
    });
    let reads = 0;
    const { server, user } = renderPage('imports', {
      'POST /api/imports/portfolio.csv': () => ({
        status: 201,
        body: {
          batchId: 'b-3',
          status: 'imported',
          rowsTotal: 1200,
          rowsImported: 1200,
          accountsCreated: 1200,
          accountsUpdated: 0,
          invoicesCreated: 1200,
          workflowStatus: 'starting',
          workflowsTotal: 1200,
          workflowsProcessed: 500,
          workflowsStarted: 500,
          workflowErrors: [],
          workflowNote: 'Collection workflows are starting in the background: 500 of 1200 accounts done so far.',
          skipped: [],
        },
      }),
      'GET /api/imports/b-3': () => {
        reads += 1;
        const workflows = reads === 1 ? starts('starting', 1000, 1000) : starts('started', 1200, 1190);
        return {
          status: 200,
          body: { id: 'b-3', kind: 'customers-invoices', format: 'csv', filename: 'portfolio.csv', status: 'imported', rowsTotal: 1200, rowsImported: 1200, errors: [], createdBy: null, createdAt: '2026-12-02T10:00:00.000Z', workflows },
        };
      },
    });
    await user.upload(screen.getByLabelText('Portfolio CSV file'), new File([CSV], 'portfolio.csv', { type: 'text/csv' }));
    await screen.findByText(/portfolio\.csv .* is ready to import/);
    await user.click(screen.getByRole('button', { name: 'Import portfolio' }));
    const bar = await screen.findByRole('progressbar', { name: 'Starting collection workflows' });
    expect(bar.getAttribute('aria-valuemax')).toBe('1200');
    expect(await screen.findByText(/1000 of 1200 accounts done, 1000 started/)).toBeTruthy();
    expect(await screen.findByText(/1190 collection workflows started for the 1200 accounts imported/, {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Starting collection workflows' })).toBeNull();
    expect(server.calls('GET /api/imports/b-3')).toHaveLength(2);
  }, 15_000);
});

describe('the cash-application page', () => {
  it('tells a collector it is for managers and admins, without asking the server', () => {
    const { server } = renderPage('statements', {}, { ...manager, role: 'collector' });
    expect(screen.getByRole('alert').textContent).toContain('only managers and admins work them');
    expect(server.requests).toHaveLength(0);
  });

  it('links its four views, marking the one shown', async () => {
    renderPage('short-payments', { 'GET /api/statement-lines/deductions': () => ({ status: 200, body: { items: [] } }) });
    const nav = screen.getByRole('navigation', { name: 'Cash application' });
    expect(within(nav).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Statements', '/cash'],
      ['Exceptions', '/cash/exceptions'],
      ['Short payments', '/cash/short-payments'],
      ['Portfolio imports', '/cash/imports'],
    ]);
    await screen.findByText(/No short payments/);
  });
});
