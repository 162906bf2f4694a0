import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiSession, eventually } from '../support/api-session.ts';
import { artifactDir, launchChromium, watchPageErrors } from '../support/browser.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { launchSystem, temporalClientOf, type LaunchedSystem } from '../support/launched-system.ts';

// The debtor's side of Recoup in Chromium, on a phone, on the system as the README's first command starts it
// (with its checkout sandbox standing in for Stripe):
//   1. a reminder arrives at the SMTP sink and the debtor opens the portal from the link in it;
//   2. they pay one invoice through the provider's hosted checkout; the webhook records the payment and the
//      account's workflow goes on with what is left; paying the rest by bank transfer settles it;
//   3. another debtor promises a date within the strategy's policy, and the workflow holds dunning until then;
//   4. a third asks for a plan longer than the policy allows, and it becomes a task for a collector, who agrees it;
//   5. a tampered link, or one made for another account, is refused.
// A dispute with a PDF attached, and the next reminder that leaves the disputed invoice out, is in
// portal-dispute.browser.test.ts, which moves Temporal's clock to that reminder.
// Every page is checked with axe for serious or critical accessibility violations.
// Screenshots go to test-artifacts/browser/debtor-portal/.

const shots = artifactDir('debtor-portal');
const DAY = 86_400_000;
const ZONE = daytimeZone();
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A mid-range phone: the viewport, density and touch of a Pixel 5. */
const PHONE = {
  viewport: { width: 393, height: 851 },
  deviceScaleFactor: 2.75,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical axe violations of the page as it is now, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the test rather than added as a script tag, which the pages' CSP (rightly) refuses.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the debtor portal in a phone browser', () => {
  let system: LaunchedSystem;
  let admin: ApiSession;
  let temporal: Client;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let errors: string[];
  let accountId: string;
  let portalUrl: string;
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    system = await launchSystem();
    admin = await ApiSession.login(system.apiUrl, 'admin@recoup.local', 'demo-password');
    temporal = await temporalClientOf(system);
    const csv = [
      'account_ref,account_name,customer_type,time_zone,contact_name,email,consent_email,invoice_number,issue_date,due_date,amount,currency',
      `PORTAL-1,Lindqvist Möbel GmbH,business,${ZONE},Lena Lindqvist,lena@lindqvist.example,true,LM-2041,${isoDate(-40)},${isoDate(-12)},1234.56,EUR`,
      `PORTAL-1,Lindqvist Möbel GmbH,business,${ZONE},Lena Lindqvist,lena@lindqvist.example,true,LM-2057,${isoDate(-30)},${isoDate(-10)},80.00,EUR`,
      `PORTAL-2,Okafor Logistics Ltd,business,${ZONE},Obi Okafor,obi@okafor.example,true,OL-310,${isoDate(-35)},${isoDate(-9)},640.00,EUR`,
      `PORTAL-3,Brandt Bau KG,business,${ZONE},Berit Brandt,berit@brandt.example,true,BB-77,${isoDate(-40)},${isoDate(-9)},3600.00,EUR`,
    ].join('\n');
    const imported = await admin.request('POST', '/api/imports/portfolio.csv', csv);
    if (imported.status !== 201) throw new Error(`The import answered ${imported.status}: ${JSON.stringify(imported.body)}`);
    const list = await admin.get<{ items: { id: string; externalRef: string }[] }>('/api/accounts?q=PORTAL-1&limit=5');
    accountId = list.items.find((a) => a.externalRef === 'PORTAL-1')?.id ?? '';
    browser = await launchChromium();
    phone = await browser.newContext({ ...PHONE, locale: 'de-DE' });
    page = await phone.newPage();
    errors = watchPageErrors(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await temporal?.connection.close();
    await system?.stop();
  }, 60_000);

  it('opens the portal from the link in the reminder that arrived at the SMTP server, in the browser’s language', async () => {
    const mail = await eventually('the reminder to Lena Lindqvist', async () => {
      const outbox = await admin.get<{ items: { id: string; rcptTo: string[] }[] }>('/api/outbox?limit=100');
      return outbox.items.find((m) => m.rcptTo.includes('lena@lindqvist.example'));
    });
    const message = await admin.get<{ textBody: string }>(`/api/outbox/${mail.id}`);
    portalUrl = /(https?:\/\/\S+\/portal\/open\/[A-Za-z0-9_-]+)/.exec(message.textBody)?.[1] ?? '';
    expect(portalUrl).not.toBe('');

    await page.goto(portalUrl);
    await page.getByRole('heading', { name: 'Guten Tag, Lena Lindqvist' }).waitFor();
    // The token has left the address bar: a shared screenshot or a forwarded URL does not carry it.
    expect(new URL(page.url()).pathname).toBe('/portal');
    await expect(page.getByText('1.314,56 €').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('LM-2041', { exact: true }).isVisible()).resolves.toBe(true);
    // A phone shows each invoice as a stacked card, not a table wider than the screen.
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.viewport.width);
    await shot('1-overview-from-reminder');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('pays one invoice by card through the hosted checkout; the webhook records it and the workflow goes on with the rest', async () => {
    await page.getByRole('checkbox', { name: 'Rechnung LM-2057 bezahlen' }).check();
    await shot('2-invoice-chosen');
    await page.getByRole('button', { name: 'Ausgewählte Rechnungen bezahlen' }).click();

    await page.getByLabel('Card number').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot('3-hosted-checkout');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel(/Expiry/i).fill('12/34');
    await page.getByLabel(/CVC|Security code/i).fill('123');
    await page.getByRole('button', { name: /^Pay/ }).click();

    await page.getByRole('heading', { name: 'Vielen Dank' }).waitFor();
    await eventually('the webhook to confirm the payment', async () => {
      if (await page.getByText('Wir haben Ihre Zahlung über 80,00').isVisible()) return true;
      await page.getByRole('link', { name: 'Erneut prüfen' }).click();
      return undefined;
    }, 30_000);
    await shot('4-payment-confirmed');
    expect(await seriousViolations(page)).toEqual([]);

    const state = await eventually('the workflow to hear of the payment', async () => {
      const detail = await admin.get<{ workflow: { status: string; balance: { amountMinor: string } } | null }>(`/api/accounts/${accountId}`);
      return detail.workflow?.balance.amountMinor === '123456' ? detail.workflow : undefined;
    });
    expect(state.status).toBe('running');

    await page.getByRole('link', { name: 'Zurück zu Ihrem Konto' }).click();
    await page.getByRole('heading', { name: 'Eingegangene Zahlungen' }).waitFor();
    await expect(page.getByText('LM-2057: 80,00 €').isVisible()).resolves.toBe(true);
    await shot('5-payment-allocated');
  });

  it('pays the rest as a typed amount by bank transfer, and the account’s workflow ends as settled', async () => {
    await page.getByLabel('Betrag in EUR').fill('1.234,56');
    await page.locator('#amount-bank').check();
    await page.getByRole('button', { name: 'Diesen Betrag zahlen' }).click();
    await page.getByRole('radio', { name: /bank transfer/i }).check();
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('heading', { name: 'Vielen Dank' }).waitFor();

    const result = await temporal.workflow.getHandle(`collection-${accountId}`).result();
    expect(result).toMatchObject({ outcome: 'settled' });
    await page.goto(`${new URL(portalUrl).origin}/portal`);
    await page.getByText('Auf Ihrem Konto ist nichts offen. Vielen Dank!').waitFor();
    await shot('6-settled');
  });

  /** The portal link in the first reminder that reached the address, and the account's id. */
  const reminderLink = async (address: string, ref: string): Promise<{ link: string; id: string }> => {
    const mail = await eventually(`the reminder to ${address}`, async () => {
      const outbox = await admin.get<{ items: { id: string; rcptTo: string[] }[] }>('/api/outbox?limit=200');
      return outbox.items.find((m) => m.rcptTo.includes(address));
    });
    const message = await admin.get<{ textBody: string }>(`/api/outbox/${mail.id}`);
    const link = /(https?:\/\/\S+\/portal\/open\/[A-Za-z0-9_-]+)/.exec(message.textBody)?.[1] ?? '';
    const list = await admin.get<{ items: { id: string; externalRef: string }[] }>(`/api/accounts?q=${ref}&limit=5`);
    return { link, id: list.items.find((a) => a.externalRef === ref)?.id ?? '' };
  };
  interface WorkflowDetail {
    workflow: { status: string; nodeId: string; decisions: { kind: string; detail: string }[] } | null;
  }

  it('promises a date within the strategy’s policy from the portal, and the workflow holds dunning until it', async () => {
    const { link, id } = await reminderLink('obi@okafor.example', 'PORTAL-2');
    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const tab = await context.newPage();
    const tabErrors = watchPageErrors(tab);
    await tab.goto(link);
    await tab.getByRole('heading', { name: 'Need more time?' }).waitFor();
    const dueDate = isoDate(6);
    await tab.getByLabel('I will pay by').fill(dueDate);
    await tab.getByLabel('Amount you will pay (EUR)').fill('640.00');
    await tab.screenshot({ path: join(shots, '7-promise-entered.png'), fullPage: true });
    await tab.getByRole('button', { name: 'Promise this payment' }).click();
    await tab.getByText('We have noted your promise').waitFor();
    await expect(tab.getByText(/You promised to pay €640\.00 by/).isVisible()).resolves.toBe(true);
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(shots, '8-promise-recorded.png'), fullPage: true });

    const promises = await admin.get<{ items: { source: string; status: string; dueDate: string }[] }>(`/api/accounts/${id}/promises`);
    expect(promises.items).toEqual([expect.objectContaining({ source: 'portal', status: 'open', dueDate })]);
    const held = await eventually('the workflow to hold dunning for the promise', async () => {
      const detail = await admin.get<WorkflowDetail>(`/api/accounts/${id}`);
      return detail.workflow?.decisions.find((d) => d.kind === 'promise' && d.detail.includes('recorded in the portal; dunning holds until'));
    });
    // The hold lasts to the end of the promised day plus the grace days, on the debtor's calendar.
    const until = /holds until (\S+)\./.exec(held.detail)?.[1] ?? '';
    expect(Date.parse(until)).toBeGreaterThan(Date.parse(`${dueDate}T00:00:00Z`));
    expect(tabErrors).toEqual([]);
    await context.close();
  });

  it('asks for a plan longer than the policy allows; it becomes a collector’s task, and the plan they agree holds dunning', async () => {
    const { link, id } = await reminderLink('berit@brandt.example', 'PORTAL-3');
    const context = await browser.newContext({ ...PHONE, locale: 'de-DE' });
    const tab = await context.newPage();
    const tabErrors = watchPageErrors(tab);
    await tab.goto(link);
    await tab.getByRole('heading', { name: 'Um Ratenzahlung bitten' }).waitFor();
    await tab.getByLabel('Anzahl der Raten').selectOption('12');
    await tab.getByRole('radio', { name: 'Jeden Monat' }).check();
    await tab.getByLabel('Erste Rate am').fill(isoDate(3));
    await tab.screenshot({ path: join(shots, '9-plan-requested.png'), fullPage: true });
    await tab.getByRole('button', { name: 'Diesen Ratenplan anfragen' }).click();
    await tab.getByText('Ihre Anfrage geht an unser Team').waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(shots, '10-plan-with-the-team.png'), fullPage: true });

    const tasks = await admin.get<{ items: { id: string; accountId: string; taskType: string; outcomes: string[]; title: string }[] }>('/api/tasks?status=open&limit=200');
    const review = tasks.items.find((t) => t.accountId === id && t.taskType === 'portal-request');
    expect(review).toMatchObject({ outcomes: ['payment-plan', 'declined'], title: expect.stringContaining('12 installments every 30 days') });
    await eventually('the workflow to hear of the request', async () => {
      const detail = await admin.get<WorkflowDetail>(`/api/accounts/${id}`);
      return detail.workflow?.decisions.find((d) => d.detail.includes('asked for a payment plan outside the strategy'));
    });

    const agreed = await admin.request('POST', `/api/tasks/${review?.id ?? ''}/complete`, {
      outcome: 'payment-plan',
      plan: { installments: 12, intervalDays: 30, firstDueDate: isoDate(3) },
    });
    expect(agreed.status).toBe(200);
    await eventually('the workflow to hold dunning for the agreed plan', async () => {
      const detail = await admin.get<WorkflowDetail>(`/api/accounts/${id}`);
      return detail.workflow?.decisions.find((d) => d.kind === 'promise' && /Installment \S+ of plan/.test(d.detail));
    });
    await tab.reload();
    await tab.getByText(/Ihr Ratenplan mit 12 Raten läuft/).waitFor();
    await tab.screenshot({ path: join(shots, '11-plan-agreed.png'), fullPage: true });
    expect(tabErrors).toEqual([]);
    await context.close();
  });

  it('refuses a tampered link and a link made for another account, and shows neither account', async () => {
    const stranger = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const tab = await stranger.newPage();
    const token = portalUrl.split('/portal/open/')[1] ?? '';
    const bytes = Buffer.from(token, 'base64url');
    const other = (await admin.get<{ items: { id: string; externalRef: string }[] }>('/api/accounts?limit=5')).items.find((a) => a.id !== accountId);
    if (!other) throw new Error('the demo portfolio has no other account');
    // Bytes 2..17 hold the account: put another account's id there and keep the signature.
    Buffer.from(other.id.replaceAll('-', ''), 'hex').copy(bytes, 2);
    const origin = new URL(portalUrl).origin;
    const answer = await tab.goto(`${origin}/portal/open/${bytes.toString('base64url')}`);
    expect(answer?.status()).toBe(404);
    await tab.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(await tab.content()).not.toContain('Lindqvist');
    await tab.screenshot({ path: join(shots, '12-tampered-link-refused.png'), fullPage: true });

    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await tab.goto(`${origin}/portal/open/${flipped}`))?.status()).toBe(404);
    // And the refused visitor has no session to fall back on.
    expect((await tab.goto(`${origin}/portal`))?.status()).toBe(401);
    await stranger.close();
  });

  it('logs no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
