import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { wallClockAt } from '@recoup/domain';
import { ApiSession, eventually } from '../support/api-session.ts';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';
import { advancePastPromiseDeadline, importOverdueDebtor, publishPromiseChain, taskOfNode, type ChainPromise, type ChainTask } from '../support/promise-chain.ts';

// The broken-promise chain as the three people involved see it in Chromium, on the whole system started as
// `npm start` starts it but with Temporal's time-skipping test server, so the promise's deadline is reached by
// moving Temporal's clock instead of waiting days:
//   1. a collector opens their inbox and completes the call task with a promise to pay;
//   2. the workflow waits, the promise is broken, and the escalation appears in the manager's inbox;
//   3. an admin opens the account's workflow and reads those events in order.
// Screenshots go to test-artifacts/browser/promise-chain/.

const shots = artifactDir('promise-chain');
const SEGMENT = 'browser-promise-chain';
const DEBTOR_ZONE = daytimeZone();
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a broken promise to pay, worked in the browser by a collector, a manager and an admin', () => {
  let system: LaunchedSystem;
  let browser: Browser;
  let admin: ApiSession;
  let accountId: string;
  let accountName: string;
  let callTask: ChainTask;
  let collectorEmail: string;
  let promise: ChainPromise;
  const errors: string[][] = [];

  async function pageFor(email: string, path: string): Promise<{ page: Page; context: BrowserContext }> {
    const { context, page, errors: pageErrors } = await openPage(browser);
    errors.push(pageErrors);
    await signIn(page, system.apiUrl, email, path);
    return { page, context };
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    system = await launchSystem({ temporal: 'time-skipping' });
    admin = await ApiSession.login(system.apiUrl, 'admin@recoup.local', 'demo-password');
    const manager = await ApiSession.login(system.apiUrl, 'manager@recoup.local', 'demo-password');
    await publishPromiseChain(manager, SEGMENT);
    const debtor = await importOverdueDebtor(admin, {
      externalRef: 'BROWSER-PTP',
      segment: SEGMENT,
      timeZone: DEBTOR_ZONE,
      amount: { amountMinor: '50000', currency: 'EUR' },
    });
    accountId = debtor.accountId;
    callTask = await taskOfNode(admin, accountId, 'call');
    accountName = (await admin.get<{ account: { name: string } }>(`/api/accounts/${accountId}`)).account.name;
    const users = await admin.get<{ id: string; email: string }[]>('/api/users');
    const assignee = users.find((u) => u.id === callTask.assigneeId);
    if (!assignee) throw new Error(`The call task is assigned to ${callTask.assigneeId ?? 'nobody'}, not to a known user.`);
    collectorEmail = assignee.email;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  }, 90_000);

  it('1. the collector opens their inbox and completes the call task with a promise to pay', async () => {
    const { page, context } = await pageFor(collectorEmail, '/tasks');
    await page.getByRole('list', { name: 'Tasks' }).waitFor();
    await page.getByLabel('Search accounts').fill(accountName);
    const row = page.getByRole('article', { name: new RegExp(`: ${escape(accountName)}$`) }).first();
    await row.waitFor();
    await shot(page, '01-collector-inbox');
    await row.getByRole('button', { name: 'Log call' }).click();
    await row.getByText('Calling now keeps to the rules on calls: contact hours and call frequency.').waitFor();
    await row.getByLabel('Outcome').selectOption('promise-to-pay');
    await row.getByLabel('Call result').selectOption('conversation');
    await row.getByLabel('Promised amount (EUR)').fill('500.00');
    await row.getByLabel('Promised date').fill(wallClockAt(new Date(), DEBTOR_ZONE).date);
    await row.getByLabel('Note').fill('Will pay in full today.');
    await shot(page, '02-promise-form');
    await row.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByText(`Recorded “Promise to pay” for ${accountName}.`).waitFor();
    await shot(page, '03-promise-recorded');
    await context.close();

    const promises = await admin.get<{ items: ChainPromise[] }>(`/api/accounts/${accountId}/promises`);
    expect(promises.items).toEqual([expect.objectContaining({ status: 'open', taskId: callTask.id })]);
    promise = promises.items[0] as ChainPromise;
    expect(promise).toMatchObject({ amount: { amountMinor: '50000', currency: 'EUR' } });
  });

  it('2. the promise is broken after its deadline, and the escalation appears in the manager’s inbox', async () => {
    await eventually('the run waiting for the promise', async () => {
      const detail = await admin.get<{ workflow: { nodeId: string } | null }>(`/api/accounts/${accountId}`);
      return detail.workflow?.nodeId === 'await-promise' ? true : undefined;
    });
    await advancePastPromiseDeadline(system, admin, accountId);
    await eventually('the promise judged broken', async () => {
      const list = await admin.get<{ items: ChainPromise[] }>(`/api/accounts/${accountId}/promises`);
      return list.items.find((p) => p.id === promise.id && p.status === 'broken');
    });
    await taskOfNode(admin, accountId, 'escalate-broken');

    const { page, context } = await pageFor('manager@recoup.local', '/tasks');
    await page.getByLabel('Search accounts').fill(accountName);
    const review = page.getByRole('article', { name: new RegExp(`^Escalation.*: ${escape(accountName)}$`) });
    await review.waitFor();
    await expect(review.textContent()).resolves.toMatch(/escalation/i);
    await shot(page, '04-manager-inbox-escalation');
    await context.close();
  });

  it('3. the admin opens the account’s workflow and reads the outcome, the promise wait, the judgement and the escalation in order', async () => {
    const { page, context } = await pageFor('admin@recoup.local', `/admin/workflows/${accountId}`);
    const entries = page.getByRole('list', { name: 'Timeline entries' });
    await entries.waitFor();
    await entries.getByText(/Escalated to level/).first().waitFor();
    const texts = await entries.locator(':scope > li').allTextContents();
    const index = (what: string, pattern: RegExp, after = -1): number => {
      const found = texts.findIndex((text, i) => i > after && pattern.test(text));
      if (found < 0) throw new Error(`No ${what} after entry ${after} in the timeline:\n${texts.join('\n')}`);
      return found;
    };
    const outcome = index('task outcome', /Task outcome.*promise-to-pay/s);
    const wait = index('wait for the promise', /^WaitWait.*Waited .*the wait ran out/s, outcome);
    const judged = index('broken judgement', /Promise to pay checked.*Promise .* is broken\./s, wait);
    const escalated = index('escalation', /Escalation.*Escalated to level 2 \(manager-review\)/s, judged);
    expect([outcome, wait, judged, escalated]).toEqual([outcome, wait, judged, escalated].sort((a, b) => a - b));
    await page.getByRole('link', { name: 'Download raw history (JSON)' }).waitFor();
    await shot(page, '05-admin-timeline');
    await context.close();
    expect(errors.flat().filter((e) => !/401/.test(e))).toEqual([]);
  });
});
