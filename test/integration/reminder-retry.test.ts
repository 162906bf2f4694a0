import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { Account, Communication, Contact, Invoice, OutboxMessage, Strategy, StrategyVersion, checksumGraph } from '@recoup/db';
import { type TestDatabase } from '@recoup/db/testing';
import { wallClockAt, zonedWallTime, type StrategyGraph } from '@recoup/domain';
import { createActivities, messageIdFor, type CollectionActivities, type Mailer } from '@recoup/workflows/worker';
import { collectionWorkflowId } from '@recoup/workflows';
import { workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { startRealActivitiesFixture, type RealActivitiesFixture } from '../support/real-activities.ts';

// The real reminder activity (PostgreSQL + SMTP) under a crash: the first attempt sends the e-mail and records
// it, then dies before reporting success. Temporal retries it, and the customer must still get one e-mail.

const graph: StrategyGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'remind', type: 'reminder', position: { x: 0, y: 100 }, data: { channel: 'email', template: 'due-today' } },
    { id: 'end', type: 'end', position: { x: 0, y: 200 }, data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'remind', sourceHandle: 'next' },
    { id: 'e2', source: 'remind', target: 'end', sourceHandle: 'next' },
  ],
};

describe('reminder activity retried after a crash', () => {
  let fixture: RealActivitiesFixture;
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let mailer: Mailer;
  let accountId: string;
  let versionId: string;

  beforeAll(async () => {
    fixture = await startRealActivitiesFixture();
    ({ db, env, mailer } = fixture);
    const em = db.orm.em.fork();
    const account = em.create(Account, {
      externalRef: 'CUST-RETRY',
      name: 'Retry & Sons Ltd',
      customerType: 'business',
      segment: 'standard',
      riskScore: null,
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      assignedCollector: null,
    });
    em.create(Contact, {
      account,
      name: 'Rita Retry',
      email: 'rita@retry.example',
      phone: null,
      timeZone: 'Europe/Berlin',
      isPrimary: true,
      consentEmail: true,
    });
    em.create(Invoice, {
      account,
      number: 'INV-RETRY-1',
      issueDate: '2026-10-01',
      dueDate: '2026-10-31',
      currency: 'EUR',
      amountMinor: 125_000n,
      openMinor: 125_000n,
      status: 'open',
    });
    const strategy = em.create(Strategy, { name: 'One reminder', description: '', draft: graph, isDefault: false, createdBy: null });
    const version = em.create(StrategyVersion, {
      strategy,
      version: 1,
      graph,
      checksum: checksumGraph(graph),
      publishedBy: null,
    });
    await em.flush();
    accountId = account.id;
    versionId = version.id;
  });

  afterAll(async () => {
    await fixture?.close();
  });


  it('sends exactly one e-mail when the worker dies after sending and the activity is retried', async () => {
    // Noon on the debtor's clock, so the contact-hours guardrail has no say in this test whatever the time of day.
    const noon = zonedWallTime(wallClockAt(new Date(), 'Europe/Berlin').date, 12, 0, 'Europe/Berlin');
    const real = createActivities({ orm: db.orm, mailer, publicUrl: 'http://localhost:3000', now: () => noon });
    const attempts: number[] = [];
    const activities: CollectionActivities = {
      ...real,
      async sendReminder(input) {
        const attempt = Context.current().info.attempt;
        attempts.push(attempt);
        const result = await real.sendReminder(input);
        if (attempt === 1) throw new Error('worker crashed after the mail was handed to SMTP');
        return result;
      },
    };
    const taskQueue = 'reminder-retry';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const result = await worker.runUntil(
      env.client.workflow.execute('collectionWorkflow', {
        workflowId: collectionWorkflowId(accountId),
        taskQueue,
        args: [{ accountId, strategyVersionId: versionId }],
      }),
    );

    expect(result).toMatchObject({ outcome: 'completed' });
    expect(attempts).toEqual([1, 2]);
    const em = db.orm.em.fork();
    const delivered = await em.find(OutboxMessage, {});
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.rcptTo).toEqual(['rita@retry.example']);
    expect(delivered[0]?.subject).toBe('Payment of €1,250.00 is due today');
    expect(delivered[0]?.textBody).toContain('Retry & Sons Ltd');
    // Every reminder carries the contact's own opt-out link, in the text and as a one-click header.
    const contact = await em.findOneOrFail(Contact, { account: accountId });
    expect(delivered[0]?.textBody).toContain(`http://localhost:3000/optout/${contact.optOutToken}`);
    const headers = (delivered[0]?.raw ?? '').replace(/\r?\n[ \t]+/g, ' '); // unfold folded header lines
    expect(headers).toContain(`List-Unsubscribe: <http://localhost:3000/optout/${contact.optOutToken}>`);
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const logged = await em.find(Communication, { account: accountId });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ status: 'sent', templateKey: 'due-today', toAddress: 'rita@retry.example' });
  });

  describe('a send left in doubt', () => {
    const noon = () => zonedWallTime(wallClockAt(new Date(), 'Europe/Berlin').date, 12, 0, 'Europe/Berlin');
    let n = 0;
    const input = () => ({ key: `doubt-${++n}/run/remind:1`, accountId, workflowId: 'wf-doubt', nodeId: 'remind', channel: 'email' as const, template: 'due-today' });
    const outboxCount = () => db.orm.em.fork().count(OutboxMessage, {});

    it('marks the reminder unconfirmed and sends nothing when the retry finds the intent a killed worker left', async () => {
      const reminder = input();
      const em = db.orm.em.fork();
      // What a worker killed between recording the intent and the mail server's answer leaves behind.
      em.create(Communication, {
        account: accountId,
        key: reminder.key,
        channel: 'email',
        direction: 'outbound',
        templateKey: 'due-today',
        toAddress: 'rita@retry.example',
        subject: 'Payment due',
        bodyText: 'text',
        bodyHtml: null,
        status: 'sending',
        reason: null,
        messageId: messageIdFor(reminder.key),
        workflowId: 'wf-doubt',
        nodeId: 'remind',
        sentAt: null,
        createdAt: new Date(),
      });
      await em.flush();
      const before = await outboxCount();
      const result = await createActivities({ orm: db.orm, mailer, publicUrl: 'http://localhost:3000', now: noon }).sendReminder(reminder);
      expect(result).toMatchObject({ status: 'unconfirmed', reason: expect.stringContaining(messageIdFor(reminder.key)) });
      expect(await outboxCount()).toBe(before);
      expect(await db.orm.em.fork().findOneOrFail(Communication, { key: reminder.key })).toMatchObject({ status: 'unconfirmed' });
    });

    it("marks a send unconfirmed, without a retry, when the mail server's answer never came", async () => {
      const reminder = input();
      const lost: Mailer = {
        send: () => Promise.reject(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' })),
        close: () => undefined,
      };
      const result = await createActivities({ orm: db.orm, mailer: lost, publicUrl: 'http://localhost:3000', now: noon }).sendReminder(reminder);
      expect(result).toMatchObject({ status: 'unconfirmed' });
      expect(await db.orm.em.fork().findOneOrFail(Communication, { key: reminder.key })).toMatchObject({ status: 'unconfirmed' });
    });

    it('frees the key for the retry when the mail server refused the message, so it is sent once later', async () => {
      const reminder = input();
      const busy: Mailer = {
        send: () => Promise.reject(Object.assign(new Error('451 Try again later'), { code: 'EMESSAGE', responseCode: 451 })),
        close: () => undefined,
      };
      await expect(createActivities({ orm: db.orm, mailer: busy, publicUrl: 'http://localhost:3000', now: noon }).sendReminder(reminder)).rejects.toThrow('451');
      expect(await db.orm.em.fork().count(Communication, { key: reminder.key })).toBe(0);
      const before = await outboxCount();
      const retried = await createActivities({ orm: db.orm, mailer, publicUrl: 'http://localhost:3000', now: noon }).sendReminder(reminder);
      expect(retried).toMatchObject({ status: 'sent' });
      expect(await outboxCount()).toBe(before + 1);
    });

    it('gives each e-mail a Message-ID that RFC 5322 allows, derived from its key', async () => {
      const reminder = input();
      await createActivities({ orm: db.orm, mailer, publicUrl: 'http://localhost:3000', now: noon }).sendReminder(reminder);
      const delivered = await db.orm.em.fork().find(OutboxMessage, {}, { orderBy: { receivedAt: 'desc' }, limit: 1 });
      const header = /^Message-ID:\s*(.+)$/im.exec((delivered[0]?.raw ?? '').replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();
      expect(header).toBe(messageIdFor(reminder.key));
      // msg-id = "<" dot-atom-text "@" dot-atom-text ">" (RFC 5322 3.6.4): no ":" from the key survives.
      const atext = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
      expect(header).toMatch(new RegExp(`^<${atext}(\\.${atext})*@${atext}(\\.${atext})*>$`));
      // Keys that differ only in characters a msg-id cannot hold keep different ids.
      expect(messageIdFor('a/b:1')).not.toBe(messageIdFor('a/b.1'));
    });
  });
});
