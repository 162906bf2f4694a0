import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiSession } from '../support/api-session.ts';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// A manager sets what debtors on a strategy may arrange alone in the portal, in real Chromium against the system
// the README's first command starts: the Debtor portal panel shows the defaults, takes a tighter plan policy and a
// minimum installment in major units, refuses a second minimum for the same currency, and the saved draft holds
// the policy in minor units. Screenshots go to test-artifacts/browser/designer-portal-policy/.

const shots = artifactDir('designer-portal-policy');
const MANAGER = 'manager@recoup.local';

interface SavedPolicy {
  plan?: { maxInstallments?: number; minInstallment?: { currency: string; amountMinor: string }[] };
}

describe('the debtor-portal policy in the strategy designer in Chromium', () => {
  let system: LaunchedSystem;
  let api: ApiSession;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let strategyId = '';

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const savedDraft = async () => (await api.get<{ draft: { portal?: SavedPolicy } }>(`/api/strategies/${strategyId}`)).draft;

  beforeAll(async () => {
    system = await launchSystem();
    api = await ApiSession.login(system.apiUrl, MANAGER, 'demo-password');
    const created = await api.request('POST', '/api/strategies', {
      name: 'Portal policy in the browser',
      draft: {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
          { id: 'end', type: 'end', position: { x: 0, y: 160 }, data: { outcome: 'completed' } },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'end', sourceHandle: 'next' }],
      },
    });
    if (created.status !== 201 && created.status !== 200) throw new Error(`creating the strategy answered ${created.status}: ${JSON.stringify(created.body)}`);
    strategyId = (created.body as { id: string }).id;
    browser = await launchChromium();
    ({ context, page, errors } = await openPage(browser, { width: 1600 }));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  }, 60_000);

  it('shows the default policy of a strategy that sets none', async () => {
    await signIn(page, system.apiUrl, MANAGER, `/strategies/${strategyId}`);
    await page.locator('.react-flow__node[data-id="start"]').waitFor();
    await page.getByRole('tab', { name: 'Debtor portal' }).click();
    await page.getByText('This strategy uses the default policy.').waitFor();
    await expect(page.getByLabel('Most installments').inputValue()).resolves.toBe('6');
    await expect(page.getByLabel('Smallest installment in EUR').inputValue()).resolves.toBe('50.00');
    await expect((await savedDraft()).portal).toBeUndefined();
    await shot('01-defaults');
  });

  it('takes at most 3 installments and a minimum of 25.00 EUR, refusing a second EUR minimum', async () => {
    await page.getByLabel('Most installments').fill('3');
    await page.getByLabel('Smallest installment in EUR').fill('25.00');
    await expect(page.locator('.editor__state').textContent()).resolves.toContain('Unsaved changes');

    await page.getByLabel('Currency of the new minimum').selectOption('EUR');
    await page.getByLabel('Amount of the new minimum').fill('10.00');
    await page.getByRole('button', { name: 'Add currency' }).click();
    const refusal = page.getByText('EUR has a minimum already (25.00 EUR)');
    await refusal.waitFor();
    await refusal.scrollIntoViewIfNeeded();
    await expect(page.getByLabel(/^Smallest installment in /).count()).resolves.toBe(1);
    await shot('02-edited-with-duplicate-refused');
  });

  it('saves the policy in the draft with the amount in minor units', async () => {
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    const portal = (await savedDraft()).portal;
    expect(portal?.plan?.maxInstallments).toBe(3);
    expect(portal?.plan?.minInstallment).toContainEqual({ currency: 'EUR', amountMinor: '2500' });
    await expect(page.locator('.editor__state').textContent()).resolves.toContain('Saved');
    await shot('03-saved');
  });

  it('names a bound out of range in the problems panel and opens the policy from there', async () => {
    await page.getByLabel('Most installments').fill('30');
    const problem = page.locator('.problems__item', { hasText: 'portal.plan.maxInstallments must be at most 24' });
    await problem.waitFor();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await problem.click();
    await expect(page.getByRole('tab', { name: 'Debtor portal' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('.settings__problems').textContent()).resolves.toContain('must be at most 24');
    await shot('04-problem');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('No problems: this strategy can be published.').waitFor();
    await expect(page.getByLabel('Most installments').inputValue()).resolves.toBe('3');
  });

  it('raised no errors in the page', () => {
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
