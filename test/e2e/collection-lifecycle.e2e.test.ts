import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import { expectOk, signIn, type RecoupClient } from '@recoup/api-client';
import { eventually } from '../support/api-session.ts';
import { launchSystem, temporalClientOf, type LaunchedSystem } from '../support/launched-system.ts';
import { daytimeZone } from '../support/daytime-zone.ts';

// The whole system as a newcomer runs it: the launcher on embedded PostgreSQL, the Temporal dev server, the
// built-in SMTP sink, the worker process and the API. A portfolio is imported as CSV through the API, the
// workflows run in Temporal, reminders arrive at the SMTP sink, and paid accounts' workflows end as settled. It
// calls the API through the client typed from the OpenAPI contract, as an integrator would.

const DAY = 86_400_000;

// Reminders go out only between 08:00 and 21:00 on the debtor's clock. So that the test does not depend on when
// it runs, the debtors live in the zone where it is nearest to 14:00 right now.
const DAYTIME_ZONE = daytimeZone();
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('collection lifecycle on the running system', () => {
  let system: LaunchedSystem;
  let admin: RecoupClient;
  let temporal: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    system = await launchSystem();
    admin = await signIn(system.apiUrl, 'admin@recoup.local', 'demo-password');
    temporal = await temporalClientOf(system);
  }, 240_000);

  afterAll(async () => {
    await temporal?.connection.close();
    await system?.stop();
  }, 60_000);

  it('imports a CSV portfolio and starts one workflow per account with open receivables', async () => {
    const csv = [
      'account_ref,account_name,customer_type,time_zone,contact_name,email,consent_email,invoice_number,issue_date,due_date,amount,currency',
      `E2E-PAID,Harbour & Pike Ltd,business,${DAYTIME_ZONE},Hanna Pike,hanna@harbour.example,true,E2E-INV-1,${isoDate(-40)},${isoDate(-10)},420.00,GBP`,
      `E2E-PART,Nordlicht GmbH,business,${DAYTIME_ZONE},Nils Nord,nils@nordlicht.example,true,E2E-INV-2,${isoDate(-40)},${isoDate(-10)},1000.00,EUR`,
      `E2E-PART,Nordlicht GmbH,business,${DAYTIME_ZONE},Nils Nord,nils@nordlicht.example,true,E2E-INV-3,${isoDate(-20)},${isoDate(10)},250.00,EUR`,
      `E2E-LATER,Cedar Street Bakery,consumer,${DAYTIME_ZONE},Cora Cedar,cora@cedar.example,true,E2E-INV-4,${isoDate(-5)},${isoDate(25)},89.99,USD`,
    ].join('\n');
    const res = await admin.POST('/api/imports/portfolio.csv', { body: csv, bodySerializer: (text) => text as string, headers: { 'content-type': 'text/csv' } });
    expect(res.response.status).toBe(201);
    expect(res.data).toMatchObject({ status: 'imported', rowsImported: 4, accountsCreated: 3, invoicesCreated: 4, workflowsStarted: 3 });

    const list = expectOk('the account list', await admin.GET('/api/accounts', { params: { query: { q: 'E2E-', limit: 10 } } }));
    for (const account of list.items) ids[account.externalRef] = account.id;
    expect(Object.keys(ids).sort()).toEqual(['E2E-LATER', 'E2E-PAID', 'E2E-PART']);

    for (const id of Object.values(ids)) {
      const description = await temporal.workflow.getHandle(`collection-${id}`).describe();
      expect(description.status.name).toBe('RUNNING');
      expect(description.type).toBe('collectionWorkflow');
    }
  });

  it('delivers the overdue reminder to the SMTP sink for accounts already past due', async () => {
    const mail = await eventually('the reminder to Harbour & Pike', async () => {
      const outbox = expectOk('the outbox', await admin.GET('/api/outbox', { params: { query: { limit: 100 } } }));
      return outbox.items.find((m) => m.rcptTo.includes('hanna@harbour.example'));
    });
    // Ten days overdue: the strategy starts at the stage that matches the account's age (the +7 reminder).
    expect(mail.subject).toMatch(/£420\.00/);
    const detail = expectOk('the paid account', await admin.GET('/api/accounts/{id}', { params: { path: { id: ids['E2E-PAID']! } } }));
    expect(detail.communications).toEqual([expect.objectContaining({ templateKey: 'overdue-7', status: 'sent' })]);
  });

  it('ends the workflow of a paid account as settled and keeps a partially paid one going with a reduced balance', async () => {
    const full = await admin.POST('/api/payments', {
      params: { header: { 'idempotency-key': 'e2e-pay-full' } },
      body: { accountRef: 'E2E-PAID', amount: { amountMinor: '42000', currency: 'GBP' }, reference: 'E2E-INV-1' },
    });
    expect(full.response.status).toBe(201);
    const partial = await admin.POST('/api/payments', {
      params: { header: { 'idempotency-key': 'e2e-pay-part' } },
      body: { accountRef: 'E2E-PART', amount: { amountMinor: '30000', currency: 'EUR' }, reference: 'part payment' },
    });
    expect(partial.response.status).toBe(201);

    const settled = await temporal.workflow.getHandle(`collection-${ids['E2E-PAID']}`).result();
    expect(settled).toMatchObject({ outcome: 'settled' });

    const state = await eventually('the reduced balance in the workflow', async () => {
      const detail = expectOk('the part-paid account', await admin.GET('/api/accounts/{id}', { params: { path: { id: ids['E2E-PART']! } } }));
      // The contract leaves the workflow's state open (it is the workflow's own query answer), so it is read here.
      const workflow = detail.workflow as { balance?: { amountMinor?: string } } | null;
      return workflow?.balance?.amountMinor === '95000' ? workflow : undefined;
    });
    expect(state).toMatchObject({ status: 'running', balance: { amountMinor: '95000', currency: 'EUR' } });
    const part = await temporal.workflow.getHandle(`collection-${ids['E2E-PART']}`).describe();
    expect(part.status.name).toBe('RUNNING');
  });

  it('shows an admin the readable history of a settled account, in order', async () => {
    const history = expectOk('the history', await admin.GET('/api/admin/accounts/{id}/history', { params: { path: { id: ids['E2E-PAID']! } } }));
    const summaries = history.events.map((e) => e.summary);
    const order = [
      'Workflow started (collectionWorkflow)',
      'Activity sendReminder completed',
      'Signal paymentApplied received',
      'Workflow completed',
    ].map((s) => summaries.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lists the running account by its search attributes, pauses it with an audited reason and lists it as paused', async () => {
    const running = await eventually('the running account in the admin list', async () => {
      const page = expectOk('the running workflows', await admin.GET('/api/admin/workflows', { params: { query: { status: 'running', pageSize: 50 } } }));
      const row = page.items.find((i) => i.accountId === ids['E2E-PART']);
      return row?.nodeId ? row : undefined;
    });
    expect(running).toMatchObject({ status: 'running', accountName: expect.any(String) });

    const paused = await admin.POST('/api/admin/accounts/{id}/workflow/pause', { params: { path: { id: ids['E2E-PART']! } }, body: { reason: 'End-to-end check' } });
    expect(paused.response.status).toBe(200);
    await eventually('the account listed as paused', async () => {
      const page = expectOk('the paused workflows', await admin.GET('/api/admin/workflows', { params: { query: { status: 'paused' } } }));
      return page.items.find((i) => i.accountId === ids['E2E-PART']);
    });
    const inspection = expectOk('the workflow inspection', await admin.GET('/api/admin/accounts/{id}/workflow', { params: { path: { id: ids['E2E-PART']! } } }));
    expect(inspection.state?.paused?.reason).toBe('End-to-end check');
    expect(inspection.actions[0]).toMatchObject({ action: 'pause', reason: 'End-to-end check' });
  });
});

describe('stopping the system', () => {
  it('stops the API, the worker and the Temporal dev server when the launcher gets SIGTERM', async () => {
    const system = await launchSystem();
    const code = await system.stop();
    // 128 + SIGTERM: the conventional status of a process that shut down because it was asked to.
    expect(code).toBe(143);
    expect(system.output()).toContain('Stopping');
    await expect(fetch(`${system.apiUrl}/api/health`)).rejects.toThrow();
    expect(await acceptsConnections(system.temporalAddress)).toBe(false);
  }, 240_000);
});

function acceptsConnections(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host ?? '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
