import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { Account, Communication, Contact, Invoice, OutboxMessage, Strategy, StrategyVersion, checksumGraph } from '@recoup/db';
import { type TestDatabase } from '@recoup/db/testing';
import { wallClockAt, zonedWallTime, type StrategyGraph } from '@recoup/domain';
import { collectionWorkflowId, toHistoryView } from '@recoup/workflows';
import { createActivities, type Mailer } from '@recoup/workflows/worker';
import { workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { startRealActivitiesFixture, type RealActivitiesFixture } from '../support/real-activities.ts';

// The contact-hours guardrail on the real reminder activity (PostgreSQL, SMTP) inside the real workflow, on the
// time-skipping server: a reminder the strategy times for the debtor's night is deferred to 08:00 on the
// debtor's own clock, logged as deferred, and then sent exactly once.

const MINUTE = 60_000;

/** start -> wait `minutes` -> reminder -> end */
function reminderAfter(minutes: number): StrategyGraph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'wait', type: 'wait', position: { x: 0, y: 100 }, data: { mode: 'duration', days: 0, hours: 0, minutes } },
      { id: 'remind', type: 'reminder', position: { x: 0, y: 200 }, data: { channel: 'email', template: 'due-today' } },
      { id: 'end', type: 'end', position: { x: 0, y: 300 }, data: { outcome: 'completed' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'wait', sourceHandle: 'next' },
      { id: 'e2', source: 'wait', target: 'remind', sourceHandle: 'next' },
      { id: 'e3', source: 'remind', target: 'end', sourceHandle: 'next' },
    ],
  };
}

/** The second Sunday of March after `from`: the night New York springs forward. */
function nextNewYorkSpringForward(from: Date): string {
  for (let year = from.getUTCFullYear(); ; year++) {
    const firstOfMarch = new Date(Date.UTC(year, 2, 1));
    const secondSunday = 1 + ((7 - firstOfMarch.getUTCDay()) % 7) + 7;
    const date = `${year}-03-${String(secondSunday).padStart(2, '0')}`;
    if (Date.parse(`${date}T12:00:00Z`) > from.getTime() + 86_400_000) return date;
  }
}

const previousDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('contact hours guardrail in the collection workflow', () => {
  let fixture: RealActivitiesFixture;
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let mailer: Mailer;

  beforeAll(async () => {
    fixture = await startRealActivitiesFixture();
    ({ db, env, mailer } = fixture);
  });

  afterAll(async () => {
    await fixture?.close();
  });


  /**
   * Creates a debtor in `timeZone` on a strategy whose reminder falls at `remindAt`, runs it, returns the log. The
   * contact's zone is `timeZone` too unless `contact` says otherwise.
   */
  async function runDebtor(
    ref: string,
    timeZone: string,
    email: string,
    remindAt: Date,
    contact: { timeZone?: string | null; phone?: string; postalAddress?: string } = {},
  ) {
    const em = db.orm.em.fork();
    const account = em.create(Account, {
      externalRef: ref,
      name: `${ref} Household`,
      customerType: 'consumer',
      segment: 'standard',
      riskScore: null,
      currency: 'USD',
      timeZone,
      assignedCollector: null,
    });
    em.create(Contact, {
      account,
      name: 'Pat Debtor',
      email,
      phone: contact.phone ?? null,
      postalAddress: contact.postalAddress ?? null,
      timeZone: contact.timeZone === undefined ? timeZone : contact.timeZone,
      isPrimary: true,
      consentEmail: true,
    });
    em.create(Invoice, {
      account,
      number: `${ref}-1`,
      issueDate: '2026-09-01',
      dueDate: '2026-10-01',
      currency: 'USD',
      amountMinor: 31_500n,
      openMinor: 31_500n,
      status: 'open',
    });
    const startMs = await env.currentTimeMs();
    const graph = reminderAfter(Math.round((remindAt.getTime() - startMs) / MINUTE));
    const strategy = em.create(Strategy, { name: `Night reminder ${ref}`, description: '', draft: graph, isDefault: false, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph, checksum: checksumGraph(graph), publishedBy: null });
    await em.flush();

    // The activity judges contact hours by its clock: here, the test server's virtual time of the attempt.
    const activities = createActivities({
      orm: db.orm,
      mailer,
      publicUrl: 'http://localhost:3000',
      now: () => new Date(Context.current().info.currentAttemptScheduledTimestampMs ?? Date.now()),
    });
    const taskQueue = `contact-hours-${ref}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const handle = await env.client.workflow.start('collectionWorkflow', {
      workflowId: collectionWorkflowId(account.id),
      taskQueue,
      args: [{ accountId: account.id, strategyVersionId: version.id }],
    });
    const result = await worker.runUntil(handle.result());
    const log = await db.orm.em.fork().find(Communication, { account: account.id }, { orderBy: { createdAt: 'asc' } });
    const mail = await db.orm.em.fork().find(OutboxMessage, { rcptTo: { $contains: [email] } });
    const history = await handle.fetchHistory();
    return { result, log, mail, history };
  }

  it('defers a reminder that falls at 23:15 in Honolulu to 08:00 Honolulu time and sends it once', async () => {
    const now = new Date(await env.currentTimeMs());
    const today = wallClockAt(now, 'Pacific/Honolulu').date;
    let night = zonedWallTime(today, 23, 15, 'Pacific/Honolulu');
    if (night.getTime() < now.getTime() + 30 * MINUTE) night = new Date(night.getTime() + 86_400_000);

    const { result, log, mail, history } = await runDebtor('HNL', 'Pacific/Honolulu', 'pat@honolulu.example', night);

    expect(result).toMatchObject({ outcome: 'completed' });
    expect(log.map((c) => c.status)).toEqual(['deferred', 'sent']);
    expect(log[0]?.reason).toMatch(/^It is 23:1\d in Pacific\/Honolulu, outside the contact hours 08:00–21:00\.$/);
    const sentAt = log[1]?.sentAt;
    expect(sentAt && wallClockAt(sentAt, 'Pacific/Honolulu').minutes).toBe(8 * 60);
    expect(mail).toHaveLength(1);
    // The deferral is in the workflow history: the activity's result, then a timer until 08:00 Honolulu time.
    const view = toHistoryView(history.events ?? []);
    const deferred = view.findIndex((e) => e.summary === 'Activity sendReminder completed' && (e.details.result as { status?: string }).status === 'deferred');
    expect(deferred).toBeGreaterThan(0);
    expect(view.slice(deferred).some((e) => e.summary.startsWith('Timer started for'))).toBe(true);
  });

  it('defers a 23:00 reminder on the night New York springs forward to 08:00 EDT, not 08:00 EST', async () => {
    const springForward = nextNewYorkSpringForward(new Date(await env.currentTimeMs()));
    const saturdayNight = zonedWallTime(previousDate(springForward), 23, 0, 'America/New_York');

    const { log, mail } = await runDebtor('NYC', 'America/New_York', 'pat@newyork.example', saturdayNight);

    expect(log.map((c) => c.status)).toEqual(['deferred', 'sent']);
    const sentAt = log[1]?.sentAt ?? new Date(Number.NaN);
    expect(wallClockAt(sentAt, 'America/New_York')).toEqual({ date: springForward, minutes: 8 * 60 });
    // 08:00 EDT is 12:00 UTC; 08:00 EST would have been 13:00 UTC.
    expect(sentAt.getUTCHours()).toBe(12);
    expect(mail).toHaveLength(1);
  });

  it("defers a reminder until it is inside contact hours in both the phone's and the address's zone", async () => {
    // 15:00 UTC is 10:00 or 11:00 in New York and in Chicago (the account's zone), but 05:00 in Honolulu.
    const now = new Date(await env.currentTimeMs());
    let remindAt = new Date(`${now.toISOString().slice(0, 10)}T15:00:00.000Z`);
    while (remindAt.getTime() < now.getTime() + 30 * MINUTE) remindAt = new Date(remindAt.getTime() + 86_400_000);

    const { log, mail } = await runDebtor('SPLIT', 'America/Chicago', 'pat@split.example', remindAt, {
      timeZone: null,
      phone: '+1 212 555 0100',
      postalAddress: '2255 Kuhio Ave\nHonolulu, HI 96815\nUSA',
    });

    expect(log.map((c) => c.status)).toEqual(['deferred', 'sent']);
    expect(log[0]?.reason).toContain('It is 05:00 in Pacific/Honolulu');
    expect(log[0]?.reason).toContain('in all of America/New_York, Pacific/Honolulu');
    expect(log[0]?.reason).not.toContain('America/Chicago');
    const sentAt = log[1]?.sentAt ?? new Date(Number.NaN);
    expect(wallClockAt(sentAt, 'Pacific/Honolulu').minutes).toBe(8 * 60);
    expect(mail).toHaveLength(1);
  });
});
