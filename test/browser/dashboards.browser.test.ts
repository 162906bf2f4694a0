import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AccountDetail, AccountSummary, Page as ListPage } from '@recoup/contracts';
import { ageReceivables, formatMoney, type AgingRow } from '@recoup/domain';
import { ApiSession } from '../support/api-session.ts';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// A manager opens the dashboards on the system as `npm start` launches it, with its demo portfolio, and reads the
// aging buckets. The expected buckets are worked out here, independently of the dashboard's SQL: every invoice is
// read through the accounts API and bucketed in JS by the domain's ageReceivables (an invoice counts once it is
// issued). Screenshots go to test-artifacts/browser/dashboards/.

const shots = artifactDir('dashboards');

interface Invoice {
  issueDate: string;
  dueDate: string;
  openMinor: bigint;
  currency: string;
  status: string;
}

async function readInvoices(api: ApiSession): Promise<Invoice[]> {
  const list = await api.get<ListPage<AccountSummary>>('/api/accounts?limit=500');
  expect(list.total).toBeLessThanOrEqual(500);
  const invoices: Invoice[] = [];
  for (const account of list.items) {
    const detail = await api.get<AccountDetail>(`/api/accounts/${account.id}`);
    for (const invoice of detail.invoices) {
      invoices.push({
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        openMinor: BigInt(invoice.open.amountMinor),
        currency: invoice.open.currency,
        status: invoice.status,
      });
    }
  }
  return invoices;
}

describe('the dashboards in Chromium', () => {
  let system: LaunchedSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let expected: AgingRow[];
  let mainCurrency: string;
  const today = new Date().toISOString().slice(0, 10);

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  /** The aging table as the page shows it: [bucket key, invoice count, amount in minor units, amount as shown]. */
  const shownBuckets = () =>
    page.getByRole('table', { name: 'Aging buckets' }).locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = row.querySelectorAll('td');
        return [row.getAttribute('data-bucket'), cells[0]?.textContent, cells[1]?.getAttribute('data-amount-minor'), cells[1]?.textContent];
      }),
    );

  const expectedBuckets = (currency: string) => {
    const row = expected.find((r) => r.currency === currency);
    if (!row) throw new Error(`no expected aging for ${currency}`);
    return row.buckets.map((b) => [b.key, String(b.invoiceCount), b.totalMinor.toString(), formatMoney({ amountMinor: b.totalMinor, currency: row.currency })]);
  };

  beforeAll(async () => {
    system = await launchSystem();
    const api = await ApiSession.login(system.apiUrl, 'manager@recoup.local', 'demo-password');
    const invoices = (await readInvoices(api)).filter((i) => i.status !== 'cancelled' && i.issueDate <= today);
    expected = ageReceivables(invoices, new Date(`${today}T12:00:00Z`));
    // The dashboard opens on the portfolio's main currency: the one most invoices are in.
    const counts = new Map<string, number>();
    for (const i of invoices) counts.set(i.currency, (counts.get(i.currency) ?? 0) + 1);
    mainCurrency = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
    browser = await launchChromium();
    ({ context, page, errors } = await openPage(browser, { acceptDownloads: true }));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  }, 60_000);

  it('shows a manager the aging buckets of the main currency exactly as the invoices age', async () => {
    await signIn(page, system.apiUrl, 'manager@recoup.local', '/dashboards');
    await page.getByRole('table', { name: 'Aging buckets' }).waitFor();
    await expect(page.getByText(new RegExp(`${mainCurrency}\\. Amounts in other currencies`)).count()).resolves.toBe(1);
    expect(await shownBuckets()).toEqual(expectedBuckets(mainCurrency));
    await expect(page.getByRole('list', { name: 'Key figures' }).getByText('Simple DSO').count()).resolves.toBe(1);
    await shot('01-dashboard-main-currency');
  });

  it('shows another currency’s buckets on their own when the manager picks it', async () => {
    const other = expected.map((r) => r.currency).find((c) => c !== mainCurrency);
    if (!other) throw new Error('the demo portfolio has a single currency');
    await page.getByLabel('Currency').selectOption(other);
    await page.getByText(new RegExp(`${other}\\. Amounts in other currencies`)).waitFor();
    expect(await shownBuckets()).toEqual(expectedBuckets(other));
    await shot('02-dashboard-other-currency');
  });

  it('downloads the aging block as CSV with the figures shown', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV: Aging' }).click();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(await (await download).path(), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('as_of,bucket,label,from_days,to_days,currency,amount_minor,invoice_count');
    const shown = await shownBuckets();
    expect(csv.slice(1).map((line) => line.split(',')).map((cells) => [cells[1], cells[7], cells[6]])).toEqual(shown.map((b) => [b[0], b[1], b[2]]));
  });

  it('raised no errors in the page', () => {
    // The sign-in page asks who is signed in before anyone is: that 401 is expected.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
