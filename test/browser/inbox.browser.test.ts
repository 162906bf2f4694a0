import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiSession } from '../support/api-session.ts';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// A collector works their inbox in real Chromium against the system the README's first command starts: the demo
// portfolio's workflows raise call tasks on start, the collector finds one, logs the call with a promise to pay,
// and the workflow takes it. Screenshots go to test-artifacts/browser/inbox/.

const shots = artifactDir('inbox');
const COLLECTOR = 'collector1@recoup.local';

interface InboxTask {
  id: string;
  accountId: string;
  status: string;
  account: { name: string };
  ranking: { parts: { overdue: { amount: { currency: string } } } };
}

describe('the collector inbox in Chromium', () => {
  let system: LaunchedSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: ApiSession;
  let task: InboxTask;

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    system = await launchSystem();
    api = await ApiSession.login(system.apiUrl, COLLECTOR, 'demo-password');
    // The demo workflows reach the call node within moments of the start; a call to a debtor outside contact
    // hours waits, so the first call task of the collector's that may be placed now is the one worked.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const inbox = (await api.request('GET', '/api/tasks/inbox?type=call&limit=50')).body as { items: InboxTask[] };
      for (const candidate of inbox.items) {
        const check = (await api.request('GET', `/api/tasks/${candidate.id}/call-check`)).body as { allowed: boolean };
        if (check.allowed) {
          task = candidate;
          break;
        }
      }
      if (task) break;
      if (Date.now() > deadline) throw new Error('no call task of collector1 appeared within two minutes');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    browser = await launchChromium();
    ({ context, page, errors } = await openPage(browser));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  }, 60_000);

  it('opens the inbox with the most urgent task first and the reasons for each place', async () => {
    await signIn(page, system.apiUrl, COLLECTOR, '/tasks');
    const tasks = page.getByRole('list', { name: 'Tasks' });
    await tasks.waitFor();
    await expect(page.locator('.inbox__why').first().textContent()).resolves.toMatch(/past due · (predicted |imported )?risk .* · strategy: normal/);
    await shot('01-inbox');
  });

  it('completes a call task with a promise to pay, and the workflow takes it', async () => {
    await page.getByLabel('Search accounts').fill(task.account.name);
    const row = page.getByRole('article', { name: new RegExp(task.account.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
    await row.getByRole('button', { name: 'Log call' }).click();
    await row.getByText('Calling now keeps to the rules on calls: contact hours and call frequency.').waitFor();
    await row.getByLabel('Outcome').selectOption('promise-to-pay');
    await row.getByLabel('Call result').selectOption('conversation');
    const currency = task.ranking.parts.overdue.amount.currency;
    await row.getByLabel(`Promised amount (${currency})`).fill('10');
    await row.getByLabel('Promised date').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await row.getByLabel('Note').fill('Pays next week after the salary arrives.');
    await shot('02-complete-call-form');
    await row.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByText(`Recorded “Promise to pay” for ${task.account.name}.`).waitFor();
    await shot('03-recorded');

    const done = (await api.request('GET', `/api/tasks/${task.id}`)).body as { status: string; outcome: string };
    expect(done).toMatchObject({ status: 'done', outcome: 'promise-to-pay' });
    const account = (await api.request('GET', `/api/accounts/${task.accountId}`)).body as { promises: { status: string; source: string }[] };
    expect(account.promises).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'open', source: 'task' })]));
    // The sign-in page asks who is signed in before anyone is: that 401 is expected.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });

  it('shows the account 360 with the promise and why the workflow called', async () => {
    await page.goto(`${system.apiUrl}/accounts/${task.accountId}`);
    await page.getByRole('heading', { name: task.account.name }).waitFor();
    await page.getByRole('list', { name: 'Decisions' }).getByText('The collector recorded the outcome “promise-to-pay”').waitFor();
    await expect(page.getByText(/Promise .*by .*: open/).count()).resolves.toBeGreaterThan(0);
    await shot('04-account-360');
  });
});
