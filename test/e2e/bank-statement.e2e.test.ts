import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import { camt053 } from '../../packages/domain/test/support/camt053.ts';
import { ApiSession, eventually } from '../support/api-session.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { launchSystem, temporalClientOf, type LaunchedSystem } from '../support/launched-system.ts';

// A bank's camt.053 statement on the running system: imported through the API, reconciled by its Temporal
// workflow on the worker, after which the paid account's collection workflow has ended as settled, the partly
// paid account's goes on with what is left, and the line no rule could place waits in the exception queue.

const DAY = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

interface StatementDetail {
  status: string;
  progress: { lines: number; pending: number; applied: number; exceptions: number; appliedMinor: { currency: string; amountMinor: string }[] };
  workflow: { workflowId: string; status: string } | null;
}

describe('bank statement reconciliation on the running system', () => {
  let system: LaunchedSystem;
  let admin: ApiSession;
  let temporal: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    system = await launchSystem();
    admin = await ApiSession.login(system.apiUrl, 'admin@recoup.local', 'demo-password');
    temporal = await temporalClientOf(system);
    const zone = daytimeZone();
    const csv = [
      'account_ref,account_name,customer_type,time_zone,contact_name,email,consent_email,invoice_number,issue_date,due_date,amount,currency',
      `BS-PAID,Harbour & Pike Ltd,business,${zone},Hanna Pike,hanna@harbour.example,true,BS-INV-1,${isoDate(-40)},${isoDate(-10)},420.00,EUR`,
      `BS-PART,Nordlicht GmbH,business,${zone},Nils Nord,nils@nordlicht.example,true,BS-INV-2,${isoDate(-40)},${isoDate(-10)},1000.00,EUR`,
      `BS-PART,Nordlicht GmbH,business,${zone},Nils Nord,nils@nordlicht.example,true,BS-INV-3,${isoDate(-20)},${isoDate(10)},250.00,EUR`,
    ].join('\n');
    const imported = await admin.request('POST', '/api/imports/portfolio.csv', csv);
    expect(imported.status).toBe(201);
    const list = await admin.get<{ items: { id: string; externalRef: string }[] }>('/api/accounts?q=BS-&limit=10');
    for (const account of list.items) ids[account.externalRef] = account.id;
  }, 240_000);

  afterAll(async () => {
    await temporal?.connection.close();
    await system?.stop();
  }, 60_000);

  it('reconciles an imported camt.053 file: the paid account settles and the partly paid one goes on with less to pay', async () => {
    const xml = camt053({
      messageId: 'E2E-CAMT-1',
      iban: 'DE89370400440532013000',
      currency: 'EUR',
      entries: [
        { bankRef: 'E2E-BANK-1', amountMinor: 42_000n, currency: 'EUR', text: 'Invoice BS-INV-1', payer: 'Harbour & Pike Ltd', valueDate: isoDate(-1) },
        { bankRef: 'E2E-BANK-2', amountMinor: 40_000n, currency: 'EUR', text: 'Customer BS-PART first part', valueDate: isoDate(-1) },
        { bankRef: 'E2E-BANK-3', amountMinor: 1_234n, currency: 'EUR', text: 'misc', valueDate: isoDate(-1) },
      ],
    });
    const imported = await admin.request('POST', '/api/bank-statements?format=camt.053&filename=e2e.xml', xml, { 'content-type': 'application/xml' });
    expect(imported.status).toBe(201);
    const statementId = (imported.body as { id: string }).id;

    const done = await eventually('the statement to be reconciled', async () => {
      const detail = await admin.get<StatementDetail>(`/api/bank-statements/${statementId}`);
      return detail.status === 'reconciled' ? detail : undefined;
    });
    expect(done.progress).toMatchObject({ lines: 3, pending: 0, applied: 2, exceptions: 1, appliedMinor: [{ currency: 'EUR', amountMinor: '82000' }] });
    const reconciliation = await temporal.workflow.getHandle(`reconcile-${statementId}`).describe();
    expect(reconciliation.status.name).toBe('COMPLETED');

    expect(await temporal.workflow.getHandle(`collection-${ids['BS-PAID']}`).result()).toMatchObject({ outcome: 'settled' });
    const part = await eventually('the reduced balance in the workflow', async () => {
      const detail = await admin.get<{ workflow: { status: string; balance: { amountMinor: string } } | null }>(`/api/accounts/${ids['BS-PART']}`);
      return detail.workflow?.balance.amountMinor === '85000' ? detail.workflow : undefined;
    });
    expect(part).toMatchObject({ status: 'running', balance: { amountMinor: '85000', currency: 'EUR' } });

    const exceptions = await admin.get<{ items: { bankRef: string }[] }>(`/api/statement-lines/exceptions?statementId=${statementId}`);
    expect(exceptions.items.map((i) => i.bankRef)).toEqual(['E2E-BANK-3']);

    const again = await admin.request('POST', '/api/bank-statements?format=camt.053', xml, { 'content-type': 'application/xml' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: statementId, duplicate: true });
  });
});
