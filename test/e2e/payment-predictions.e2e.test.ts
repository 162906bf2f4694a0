import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AppUser, CollectorTask, Invoice, type IAccount } from '@recoup/db';
import { createTestDatabase, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import { ApiSession, eventually } from '../support/api-session.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// The payment predictions on the running system, from the demo portfolio's paid history to the collector's inbox:
// the worker trains a first model as the system starts, then an admin starts a training run, the worker trains the
// models on the ledger and scores the open invoices, and the
// inbox ranks a chronically late customer above a punctual one that owes the same, saying why. The system runs on
// a database of this test's own, so the test can pick the two customers by their history and give them the same
// overdue invoice.

const DAY = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

interface PaidRecord {
  account_id: string;
  currency: string;
  paid: number;
  late: number;
  recent_late: number;
}

interface InboxItem {
  id: string;
  accountId: string;
  ranking: { score: number; parts: { risk: { score: number | null; source: string | null; lateProbability: number | null; reason: string | null } } };
}

describe('payment predictions on the running system', () => {
  let db: TestDatabase;
  let system: LaunchedSystem;
  let admin: ApiSession;
  let collector: ApiSession;
  let late: IAccount;
  let punctual: IAccount;
  const tasks: Record<'late' | 'punctual', string> = { late: '', punctual: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await launchSystem({ env: { DATABASE_URL: db.url } });
    admin = await ApiSession.login(system.apiUrl, 'admin@recoup.local', 'demo-password');
    collector = await ApiSession.login(system.apiUrl, 'collector1@recoup.local', 'demo-password');
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  }, 60_000);

  /** A training run's status once it has finished. */
  const finished = (workflowId: string) =>
    eventually(
      `training run ${workflowId} to finish`,
      async () => {
        const status = await admin.get<{ status: string; result?: { status: string; scored: number | null; reason: string } }>(`/api/admin/payment-models/runs/${workflowId}`);
        return status.status === 'running' ? undefined : status;
      },
      300_000,
    );

  it('trains the first model by itself when the system starts without one', async () => {
    const first = await finished('payment-model-training-first');
    expect(first).toMatchObject({ status: 'completed', result: { status: 'active' } });
    expect(first.result!.scored).toBeGreaterThan(0);
  }, 320_000);

  it('trains on the demo history, and the inbox ranks a chronically late customer above a punctual one with the same overdue amount, saying why', async () => {
    const em = db.orm.em.fork();
    // Each demo account's paid invoices, how many were paid after their due date, and how many of its last five.
    const records = await em.execute<PaidRecord[]>(
      `with paid as (
         select i.account_id, trim(i.currency) as currency, i.due_date,
                max(p.received_at)::date as paid_on,
                row_number() over (partition by i.account_id order by max(p.received_at) desc) as recency
           from invoice i join allocation al on al.invoice_id = i.id join payment p on p.id = al.payment_id
          where i.status = 'paid'
          group by i.id, i.account_id, i.currency, i.due_date)
       select account_id, min(currency) as currency, count(*)::int as paid,
              count(*) filter (where paid_on > due_date)::int as late,
              count(*) filter (where paid_on > due_date and recency <= 5)::int as recent_late
         from paid group by account_id having count(*) >= 10`,
    );
    const eur = records.filter((r) => r.currency === 'EUR');
    const chronic = eur.find((r) => r.recent_late === 5 && r.late >= 0.8 * r.paid);
    const onTime = eur.find((r) => r.recent_late === 0 && r.late <= 0.1 * r.paid);
    if (!chronic || !onTime) throw new Error(`The demo portfolio has no chronically late or no punctual EUR customer: ${JSON.stringify(eur.slice(0, 5))}`);
    late = await em.findOneOrFail(Account, { id: chronic.account_id });
    punctual = await em.findOneOrFail(Account, { id: onTime.account_id });

    // The same overdue invoice for both, and nothing else open: only what the ledger knows tells them apart.
    await em.nativeUpdate(Invoice, { account: { $in: [late.id, punctual.id] }, status: 'open' }, { status: 'cancelled' });
    for (const account of [late, punctual]) await insertTestInvoice(em, account, 1_800_00n, { issueDate: isoDate(-40), dueDate: isoDate(-10), currency: 'EUR' });

    const started = await admin.request('POST', '/api/admin/payment-models/runs', {});
    expect(started.status).toBe(202);
    const { workflowId } = started.body as { workflowId: string };
    const run = await finished(workflowId);
    // Active if it beats the first model on the invoices paid since; scored with whichever model is active.
    expect(run).toMatchObject({ status: 'completed', result: { status: expect.stringMatching(/^(active|inactive)$/) } });
    expect(run.result!.scored).toBeGreaterThan(0);

    // A call task for each, equal in everything the strategy and the clock decide.
    const clara = await em.findOneOrFail(AppUser, { email: 'collector1@recoup.local' });
    const dueAt = new Date(Date.now() + DAY);
    for (const [key, account] of [['late', late], ['punctual', punctual]] as const) {
      const task = em.create(CollectorTask, {
        account: account.id,
        key: `prediction-e2e-${key}`,
        workflowId: `collection-${account.id}`,
        nodeId: 'task-call',
        taskType: 'call',
        title: 'Call about the overdue invoice',
        status: 'open',
        assignee: clara.id,
        outcomes: ['promise-to-pay', 'no-contact'],
        dueAt,
        priority: 'normal',
      });
      await em.flush();
      tasks[key] = task.id;
    }

    const inbox = await collector.get<{ items: InboxItem[] }>('/api/tasks/inbox?limit=200');
    const position = (id: string) => inbox.items.findIndex((item) => item.id === id);
    const item = (id: string) => inbox.items[position(id)]!;
    expect(position(tasks.late)).toBeGreaterThanOrEqual(0);
    expect(position(tasks.punctual)).toBeGreaterThan(position(tasks.late));
    const lateRisk = item(tasks.late).ranking.parts.risk;
    const punctualRisk = item(tasks.punctual).ranking.parts.risk;
    expect(lateRisk.source).toBe('predicted');
    expect(punctualRisk.source).toBe('predicted');
    expect(lateRisk.score!).toBeGreaterThan(punctualRisk.score!);
    // Both invoices are past due, so both are late for certain; how late sets the two apart.
    expect(lateRisk.lateProbability).toBe(100);
    expect(punctualRisk.lateProbability).toBe(100);
    expect(lateRisk.reason).toMatch(/^paid all of the last 5 invoices late, \d+ days? on average$/);
    expect(punctualRisk.reason).toBe('paid the last 5 invoices on time');

    // The account page shows the new invoice's predicted date, interval and reasons.
    const detail = await admin.get<{ invoices: { status: string; prediction: { payDate: string; payDateLow: string; payDateHigh: string; reasons: { text: string }[] } | null }[] }>(
      `/api/accounts/${late.id}`,
    );
    const [open] = detail.invoices.filter((invoice) => invoice.status === 'open');
    expect(open?.prediction).not.toBeNull();
    expect(open!.prediction!.payDateLow <= open!.prediction!.payDate && open!.prediction!.payDate <= open!.prediction!.payDateHigh).toBe(true);
    for (const reason of open!.prediction!.reasons) expect(reason.text).toMatch(/\((raises|lowers) the risk by \d+\)$/);
  }, 420_000);
});
