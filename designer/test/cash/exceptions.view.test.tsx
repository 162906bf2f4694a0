import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { CashPage } from '../../src/cash/cash.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';
import { ACCOUNT, accountDetail, exceptionLine, INV_NEW, INV_OLD, LINE, manager, PAYMENT, RETURN_LINE } from './cash-fixtures.ts';

const returnLine = exceptionLine({
  id: RETURN_LINE,
  bankRef: 'BANK-0003',
  direction: 'debit',
  returned: true,
  amount: { amountMinor: '12000', currency: 'EUR' },
  text: 'RETURN AC04 account closed',
  reason: 'A return the matcher could not pair with a payment.',
});

function renderPage(lines: unknown[], routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({
    'GET /api/statement-lines/exceptions': () => ({ status: 200, body: { items: lines } }),
    [`GET /api/accounts/${ACCOUNT}`]: () => ({ status: 200, body: accountDetail }),
    'GET /api/accounts': () => ({ status: 200, body: { items: [accountDetail.account], total: 1 } }),
    ...routes,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <CashPage view="exceptions" user={manager} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the exception queue', () => {
  it('explains the queue when nothing waits', async () => {
    renderPage([]);
    expect(await screen.findByText(/The exception queue is empty\. Lines land here when no matching rule is sure of them/)).toBeTruthy();
  });

  it('shows each line with amount, date, text, payer, the reason and the suggestion', async () => {
    renderPage([exceptionLine({ suggestion: { ...exceptionLine().suggestion, allocations: [{ invoiceId: INV_OLD, invoiceNumber: 'INV-1', amountMinor: '15000' }] } })]);
    const card = await screen.findByRole('listitem', { name: 'In: €300.00 from Harbour & Pike Ltd' });
    expect(card.textContent).toContain('2026-11-20');
    expect(card.textContent).toContain('Payment for two invoices');
    expect(card.textContent).toContain('Why it waits: The amount fits no open invoice and the text names none.');
    expect(card.textContent).toContain('Suggestion: Harbour & Pike Ltd (C-1001) by payer-name · confidence 40 %: €150.00 to INV-1');
  });

  it('shows a line the bank gave no reference for, saying so', async () => {
    renderPage([exceptionLine({ bankRef: null, counterparty: null })]);
    const card = await screen.findByRole('listitem', { name: /In: €300\.00/ });
    expect(card.textContent).toContain('no bank reference');
  });

  it('matches a line by hand across two invoices and keeps the rest as credit', async () => {
    const { server, user } = renderPage([exceptionLine()], {
      [`POST /api/statement-lines/${LINE}/match`]: () => ({ status: 200, body: { lineId: LINE, status: 'applied', paymentId: PAYMENT, accountId: ACCOUNT } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Match by hand…' }));
    await user.type(await screen.findByLabelText('Amount for INV-1'), '150.00');
    await user.type(screen.getByLabelText('Amount for INV-2'), '120');
    expect(screen.getByRole('status', { name: 'What remains' }).textContent).toBe('Allocated €270.00 of €300.00; €30.00 stays on the account as credit.');
    await user.type(screen.getByLabelText('Note for the audit log (optional)'), 'two invoices by phone');
    await user.click(screen.getByRole('button', { name: 'Apply payment' }));

    expect(await screen.findByText('€300.00 from Harbour & Pike Ltd is applied to Harbour & Pike Ltd.')).toBeTruthy();
    expect(server.calls(`POST /api/statement-lines/${LINE}/match`)[0]?.body).toEqual({
      accountId: ACCOUNT,
      allocations: [
        { invoiceId: INV_NEW, amountMinor: '12000' },
        { invoiceId: INV_OLD, amountMinor: '15000' },
      ],
      note: 'two invoices by phone',
    });
    expect(screen.queryByRole('listitem', { name: /€300\.00/ })).toBeNull();
  });

  it('fills the oldest invoice first on request and refuses more than the line brings', async () => {
    const { user } = renderPage([exceptionLine()]);
    await user.click(await screen.findByRole('button', { name: 'Match by hand…' }));
    await user.click(await screen.findByRole('button', { name: 'Fill oldest first' }));
    expect(screen.getByLabelText<HTMLInputElement>('Amount for INV-1').value).toBe('150.00');
    expect(screen.getByLabelText<HTMLInputElement>('Amount for INV-2').value).toBe('150.00');
    expect(screen.getByRole('status', { name: 'What remains' }).textContent).toBe('All of €300.00 goes to the invoices.');

    await user.clear(screen.getByLabelText('Amount for INV-2'));
    await user.type(screen.getByLabelText('Amount for INV-2'), '200');
    expect(screen.getByRole('status', { name: 'What remains' }).textContent).toContain('€50.00 more than the line’s €300.00');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Apply payment' }).disabled).toBe(true);

    await user.clear(screen.getByLabelText('Amount for INV-2'));
    await user.type(screen.getByLabelText('Amount for INV-2'), '1.234');
    expect(screen.getByText(/EUR has 2 decimal places/)).toBeTruthy();
  });

  it('searches a long list of open invoices by number and keeps amounts typed on the ones filtered away', async () => {
    const many = Array.from({ length: 8 }, (_, n) => ({
      ...accountDetail.invoices[0],
      id: `99999999-9999-4999-8999-99999999999${n}`,
      number: `INV-10${n}`,
      dueDate: `2026-10-1${n}`,
    }));
    const { user } = renderPage([exceptionLine()], { [`GET /api/accounts/${ACCOUNT}`]: () => ({ status: 200, body: { ...accountDetail, invoices: many } }) });
    await user.click(await screen.findByRole('button', { name: 'Match by hand…' }));
    await user.type(await screen.findByLabelText('Amount for INV-101'), '10');
    await user.type(screen.getByLabelText('Find an invoice'), 'INV-107');
    const table = screen.getByRole('table', { name: 'Open invoices' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent?.slice(0, 7))).toEqual(['Invoice', 'INV-101', 'INV-107']);
    await user.type(screen.getByLabelText('Amount for INV-107'), '20');
    expect(screen.getByRole('status', { name: 'What remains' }).textContent).toBe('Allocated €30.00 of €300.00; €270.00 stays on the account as credit.');
  });

  it('names the invoice the ledger refused', async () => {
    const { user } = renderPage([exceptionLine()], {
      [`POST /api/statement-lines/${LINE}/match`]: () => ({
        status: 422,
        body: { error: { code: 'allocation-refused', message: 'The allocations were refused.', details: { fields: [{ in: 'body', path: `allocations[invoiceId=${INV_OLD}]`, reason: 'the invoice is disputed' }] } } },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Match by hand…' }));
    await user.type(await screen.findByLabelText('Amount for INV-1'), '100');
    await user.click(screen.getByRole('button', { name: 'Apply payment' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The allocations were refused.');
    expect(alert.textContent).toContain('INV-1: the invoice is disputed');
  });

  it('pairs a return with the payment of the same amount it takes back', async () => {
    const { server, user } = renderPage([returnLine], {
      [`POST /api/statement-lines/${RETURN_LINE}/reverse`]: () => ({ status: 200, body: { lineId: RETURN_LINE, status: 'applied', paymentId: PAYMENT, accountId: ACCOUNT } }),
    });
    const card = await screen.findByRole('listitem', { name: /Out: €120\.00/ });
    expect(within(card).queryByRole('button', { name: 'Match by hand…' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Pair with its payment…' }));
    const candidates = await screen.findAllByRole('radio');
    expect(candidates).toHaveLength(1);
    await user.click(screen.getByRole('radio', { name: /€120\.00 received 2026-11-10 · BANK-0001/ }));
    await user.click(screen.getByRole('button', { name: 'Reverse this payment' }));
    expect(await screen.findByText(/reversed Harbour & Pike Ltd’s payment; the money is owed again/)).toBeTruthy();
    expect(server.calls(`POST /api/statement-lines/${RETURN_LINE}/reverse`)[0]?.body).toEqual({ paymentId: PAYMENT });
  });

  it('skips a line only with a reason', async () => {
    const { server, user } = renderPage([exceptionLine()], {
      [`POST /api/statement-lines/${LINE}/skip`]: () => ({ status: 200, body: { lineId: LINE, status: 'skipped', paymentId: null, accountId: null } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Skip…' }));
    await user.click(screen.getByRole('button', { name: 'Skip line' }));
    expect(screen.getByText(/Say why this line is not a customer’s payment/)).toBeTruthy();
    expect(server.calls(`POST /api/statement-lines/${LINE}/skip`)).toHaveLength(0);
    await user.type(screen.getByLabelText('Why skip it'), 'Transfer between our own accounts');
    await user.click(screen.getByRole('button', { name: 'Skip line' }));
    expect(await screen.findByText('€300.00 (BANK-0002) is set aside.')).toBeTruthy();
    expect(server.calls(`POST /api/statement-lines/${LINE}/skip`)[0]?.body).toEqual({ reason: 'Transfer between our own accounts' });
  });
});
