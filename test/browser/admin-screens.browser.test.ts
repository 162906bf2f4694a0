import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiSession, eventually } from '../support/api-session.ts';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// An admin works the admin screens in Chromium on the system the README's first command starts: checks the audit
// log's chain and finds it intact, reads in the outbox the reminder a workflow sent to a debtor imported for the
// test, changes a compliance setting, which the API then holds and the audit log records, and creates an API token,
// uses it against the running API as a machine would, and revokes it.
// Screenshots go to test-artifacts/browser/admin-screens/.

const shots = artifactDir('admin-screens');
const ADMIN = 'admin@recoup.local';
const DAY = 86_400_000;
// Reminders go out only inside the debtor's contact hours; the debtor lives where it is early afternoon now.
const DEBTOR_ZONE = daytimeZone();
const DEBTOR_EMAIL = 'hanna@harbour-pike.example';
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

interface OutboxItem {
  id: string;
  rcptTo: string[];
  subject: string;
}
interface Setting {
  customerType: string;
  maxCallAttempts: number;
}

describe('the admin screens in Chromium', () => {
  let system: LaunchedSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: ApiSession;
  let reminder: OutboxItem;

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const adminMenu = () => page.getByRole('navigation', { name: 'Administration' });
  /** Waits until the audit table lists entries and every one's action starts with `prefix`: the filter took. */
  const onlyActionsStartingWith = (prefix: string) =>
    eventually(
      `the audit log to list only ${prefix}* entries`,
      async () => {
        const actions = await page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr td:nth-child(3)').allTextContents();
        return actions.length > 0 && actions.every((action) => action.startsWith(prefix)) ? actions : undefined;
      },
      30_000,
    );

  beforeAll(async () => {
    system = await launchSystem();
    api = await ApiSession.login(system.apiUrl, ADMIN, 'demo-password');
    const csv = [
      'account_ref,account_name,customer_type,time_zone,contact_name,email,consent_email,invoice_number,issue_date,due_date,amount,currency',
      `ADMIN-1,Harbour & Pike Ltd,business,${DEBTOR_ZONE},Hanna Pike,${DEBTOR_EMAIL},true,ADMIN-INV-1,${isoDate(-40)},${isoDate(-10)},420.00,GBP`,
    ].join('\n');
    const imported = await api.request('POST', '/api/imports/portfolio.csv', csv);
    if (imported.status !== 201) throw new Error(`The import answered ${imported.status}: ${JSON.stringify(imported.body)}`);
    // Ten days overdue: the workflow starts at the +7 reminder and sends it at once.
    reminder = await eventually(
      'the reminder to Harbour & Pike in the outbox',
      async () => (await api.get<{ items: OutboxItem[] }>(`/api/outbox?recipient=${encodeURIComponent(DEBTOR_EMAIL)}`)).items[0],
      120_000,
    );
    browser = await launchChromium();
    ({ context, page, errors } = await openPage(browser));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  }, 60_000);

  it('opens the audit log from the Admin menu, runs the chain check and sees the chain intact', async () => {
    await signIn(page, system.apiUrl, ADMIN, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    // The overview's tile, which carries the section's one-line explanation.
    await page.getByRole('link', { name: /^Audit log\s*Who changed what and when/ }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await entries.waitFor();
    // The admin's own sign-in is among the newest entries.
    await entries.getByText('auth.login', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const intact = page.getByText(/^The chain is intact: all [\d,]+ entries match their hashes/);
    await intact.waitFor();
    const verified = Number((/all ([\d,]+) entries/.exec((await intact.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''));
    expect(verified).toBeGreaterThan(0);
    // The check is itself recorded, by the admin who ran it.
    await entries.getByText('audit.chain-verified').first().waitFor();
    await shot('01-audit-log-chain-intact');

    await page.getByLabel('Action').fill('import.');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // The import made for this test, and nothing but imports, once the filtered page has replaced the first one.
    await onlyActionsStartingWith('import.');
    await entries.getByText('import.portfolio').first().waitFor();
    await entries.getByText('Ada Admin').first().waitFor();
    await shot('02-audit-log-filtered');
  });

  it('opens the outbox, finds the reminder by its recipient and reads its text and headers', async () => {
    await adminMenu().getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await page.getByLabel('Recipient').fill('harbour-pike');
    await page.getByRole('button', { name: 'Search' }).click();
    const messages = page.getByRole('table', { name: 'Messages' });
    await messages.getByRole('cell', { name: DEBTOR_EMAIL }).first().waitFor();
    await shot('03-outbox-search');

    await messages.getByRole('link', { name: reminder.subject }).first().click();
    await page.getByRole('heading', { name: reminder.subject }).waitFor();
    const text = page.getByRole('region', { name: 'Text' });
    await text.getByText(/Dear Harbour & Pike Ltd/).waitFor();
    await expect(text.textContent()).resolves.toContain('ADMIN-INV-1');
    await expect(text.textContent()).resolves.toContain('£420.00');
    const headers = (await page.getByRole('region', { name: 'Raw headers' }).locator('pre').textContent()) ?? '';
    expect(headers).toMatch(new RegExp(`^To: .*${DEBTOR_EMAIL.replace(/[.]/g, '\\.')}`, 'm'));
    expect(headers).toMatch(/^List-Unsubscribe:/m);
    expect(headers).not.toContain('Dear Harbour & Pike Ltd');
    await shot('04-outbox-reminder');
  });

  it('changes a compliance setting, which the API then holds and the audit log records', async () => {
    await adminMenu().getByRole('link', { name: 'Compliance settings' }).click();
    const business = page.getByRole('region', { name: 'Business debts' });
    await business.waitFor();
    await business.getByText(/12 CFR 1006\.14\(b\)\(2\)\(i\)/).waitFor();
    await business.getByLabel('Call attempts at most').fill('5');
    await business.getByRole('button', { name: 'Save business debts' }).click();
    await business.getByText(/^Saved\./).waitFor();
    await shot('05-compliance-saved');

    const settings = await api.get<Setting[]>('/api/compliance-settings');
    expect(settings.find((s) => s.customerType === 'business')?.maxCallAttempts).toBe(5);
    expect(settings.find((s) => s.customerType === 'consumer')?.maxCallAttempts).toBe(7);

    await business.getByLabel('Contact until').fill('07:00');
    await business.getByRole('button', { name: 'Save business debts' }).click();
    await business.getByText('must be later than “Contact from”').waitFor();
    await shot('06-compliance-refused');

    await adminMenu().getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action').fill('compliance-setting.');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const entries = page.getByRole('table', { name: 'Audit entries' });
    // One change was saved and one refused: the log holds exactly the saved one.
    await onlyActionsStartingWith('compliance-setting.');
    await expect(entries.locator('tbody tr').count()).resolves.toBe(1);
    await entries.getByText('compliance-setting.updated').waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/^The chain is intact/).waitFor();
    // The check wrote an entry of its own, and the filtered list is read again.
    await onlyActionsStartingWith('compliance-setting.');
    await shot('07-audit-log-setting-change');
  });

  it('creates an API token that reads accounts with no session and is refused outside its scope, then revokes it', async () => {
    await adminMenu().getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'New token' }).waitFor();
    await page.getByLabel('Name').fill('Browser ERP sync');
    await page.getByLabel('Acts as').selectOption({ label: 'Max Manager (manager)' });
    await page.getByRole('checkbox', { name: /accounts:read/ }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByLabel('The new token').textContent()) ?? '';
    expect(secret).toMatch(/^rcp_/);
    await shot('08-api-token-created');

    // The running API, asked by a machine with only the token: no cookie, no CSRF token.
    const asMachine = (path: string, init: RequestInit = {}) =>
      fetch(`${system.apiUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', ...init.headers } });
    const accounts = await asMachine('/api/accounts?q=ADMIN-1');
    expect(accounts.status).toBe(200);
    expect(((await accounts.json()) as { items: { externalRef: string }[] }).items.map((a) => a.externalRef)).toEqual(['ADMIN-1']);
    const users = await asMachine('/api/users');
    expect([users.status, ((await users.json()) as { error: { code: string } }).error.code]).toEqual([403, 'token-route-closed']);
    const imported = await asMachine('/api/imports/portfolio', { method: 'POST', body: JSON.stringify({ accounts: [] }) });
    expect([imported.status, ((await imported.json()) as { error: { code: string } }).error.code]).toEqual([403, 'token-scope-missing']);

    await page.reload();
    const row = page.getByRole('row', { name: /Browser ERP sync/ });
    await row.getByText('Active').waitFor();
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByRole('button', { name: 'Revoke Browser ERP sync' }).click();
    await row.getByText('Revoked').waitFor();
    await shot('09-api-token-revoked');
    const refused = await asMachine('/api/accounts');
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([401, 'token-revoked']);
    // The sign-in page asks who is signed in before anyone is: that 401 is expected. So is the refused setting's 400.
    expect(errors.filter((error) => !/status of (401|400)/.test(error))).toEqual([]);
  });
});
