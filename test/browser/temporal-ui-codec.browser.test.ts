import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page, Response } from 'playwright-core';
import { ApiSession, eventually } from '../support/api-session.ts';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// The Temporal Web UI of the system the README's first command starts, in Chromium, reading a collection workflow
// whose payloads Recoup encrypts. Pointed at Recoup's codec endpoint (the UI's own codec settings, kept in its
// local storage, with cross-origin credentials on), it shows the workflow's input in plain text to a signed-in
// admin; a browser without an admin session gets 401 from the codec, and the UI says so and shows only ciphertext.
// Screenshots go to test-artifacts/browser/temporal-ui-codec/.

const shots = artifactDir('temporal-ui-codec');
const ADMIN = 'admin@recoup.local';

interface Health {
  temporalUiUrl: string | null;
}
interface Run {
  workflowId: string;
  strategyVersionId: string;
}

describe('the Temporal Web UI with the codec endpoint', () => {
  let system: LaunchedSystem;
  let browser: Browser;
  let uiUrl: string;
  let run: Run;

  beforeAll(async () => {
    system = await launchSystem();
    const api = await ApiSession.login(system.apiUrl, ADMIN, 'demo-password');
    uiUrl = (await api.get<Health>('/api/health')).temporalUiUrl ?? '';
    if (!uiUrl) throw new Error('The launched system reports no Temporal Web UI');
    // Any of the demo portfolio's running workflows: its input names the strategy version it runs.
    run = await eventually(
      'a running collection workflow of the demo portfolio',
      async () => {
        const page = await api.get<{ items: { workflowId: string; strategyVersionId?: string | null }[] }>('/api/admin/workflows?status=running');
        const first = page.items.find((item) => item.strategyVersionId);
        return first ? { workflowId: first.workflowId, strategyVersionId: first.strategyVersionId ?? '' } : undefined;
      },
      60_000,
    );
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  }, 60_000);

  /** Opens the workflow in the Web UI with Recoup's codec endpoint set, as an operator sets it once per browser. */
  const openWorkflow = async (page: Page): Promise<Response> => {
    const endpoint = `${system.apiUrl}/api/admin/temporal-codec`;
    await page.goto(uiUrl);
    await page.evaluate((codec) => {
      localStorage.setItem('endpoint', JSON.stringify(codec));
      localStorage.setItem('includeCredentials', 'true');
      localStorage.setItem('overrideRemoteCodecConfiguration', 'true');
    }, endpoint);
    // The UI adds query parameters of its own (preserveStorageRefs), so the path alone identifies the call.
    const decodePath = new URL(`${endpoint}/decode`).pathname;
    const decoded = page.waitForResponse(
      (response) => new URL(response.url()).pathname === decodePath && response.request().method() === 'POST',
      { timeout: 60_000 },
    );
    await page.goto(`${uiUrl}/namespaces/default/workflows/${encodeURIComponent(run.workflowId)}`);
    return decoded;
  };

  it("shows a signed-in admin the workflow's input decoded through Recoup's codec endpoint", async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, system.apiUrl, ADMIN);
      const decode = await openWorkflow(page);
      expect(decode.status()).toBe(200);
      // The input's field names are in the decoded JSON only; the ids may also be search attributes, shown plain.
      await page.getByText(/"accountId"/).first().waitFor({ timeout: 60_000 });
      await page.screenshot({ path: join(shots, '01-admin-decoded.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('shows a browser without an admin session only the encrypted payload: the codec answers 401', async () => {
    const { context, page } = await openPage(browser);
    try {
      const decode = await openWorkflow(page);
      expect(decode.status()).toBe(401);
      // The UI says the codec refused it and shows the input as the ciphertext it is: no field of it is readable.
      await page.getByText('Codec Server could not connect').filter({ visible: true }).first().waitFor({ timeout: 60_000 });
      await page.getByText('Input', { exact: true }).filter({ visible: true }).first().waitFor();
      expect(await page.getByText(/"accountId"/).count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toMatch(/strategyVersionId|accountId/);
      await page.screenshot({ path: join(shots, '02-signed-out-encrypted.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);
});
