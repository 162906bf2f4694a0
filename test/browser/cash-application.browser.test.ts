import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AccountDetail, AccountSummary, Page as ListPage } from '@recoup/contracts';
import { currencyExponent, formatMoney, isCurrency } from '@recoup/domain';
import { camt053 } from '../../packages/domain/test/support/camt053.ts';
import { ApiSession, eventually } from '../support/api-session.ts';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// A manager works the cash-application page in real Chromium on the system as `npm start` launches it, with its
// demo portfolio: they drop a camt.053 file on the page and watch its reconciliation reach the end, match the line
// no rule could place by hand across two invoices of a demo account (the rest kept as credit), and release an
// MT940 statement whose closing balance does not add up. What the page did is checked through the API.
// Screenshots go to test-artifacts/browser/cash-application/.

const shots = artifactDir('cash-application');
const MANAGER = 'manager@recoup.local';
const DAY = 86_400_000;

interface OpenInvoice {
  id: string;
  number: string;
  openMinor: bigint;
}

interface DemoAccount {
  id: string;
  externalRef: string;
  name: string;
  currency: string;
  invoices: OpenInvoice[];
}

interface StatementDetail {
  status: string;
  progress: { lines: number; applied: number; exceptions: number; appliedMinor: { currency: string; amountMinor: string }[] };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "12345" minor units of a two-decimal currency, as MT940 writes them: "123,45". */
const mt940Amount = (minor: bigint) => `${minor / 100n},${String(minor % 100n).padStart(2, '0')}`;
/** Major units as a person types them: "123.45". */
const typed = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
const yymmdd = (date: Date) => date.toISOString().slice(2, 10).replace(/-/g, '');

/** Demo accounts the manager may work, with their open invoices, in one two-decimal currency: the one most have. */
async function demoAccounts(api: ApiSession): Promise<DemoAccount[]> {
  const list = await api.get<ListPage<AccountSummary>>('/api/accounts?limit=60');
  const accounts: DemoAccount[] = [];
  for (const summary of list.items) {
    const detail = await api.get<AccountDetail>(`/api/accounts/${summary.id}`);
    const disputed = new Set(detail.disputes.filter((d) => d.status === 'open').flatMap((d) => d.items.map((i) => i.invoiceId)));
    const invoices = detail.invoices
      .filter((i) => i.status === 'open' && i.open.currency === summary.currency && BigInt(i.open.amountMinor) > 0n && !disputed.has(i.id))
      .map((i) => ({ id: i.id, number: i.number, openMinor: BigInt(i.open.amountMinor) }));
    if (isCurrency(summary.currency) && currencyExponent(summary.currency) === 2 && invoices.length > 0) {
      accounts.push({ id: summary.id, externalRef: summary.externalRef, name: summary.name, currency: summary.currency, invoices });
    }
  }
  const counts = new Map<string, number>();
  for (const a of accounts) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1);
  const currency = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return accounts.filter((a) => a.currency === currency);
}

