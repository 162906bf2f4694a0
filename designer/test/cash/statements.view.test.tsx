import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { CashPage } from '../../src/cash/cash.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';
import { detail, heldStatement, HELD, importResult, manager, reconciledStatement, STATEMENT } from './cash-fixtures.ts';

const CAMT = '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"></Document>';

function renderPage(routes: Record<string, FakeRoute>) {
  const server = fakeServer({ 'GET /api/bank-statements': () => ({ status: 200, body: [] }), ...routes });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <CashPage view="statements" user={manager} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, name: string, text: string) {
  await user.upload(screen.getByLabelText('Bank statement file'), new File([text], name, { type: 'text/plain' }));
  await screen.findByText(new RegExp(`${name.replace('.', '\\.')} .* is ready to import`));
}

afterEach(cleanup);

describe('the statements view', () => {
  it('explains what the page is for while no statement is imported', async () => {
    renderPage({});
    expect(await screen.findByText(/No bank statement has been imported yet/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Format').value).toBe('auto');
  });

  it('sends the file as it is, leaves the format to the server by default, and follows the progress until reconciled', async () => {
    let reads = 0;
    const { server, user } = renderPage({
      'POST /api/bank-statements': () => ({
        status: 201,
        body: importResult(),
      }),
      [`GET /api/bank-statements/${STATEMENT}`]: () => {
        reads += 1;
        return reads === 1
          ? { status: 200, body: detail('reconciling', { pending: 3, applied: 1, appliedMinor: [{ currency: 'EUR', amountMinor: '12000' }] }) }
          : { status: 200, body: detail('reconciled', { applied: 3, exceptions: 1, appliedMinor: [{ currency: 'EUR', amountMinor: '123450' }] }) };
      },
    });
    await chooseFile(user, 'november.xml', CAMT);
    await user.click(screen.getByRole('button', { name: 'Import statement' }));

    const bar = await screen.findByRole('progressbar', { name: 'Reconciling november.xml' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    await screen.findByText('Reconciled');
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    const counts = screen.getByRole('list', { name: 'Reconciling november.xml: counts' });
    expect(counts.textContent).toContain('3 applied');
    expect(counts.textContent).toContain('1 exceptions');
    expect(counts.textContent).toContain('Applied: €1,234.50');

    const upload = server.calls('POST /api/bank-statements')[0];
    expect(upload?.url.searchParams.has('format')).toBe(false);
    expect(upload?.url.searchParams.get('filename')).toBe('november.xml');
    expect(upload?.contentType).toBe('application/octet-stream');
    expect(upload?.body).toBe(CAMT);
  });

  it('takes a file dropped on the drop zone', async () => {
    renderPage({});
    await screen.findByText(/No bank statement has been imported yet/);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [new File([CAMT], 'dropped.xml', { type: 'application/xml' })] } });
    expect(await screen.findByText(/dropped\.xml .* is ready to import/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import statement' }).disabled).toBe(false);
  });

  it('shows the line the refused file names', async () => {
    const { user } = renderPage({
      'POST /api/bank-statements': () => ({
        status: 422,
        body: { error: { code: 'statement-invalid', message: 'The mt940 file was refused, nothing was imported: the amount is not a number.', details: { where: 'line 7 (:61:)' } } },
      }),
    });
    await chooseFile(user, 'broken.sta', ':20:X\n:61:garbage');
    await user.selectOptions(screen.getByLabelText('Format'), 'mt940');
    await user.click(screen.getByRole('button', { name: 'Import statement' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the amount is not a number');
    expect(within(alert).getByText('line 7 (:61:)')).toBeTruthy();
  });

  it('asks for a mapping before sending a CSV export, then sends its name', async () => {
    const { server, user } = renderPage({
      'POST /api/bank-statements': () => ({ status: 422, body: { error: { code: 'statement-mapping-unknown', message: 'There is no saved CSV mapping named "bank-x".', details: { fields: [{ path: 'mapping', reason: 'no saved mapping has this name' }] } } } }),
    });
    await chooseFile(user, 'export.csv', 'date,amount\n2026-11-20,10.00');
    await user.selectOptions(screen.getByLabelText('Format'), 'csv');
    await user.click(screen.getByRole('button', { name: 'Import statement' }));
    expect(await screen.findByText(/read through a saved column mapping/)).toBeTruthy();
    expect(server.calls('POST /api/bank-statements')).toHaveLength(0);

    await user.type(screen.getByLabelText('Column mapping'), 'bank-x');
    await user.click(screen.getByRole('button', { name: 'Import statement' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('mapping: no saved mapping has this name');
    const sent = server.calls('POST /api/bank-statements')[0]?.url.searchParams;
    expect(sent?.get('format')).toBe('csv');
    expect(sent?.get('mapping')).toBe('bank-x');
  });

  it('says plainly when the file was imported before and which lines were already seen', async () => {
    const { user } = renderPage({
      'POST /api/bank-statements': () => ({
        status: 201,
        body: importResult({
          statementRef: 'CAMT-2026-11-21',
          lines: 3,
          newLines: 2,
          alreadySeen: 1,
          status: 'reconciling',
          alreadySeenLines: [
            { source: 'Ntry[1]', matchedLineId: 'abcdef12-0000', matchedStatementId: '99999999-0000', matchedSource: 'Ntry[3]', reason: 'the bank reference BANK-0001 was imported on 20 Nov' },
          ],
        }),
      }),
      [`GET /api/bank-statements/${STATEMENT}`]: () => ({ status: 200, body: detail('reconciled', { lines: 2, applied: 2 }) }),
    });
    await chooseFile(user, 'again.xml', CAMT);
    await user.click(screen.getByRole('button', { name: 'Import statement' }));
    expect(await screen.findByText(/1 already imported before and skipped/)).toBeTruthy();
    const seen = screen.getByRole('table', { name: 'Lines already imported' });
    expect(within(seen).getByRole('row', { name: /Ntry\[1\]/ }).textContent).toContain('the bank reference BANK-0001 was imported on 20 Nov');
  });

  it('says a duplicate file changed nothing', async () => {
    const { user } = renderPage({
      'POST /api/bank-statements': () => ({ status: 200, body: importResult({ duplicate: true, newLines: 0, alreadySeen: 4, status: 'reconciled' }) }),
      [`GET /api/bank-statements/${STATEMENT}`]: () => ({ status: 200, body: detail('reconciled', { applied: 4 }) }),
    });
    await chooseFile(user, 'november.xml', CAMT);
    await user.click(screen.getByRole('button', { name: 'Import statement' }));
    expect(await screen.findByText(/was imported before\. Nothing changed/)).toBeTruthy();
  });

  it('lists statements with money applied per currency and marks the unbalanced one with its difference', async () => {
    renderPage({ 'GET /api/bank-statements': () => ({ status: 200, body: [heldStatement, reconciledStatement] }) });
    const table = await screen.findByRole('table', { name: 'Bank statements' });
    const reconciled = within(table).getByRole('row', { name: /november\.xml/ });
    expect(reconciled.textContent).toContain('€1,234.50 · $50.00');
    expect(reconciled.textContent).toContain('3 applied · 1 exceptions');
    const held = within(table).getByRole('row', { name: /held\.sta/ });
    expect(held.textContent).toContain('Unbalanced');
    expect(held.textContent).toContain('−€12.50 on DE89370400440532013000 at :62F:');
    expect(within(reconciled).queryByRole('button', { name: 'Release…' })).toBeNull();
  });

  it('names a count that is off and shows who decided on a held statement and why', async () => {
    const rejected = {
      ...heldStatement,
      id: STATEMENT,
      filename: 'bai.txt',
      status: 'rejected',
      imbalances: [{ where: '98 record', account: '0001', currency: 'USD', differenceMinor: null, message: 'the file says 3 groups, it has 2' }],
      review: { decision: 'rejected', reason: 'The bank sent a corrected file', byUserId: 'u-manager', at: '2026-11-21T09:00:00.000Z' },
    };
    renderPage({ 'GET /api/bank-statements': () => ({ status: 200, body: [rejected] }) });
    const row = await screen.findByRole('row', { name: /bai\.txt/ });
    expect(row.textContent).toContain('A count on 0001 at 98 record: the file says 3 groups, it has 2');
    expect(row.textContent).toMatch(/Rejected .*: The bank sent a corrected file/);
    expect(within(row).queryByRole('button', { name: 'Release…' })).toBeNull();
  });

  it('keeps a statement that is still reconciling up to date in the list', async () => {
    let reads = 0;
    renderPage({
      'GET /api/bank-statements': () => {
        reads += 1;
        return { status: 200, body: [reads === 1 ? { ...reconciledStatement, status: 'reconciling', progress: { ...reconciledStatement.progress, applied: 1, pending: 2 } } : reconciledStatement] };
      },
    });
    const row = await screen.findByRole('row', { name: /november\.xml/ });
    expect(row.textContent).toContain('Reconciling');
    await within(row).findByText('Reconciled');
    expect(row.textContent).toContain('3 applied');
  });

  it('releases an unbalanced statement only with a reason, then follows its reconciliation', async () => {
    let released = false;
    const { server, user } = renderPage({
      'GET /api/bank-statements': () => ({ status: 200, body: [released ? { ...heldStatement, status: 'reconciling', imbalances: heldStatement.imbalances } : heldStatement] }),
      [`POST /api/bank-statements/${HELD}/release`]: () => {
        released = true;
        return { status: 202, body: { ...detail('reconciling'), id: HELD } };
      },
      [`GET /api/bank-statements/${HELD}`]: () => ({ status: 200, body: { ...detail('reconciled', { lines: 2, applied: 2 }), id: HELD, filename: 'held.sta' } }),
    });
    const row = await screen.findByRole('row', { name: /held\.sta/ });
    await user.click(within(row).getByRole('button', { name: 'Release…' }));
    const dialog = screen.getByRole('dialog', { name: 'Release this unbalanced statement' });
    await user.click(within(dialog).getByRole('button', { name: 'Release and reconcile' }));
    expect(within(dialog).getByText(/Give a reason/)).toBeTruthy();
    expect(server.calls(`POST /api/bank-statements/${HELD}/release`)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Reason'), 'Bank confirmed the closing balance is wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Release and reconcile' }));
    expect(await screen.findByText(/STMT-0099 is released/)).toBeTruthy();
    expect(server.calls(`POST /api/bank-statements/${HELD}/release`)[0]?.body).toEqual({ reason: 'Bank confirmed the closing balance is wrong' });
    const panel = screen.getByRole('region', { name: 'Released statement' });
    expect(await within(panel).findByText('Reconciled')).toBeTruthy();
  });

  it('shows the server’s refusal of a rejection in the dialog', async () => {
    const { user } = renderPage({
      'GET /api/bank-statements': () => ({ status: 200, body: [heldStatement] }),
      [`POST /api/bank-statements/${HELD}/reject`]: () => ({ status: 409, body: { error: { code: 'statement-not-unbalanced', message: 'Only an unbalanced statement can be rejected.' } } }),
    });
    const row = await screen.findByRole('row', { name: /held\.sta/ });
    await user.click(within(row).getByRole('button', { name: 'Reject…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject this statement' });
    await user.type(within(dialog).getByLabelText('Reason'), 'Wrong account');
    await user.click(within(dialog).getByRole('button', { name: 'Reject statement' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Only an unbalanced statement can be rejected.');
  });
});
