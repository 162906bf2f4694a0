import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, eventually } from '../support/api-session.ts';
import { artifactDir, launchChromium, watchPageErrors } from '../support/browser.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';
import { advanceTime } from '../support/system-clock.ts';

// A debtor queries an invoice from a phone, with a PDF delivery note attached, on the whole system as `npm start`
// starts it but with Temporal's time-skipping test server: the default strategy's next reminder is a week away,
// so Temporal's clock is moved to it instead of waiting. That reminder asks for the other invoice only.
// Screenshots go to test-artifacts/browser/portal-dispute/.

const shots = artifactDir('portal-dispute');
const DAY = 86_400_000;
const ZONE = daytimeZone();
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ADDRESS = 'dora@dahl-druck.example';
/** A one-page PDF, as a scanner would send a delivery note. */
const DELIVERY_NOTE = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

interface OutboxItem {
  id: string;
  rcptTo: string[];
  subject: string;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; help: string }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help}`);
}

describe('a dispute sent from the portal with a PDF attached', () => {
  let system: LaunchedSystem;
  let admin: ApiSession;
  let browser: Browser;
  let accountId: string;

  /** The messages to the debtor that reached the SMTP sink, oldest first. */
  const mailToDebtor = async (): Promise<OutboxItem[]> => {
    const outbox = await admin.get<{ items: OutboxItem[] }>('/api/outbox?limit=200');
    return outbox.items.filter((m) => m.rcptTo.includes(ADDRESS)).reverse();
  };
  const textOf = async (mail: OutboxItem) => (await admin.get<{ textBody: string }>(`/api/outbox/${mail.id}`)).textBody;

  beforeAll(async () => {
    system = await launchSystem({ temporal: 'time-skipping' });
    admin = await ApiSession.login(system.apiUrl, 'admin@recoup.local', 'demo-password');
    // Both invoices fell due eight days ago: the first overdue reminder goes at once, the second at 14 days.
    // The one left after the dispute is under the default strategy's 100.00 call threshold, so it gets a reminder.
    const csv = [
      'account_ref,account_name,customer_type,time_zone,contact_name,email,consent_email,invoice_number,issue_date,due_date,amount,currency',
      `PORTAL-D,Dahl Druck GmbH,business,${ZONE},Dora Dahl,${ADDRESS},true,DD-501,${isoDate(-38)},${isoDate(-8)},1200.00,EUR`,
      `PORTAL-D,Dahl Druck GmbH,business,${ZONE},Dora Dahl,${ADDRESS},true,DD-502,${isoDate(-38)},${isoDate(-8)},80.00,EUR`,
    ].join('\n');
    const imported = await admin.request('POST', '/api/imports/portfolio.csv', csv);
    if (imported.status !== 201) throw new Error(`The import answered ${imported.status}: ${JSON.stringify(imported.body)}`);
    const list = await admin.get<{ items: { id: string; externalRef: string }[] }>('/api/accounts?q=PORTAL-D&limit=5');
    accountId = list.items.find((a) => a.externalRef === 'PORTAL-D')?.id ?? '';
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  }, 60_000);

  it('queries one invoice with a delivery note; the next reminder a week later asks only for the other', async () => {
    const first = await eventually('the first reminder to Dora Dahl', async () => (await mailToDebtor())[0]);
    const firstText = await textOf(first);
    expect(firstText).toContain('DD-501');
    expect(firstText).toContain('DD-502');
    const link = /(https?:\/\/\S+\/portal\/open\/[A-Za-z0-9_-]+)/.exec(firstText)?.[1] ?? '';
    expect(link).not.toBe('');

    const context = await browser.newContext({
      viewport: { width: 393, height: 851 },
      deviceScaleFactor: 2.75,
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Query an invoice' }).waitFor();
    await page.getByRole('checkbox', { name: /^Invoice DD-501/ }).check();
    await page.getByLabel('What is wrong?').fill('Half of the brochures arrived water-damaged; the delivery note is attached.');
    await page.setInputFiles('#dispute-attachment', { name: 'delivery-note.pdf', mimeType: 'application/pdf', buffer: DELIVERY_NOTE });
    await page.screenshot({ path: join(shots, '1-dispute-filled-in.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send my query' }).click();
    await page.getByText('We have received your query').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, '2-dispute-received.png'), fullPage: true });

    // Staff see the dispute with the file, and the workflow has taken the queried invoice out of the balance.
    const disputes = await admin.get<{ items: { items: { invoiceNumber: string }[]; attachments: { fileName: string; mediaType: string; sizeBytes: number }[] }[] }>(
      `/api/accounts/${accountId}/disputes`,
    );
    expect(disputes.items).toHaveLength(1);
    expect(disputes.items[0]?.items.map((i) => i.invoiceNumber)).toEqual(['DD-501']);
    expect(disputes.items[0]?.attachments).toEqual([
      expect.objectContaining({ fileName: 'delivery-note.pdf', mediaType: 'application/pdf', sizeBytes: DELIVERY_NOTE.length }),
    ]);
    await eventually('the workflow to hear of the dispute', async () => {
      const detail = await admin.get<{ workflow: { balance: { amountMinor: string } } | null }>(`/api/accounts/${accountId}`);
      return detail.workflow?.balance.amountMinor === '8000' ? true : undefined;
    });

    await advanceTime(system, '7 days');

    const second = await eventually('the second reminder to Dora Dahl', async () => (await mailToDebtor())[1], 60_000);
    expect(second.subject).toBe('Second reminder: €80.00 remains unpaid');
    const secondText = await textOf(second);
    expect(secondText).toContain('DD-502');
    expect(secondText).not.toContain('DD-501');
    expect(errors).toEqual([]);
    await context.close();
  });
});