describe('the cash-application workspace in Chromium', () => {
  let system: LaunchedSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: ApiSession;
  let currency: string;
  /** Paid in full by the camt.053 file, by its invoice number. */
  let paid: DemoAccount;
  /** Paid by a line no rule can place, then matched by hand across two of its invoices. */
  let split: DemoAccount;
  /** Paid by the unbalanced MT940 statement, once released. */
  let held: DemoAccount;
  const camtId = `UI-CAMT-${Date.now()}`;
  const payer = 'Unlisted Trading Co';
  let splitAmounts: { first: bigint; second: bigint; credit: bigint };

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const money = (minor: bigint) => {
    if (!isCurrency(currency)) throw new Error(`${currency} is not a currency`);
    return formatMoney({ amountMinor: minor, currency });
  };

  beforeAll(async () => {
    system = await launchSystem();
    api = await ApiSession.login(system.apiUrl, MANAGER, 'demo-password');
    const accounts = await demoAccounts(api);
    const two = accounts.find((a) => a.invoices.length >= 2);
    if (!two) throw new Error('no demo account of the manager has two open invoices in one currency');
    split = two;
    const others = accounts.filter((a) => a.id !== split.id);
    if (others.length < 2) throw new Error('the demo portfolio has too few open accounts in one currency');
    [paid, held] = others as [DemoAccount, DemoAccount];
    currency = split.currency;
    const [first, second] = split.invoices as [OpenInvoice, OpenInvoice];
    // The whole of one invoice, part of the other, and a little more that stays on the account as credit.
    splitAmounts = { first: first.openMinor, second: second.openMinor > 1n ? second.openMinor / 2n : second.openMinor, credit: 1_000n };
    browser = await launchChromium();
    ({ context, page, errors } = await openPage(browser));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  }, 60_000);

  it('takes a camt.053 file dropped on the page and shows its reconciliation until it is reconciled', async () => {
    const invoice = paid.invoices[0] as OpenInvoice;
    const lineMinor = splitAmounts.first + splitAmounts.second + splitAmounts.credit;
    const valueDate = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const xml = camt053({
      messageId: camtId,
      iban: 'DE89370400440532013000',
      currency,
      entries: [
        { bankRef: `${camtId}-1`, amountMinor: invoice.openMinor, currency, text: `Invoice ${invoice.number}`, payer: paid.name, valueDate },
        { bankRef: `${camtId}-2`, amountMinor: lineMinor, currency, text: 'Payment as agreed on the phone', payer, valueDate },
      ],
    });

    await signIn(page, system.apiUrl, MANAGER, '/cash');
    await page.getByRole('heading', { name: 'Cash application' }).waitFor();
    await page.getByRole('navigation', { name: 'Cash application' }).getByRole('link', { name: 'Statements' }).waitFor();
    await shot('01-statements-empty');

    // A real drop event, with the file in its DataTransfer, as a file dragged from the desktop brings it.
    // Built in the page from a string, since the test itself is compiled without the DOM's types.
    const dataTransfer = await page.evaluateHandle(
      `(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(xml)}], ${JSON.stringify(`${camtId}.xml`)}, { type: 'application/xml' })); return t; })()`,
    );
    await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer });
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    await page.getByText(new RegExp(`${camtId}\\.xml .* is ready to import`)).waitFor();
    await expect(page.getByLabel('Format').inputValue()).resolves.toBe('auto');
    await shot('02-file-dropped');
    await page.getByRole('button', { name: 'Import statement' }).click();
    // Left to the server, the format is told from the file itself.
    await page.getByText(new RegExp(`Imported ${escapeRegExp(camtId)}.* as camt\\.053: 2 lines, 2 new\\.`)).waitFor();

    const progress = page.getByRole('region', { name: 'Reconciliation progress' });
    await progress.getByRole('progressbar').waitFor();
    await shot('03-reconciling');
    await progress.getByText('Reconciled', { exact: true }).waitFor({ timeout: 90_000 });
    const bar = progress.getByRole('progressbar');
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('2');
    await expect(bar.getAttribute('aria-valuemax')).resolves.toBe('2');
    const counts = await progress.getByRole('list').textContent();
    expect(counts).toContain('1 applied');
    expect(counts).toContain('1 exceptions');
    expect(counts).toContain(`Applied: ${money(invoice.openMinor)}`);

    const row = page.getByRole('table', { name: 'Bank statements' }).getByRole('row', { name: new RegExp(escapeRegExp(camtId)) });
    await row.getByText('Reconciled').waitFor();
    await shot('04-reconciled');

    const list = await api.get<{ id: string; statementRef: string }[]>('/api/bank-statements');
    const statement = list.find((s) => s.statementRef.startsWith(camtId));
    if (!statement) throw new Error('the statement is not listed');
    const detail = await api.get<StatementDetail>(`/api/bank-statements/${statement.id}`);
    expect(detail).toMatchObject({ status: 'reconciled', progress: { lines: 2, applied: 1, exceptions: 1, appliedMinor: [{ currency, amountMinor: invoice.openMinor.toString() }] } });
  });

  it('matches the exception by hand across two invoices of a demo account and keeps the rest as credit', async () => {
    const [first, second] = split.invoices as [OpenInvoice, OpenInvoice];
    const lineMinor = splitAmounts.first + splitAmounts.second + splitAmounts.credit;
    await page.getByRole('navigation', { name: 'Cash application' }).getByRole('link', { name: 'Exceptions' }).click();
    const card = page.getByRole('listitem', { name: `In: ${money(lineMinor)} from ${payer}` });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('Why it waits:');
    await shot('05-exception-queue');

    await card.getByRole('button', { name: 'Match by hand…' }).click();
    await card.getByLabel('Customer account').fill(split.externalRef);
    await card.getByRole('list', { name: 'Matching accounts' }).getByRole('button', { name: new RegExp(escapeRegExp(split.externalRef)) }).first().click();
    await card.getByLabel(`Amount for ${first.number}`).fill(typed(splitAmounts.first));
    await card.getByLabel(`Amount for ${second.number}`).fill(typed(splitAmounts.second));
    await expect(card.getByRole('status', { name: 'What remains' }).textContent()).resolves.toBe(
      `Allocated ${money(splitAmounts.first + splitAmounts.second)} of ${money(lineMinor)}; ${money(splitAmounts.credit)} stays on the account as credit.`,
    );
    await card.getByLabel('Note for the audit log (optional)').fill('The customer named both invoices on the phone');
    await shot('06-manual-match-split');
    await card.getByRole('button', { name: 'Apply payment' }).click();
    await page.getByText(`${money(lineMinor)} from ${payer} is applied to ${split.name}.`).waitFor();
    await shot('07-matched');

    const account = await api.get<AccountDetail>(`/api/accounts/${split.id}`);
    const payment = account.payments.find((p) => p.amount.amountMinor === lineMinor.toString() && p.payerName === payer);
    expect(payment).toBeDefined();
    expect(payment?.unallocated.amountMinor).toBe(splitAmounts.credit.toString());
    expect(payment?.allocations.map((a) => [a.invoiceId, a.amountMinor]).sort()).toEqual(
      [
        [first.id, splitAmounts.first.toString()],
        [second.id, splitAmounts.second.toString()],
      ].sort(),
    );
    const open = new Map(account.invoices.map((i) => [i.id, i.open.amountMinor]));
    expect(open.get(first.id)).toBe((first.openMinor - splitAmounts.first).toString());
    expect(open.get(second.id)).toBe((second.openMinor - splitAmounts.second).toString());
  });

  it('holds an MT940 statement whose closing balance does not add up, and reconciles it once the manager releases it', async () => {
    const invoice = held.invoices[0] as OpenInvoice;
    const ref = `UI-MT940-${Date.now()}`;
    const today = new Date();
    const opening = 100_000n;
    const wrongBy = 1_250n;
    const mt940 = [
      '{1:F01RECOUPBANKXXX0000000000}{2:O9400000261120RECOUPBANKXXX00000000002611200000N}{4:',
      `:20:${ref}`,
      ':25:DE89370400440532013000',
      ':28C:1/1',
      `:60F:C${yymmdd(today)}${currency}${mt940Amount(opening)}`,
      `:61:${yymmdd(today)}C${mt940Amount(invoice.openMinor)}NTRFNONREF//${ref}-1`,
      `:86:Invoice ${invoice.number}`,
      `:62F:C${yymmdd(today)}${currency}${mt940Amount(opening + invoice.openMinor + wrongBy)}`,
      '-}',
      '',
    ].join('\r\n');

    await page.getByRole('navigation', { name: 'Cash application' }).getByRole('link', { name: 'Statements' }).click();
    await page.getByLabel('Bank statement file').setInputFiles({ name: `${ref}.sta`, mimeType: 'text/plain', buffer: Buffer.from(mt940) });
    await page.getByText(new RegExp(`${escapeRegExp(ref)}\\.sta .* is ready to import`)).waitFor();
    await page.getByRole('button', { name: 'Import statement' }).click();
    await page.getByText(/It does not balance, so it is held/).waitFor();
    const row = page.getByRole('table', { name: 'Bank statements' }).getByRole('row', { name: new RegExp(escapeRegExp(ref)) });
    await row.getByText('Unbalanced').waitFor();
    await expect(row.getByRole('list', { name: 'Why it does not balance' }).textContent()).resolves.toContain(money(wrongBy));
    await shot('08-unbalanced-held');

    const before = await api.get<AccountDetail>(`/api/accounts/${held.id}`);
    expect(before.invoices.find((i) => i.id === invoice.id)?.open.amountMinor).toBe(invoice.openMinor.toString());

    await row.getByRole('button', { name: 'Release…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Release this unbalanced statement' });
    await dialog.getByLabel('Reason').fill('The bank confirmed the closing balance on the file is wrong');
    await shot('09-release-reason');
    await dialog.getByRole('button', { name: 'Release and reconcile' }).click();
    // The statement is known by its :20: reference and :28C: number.
    await page.getByText(new RegExp(`${escapeRegExp(ref)}\\S* is released; its reconciliation has started\\.`)).waitFor();
    const released = page.getByRole('region', { name: 'Released statement' });
    await released.getByText('Reconciled', { exact: true }).waitFor({ timeout: 90_000 });
    await expect(released.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('1');
    await row.getByText('Reconciled').waitFor();
    await shot('10-released-reconciled');

    await eventually('the released line to be applied', async () => {
      const after = await api.get<AccountDetail>(`/api/accounts/${held.id}`);
      return after.invoices.find((i) => i.id === invoice.id)?.open.amountMinor === '0' ? true : undefined;
    });
    // The sign-in page asks who is signed in before anyone is: that 401 is expected.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
