import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { simpleParser } from 'mailparser';
import { Account, AppUser, Communication, Contact, Invoice, OutboxMessage, Strategy, StrategyVersion, Template, checksumGraph } from '@recoup/db';
import { type TestDatabase } from '@recoup/db/testing';
import { wallClockAt, zonedWallTime, type ReminderChannel, type StrategyGraph } from '@recoup/domain';
import { collectionWorkflowId } from '@recoup/workflows';
import {
  CEASE_COMMUNICATION_REASON,
  PROVIDER_REFUSED,
  SmsTooLongError,
  createActivities,
  createChannelAdapters,
  type CollectionActivities,
  type Mailer,
  type SendReminderInput,
  type WebhookPayload,
} from '@recoup/workflows/worker';
import { workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../workflows/test/webhook-receiver.ts';
import { pdfPages } from '../../packages/documents/test/support/pdf-text.ts';
import { startRealActivitiesFixture, type RealActivitiesFixture } from '../support/real-activities.ts';

// The real reminder activity (PostgreSQL, SMTP sink, provider webhooks on loopback) on every channel, and the
// rules that stop a reminder: no provider, no consent, an opt-out, a request to cease communication.

const SECRET = 'channel-test-secret-0123';
const TZ = 'Europe/Berlin';

interface DebtorOptions {
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  consentEmail?: boolean;
  consentSms?: boolean;
  consentLetter?: boolean;
  smsOptedOutAt?: Date | null;
  emailOptedOutAt?: Date | null;
  ceaseCommunication?: boolean;
}

describe('reminders on every channel', () => {
  let fixture: RealActivitiesFixture;
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let mailer: Mailer;
  let receiver: WebhookReceiver;
  let activities: CollectionActivities;
  let noon: Date;
  let debtors = 0;

  beforeAll(async () => {
    fixture = await startRealActivitiesFixture();
    ({ db, env, mailer } = fixture);
    receiver = await startWebhookReceiver();
    // Noon on the debtor's clock, so contact hours have no say unless a test moves the clock.
    noon = zonedWallTime(wallClockAt(new Date(), TZ).date, 12, 0, TZ);
    const channels = createChannelAdapters(
      {
        smsWebhookUrl: `${receiver.url}/sms`,
        letterWebhookUrl: `${receiver.url}/letter`,
        webhookUrl: `${receiver.url}/hook`,
        webhookSecret: SECRET,
      },
      mailer,
    );
    const letterhead = { name: 'Recoup Demo GmbH', addressLines: ['Musterstraße 1', '10115 Berlin'], bankName: 'Demo Bank', iban: 'DE89370400440532013000', bic: null };
    activities = createActivities({ orm: db.orm, mailer, channels, publicUrl: 'http://localhost:3000', letterhead, now: () => noon });
  });

  beforeEach(() => {
    receiver.received.length = 0;
  });

  afterAll(async () => {
    await receiver?.close();
    await fixture?.close();
  });

  async function debtor(options: DebtorOptions = {}): Promise<{ accountId: string; ref: string }> {
    const ref = `CHAN-${++debtors}`;
    const em = db.orm.em.fork();
    const account = em.create(Account, {
      externalRef: ref,
      name: `Channel ${debtors} GmbH`,
      customerType: 'business',
      segment: 'standard',
      riskScore: null,
      currency: 'EUR',
      timeZone: TZ,
      assignedCollector: null,
      ceaseCommunication: options.ceaseCommunication ?? false,
      ceaseCommunicationAt: options.ceaseCommunication ? new Date() : null,
    });
    em.create(Contact, {
      account,
      name: 'Clara Channel',
      email: options.email === undefined ? `clara${debtors}@channel.example` : options.email,
      phone: options.phone === undefined ? '+4915100000001' : options.phone,
      postalAddress: options.postalAddress === undefined ? 'Hauptstraße 1\n10115 Berlin' : options.postalAddress,
      timeZone: TZ,
      isPrimary: true,
      consentEmail: options.consentEmail ?? true,
      consentSms: options.consentSms ?? true,
      consentLetter: options.consentLetter ?? true,
      smsOptedOutAt: options.smsOptedOutAt ?? null,
      emailOptedOutAt: options.emailOptedOutAt ?? null,
    });
    em.create(Invoice, {
      account,
      number: `${ref}-1`,
      issueDate: '2026-10-01',
      dueDate: '2026-10-31',
      currency: 'EUR',
      amountMinor: 48_000n,
      openMinor: 48_000n,
      status: 'open',
    });
    await em.flush();
    return { accountId: account.id, ref };
  }

  const reminder = (accountId: string, ref: string, channel: ReminderChannel, template = 'due-today'): SendReminderInput => ({
    key: `test/${ref}/remind-${channel}/1`,
    accountId,
    workflowId: `collection-${ref}`,
    nodeId: 'remind',
    channel,
    template,
  });

  const logOf = (accountId: string) => db.orm.em.fork().find(Communication, { account: accountId }, { orderBy: { createdAt: 'asc' } });

  it('texts the reminder to the contact\'s phone through the SMS provider, signed, and only once per key', async () => {
    const { accountId, ref } = await debtor();
    const input = reminder(accountId, ref, 'sms');

    const result = await activities.sendReminder(input);
    const again = await activities.sendReminder(input);

    expect(result).toEqual({ status: 'sent', communicationId: expect.any(String) });
    expect(again).toEqual({ status: 'already-sent', communicationId: result.communicationId });
    // Activity results go into workflow history, which must not hold contact data.
    expect(JSON.stringify(result)).not.toContain('+4915100000001');
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request?.path).toBe('/sms');
    expect(request?.headers['idempotency-key']).toBe(input.key);
    expect(request?.headers['x-recoup-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(request?.body ?? '').digest('hex')}`);
    const payload = JSON.parse(request?.body ?? '{}') as WebhookPayload;
    expect(payload).toMatchObject({ channel: 'sms', accountId, recipient: { kind: 'phone', phone: '+4915100000001' }, subject: '' });
    // The template's short SMS text, not the e-mail body.
    expect(payload.text).toBe(`Channel ${debtors} GmbH: a payment of €480.00 is due today, 2026-10-31. If it is on its way, thank you.`);
    const log = await logOf(accountId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ channel: 'sms', status: 'sent', toAddress: '+4915100000001', messageId: 'provider-1', reason: null });
  });

  it('prints a letter with subject and body for the contact\'s postal address, and hands the provider the PDF letter', async () => {
    const { accountId, ref } = await debtor();

    expect(await activities.sendReminder(reminder(accountId, ref, 'letter'))).toMatchObject({ status: 'sent' });

    const payload = JSON.parse(receiver.received[0]?.body ?? '{}') as WebhookPayload;
    expect(receiver.received[0]?.path).toBe('/letter');
    expect(payload.recipient).toEqual({ kind: 'postal', name: 'Clara Channel', postalAddress: 'Hauptstraße 1\n10115 Berlin' });
    expect(payload.subject).toBe('Payment of €480.00 is due today');
    expect(payload.text).toContain(`${ref}-1  due 2026-10-31  €480.00`);
    expect(payload.attachments).toHaveLength(1);
    const pdf = payload.attachments?.[0];
    expect(pdf?.contentType).toBe('application/pdf');
    const text = (await pdfPages(Buffer.from(pdf?.contentBase64 ?? '', 'base64'))).pages.join(' ');
    expect(text).toContain('Clara Channel');
    expect(text).toContain('10115 Berlin');
    expect(text).toContain('Payment of €480.00 is due today');
    expect(text).toContain(`${ref}-1`);
    expect(text).toContain('DE89 3704 0044 0532 0130 00');
  });

  it('attaches the PDF letter with the open items to a final notice e-mail, and none to an ordinary reminder', async () => {
    const { accountId, ref } = await debtor();
    const email = `clara${debtors}@channel.example`;

    expect(await activities.sendReminder(reminder(accountId, ref, 'email', 'final-notice'))).toMatchObject({ status: 'sent' });
    expect(await activities.sendReminder({ ...reminder(accountId, ref, 'email'), key: `test/${ref}/remind-email/2` })).toMatchObject({ status: 'sent' });

    const mail = await db.orm.em.fork().find(OutboxMessage, { rcptTo: { $contains: [email] } }, { orderBy: { receivedAt: 'asc' } });
    expect(mail.map((m) => m.subject)).toEqual(['Final notice: overdue balance of €480.00', 'Payment of €480.00 is due today']);
    const [notice, ordinary] = await Promise.all(mail.map((m) => simpleParser(m.raw)));
    expect(ordinary?.attachments).toEqual([]);
    expect(notice?.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${ref}-${wallClockAt(noon, TZ).date}.pdf`, 'application/pdf']]);
    const text = (await pdfPages(notice?.attachments[0]?.content ?? Buffer.alloc(0))).pages.join(' ');
    // Addressed to the contact's postal address on file, with the notice's own wording and the open items.
    expect(text).toContain('Clara Channel');
    expect(text).toContain('Hauptstraße 1');
    expect(text).toContain('Final notice: overdue balance of €480.00');
    expect(text).toContain(`${ref}-1`);
    expect(text).toContain('DE89 3704 0044 0532 0130 00');
  });

  it('posts a webhook reminder to the configured URL without any of the contact\'s data', async () => {
    const { accountId, ref } = await debtor({ email: 'secret.person@channel.example' });

    expect(await activities.sendReminder(reminder(accountId, ref, 'webhook'))).toMatchObject({ status: 'sent' });

    expect(receiver.received[0]?.path).toBe('/hook');
    const payload = JSON.parse(receiver.received[0]?.body ?? '{}') as WebhookPayload;
    expect(payload).toMatchObject({ channel: 'webhook', accountId, recipient: null, subject: 'Payment of €480.00 is due today' });
    expect(receiver.received[0]?.body).not.toContain('secret.person');
    expect(receiver.received[0]?.body).not.toContain('+4915100000001');
  });

  it('sends a webhook reminder again, once, when a killed worker left it in doubt: the receiver drops a resend by its key', async () => {
    const { accountId, ref } = await debtor({ email: 'doubt@channel.example' });
    const input = reminder(accountId, ref, 'webhook');
    const em = db.orm.em.fork();
    em.create(Communication, {
      account: accountId,
      key: input.key,
      channel: 'webhook',
      direction: 'outbound',
      templateKey: 'due-today',
      toAddress: '',
      subject: 'Payment due',
      bodyText: 'text',
      bodyHtml: null,
      status: 'sending',
      reason: null,
      messageId: null,
      workflowId: input.workflowId,
      nodeId: 'remind',
      sentAt: null,
      createdAt: new Date(),
    });
    await em.flush();
    const before = receiver.received.length;
    expect(await activities.sendReminder(input)).toMatchObject({ status: 'sent' });
    const sent = receiver.received.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['idempotency-key']).toBe(input.key);
    expect(await db.orm.em.fork().findOneOrFail(Communication, { key: input.key })).toMatchObject({ status: 'sent' });
  });

  it('suppresses an SMS to a contact without SMS consent, and logs why', async () => {
    const { accountId, ref } = await debtor({ consentSms: false });

    const result = await activities.sendReminder(reminder(accountId, ref, 'sms'));

    expect(result).toEqual({ status: 'suppressed', communicationId: expect.any(String), reason: 'the contact has not consented to sms' });
    expect(receiver.received).toHaveLength(0);
    expect(await logOf(accountId)).toEqual([
      expect.objectContaining({ id: result.communicationId, channel: 'sms', status: 'suppressed', reason: 'the contact has not consented to sms' }),
    ]);
  });

  it('suppresses an SMS to a contact who opted out of SMS, whatever the consent on file says', async () => {
    const { accountId, ref } = await debtor({ consentSms: true, smsOptedOutAt: new Date('2026-11-01T09:00:00Z') });

    const result = await activities.sendReminder(reminder(accountId, ref, 'sms'));
    const retried = await activities.sendReminder(reminder(accountId, ref, 'sms'));

    expect(result).toMatchObject({ status: 'suppressed', reason: 'the contact opted out of sms' });
    expect(retried).toEqual(result);
    expect(receiver.received).toHaveLength(0);
  });

  it('suppresses an SMS to a contact without a phone number, and an e-mail to one who opted out of e-mail', async () => {
    const noPhone = await debtor({ phone: null });
    const optedOut = await debtor({ emailOptedOutAt: new Date('2026-11-01T09:00:00Z') });

    expect(await activities.sendReminder(reminder(noPhone.accountId, noPhone.ref, 'sms'))).toMatchObject({
      status: 'suppressed',
      reason: 'the contact has no phone number',
    });
    expect(await activities.sendReminder(reminder(optedOut.accountId, optedOut.ref, 'email'))).toMatchObject({
      status: 'suppressed',
      reason: 'the contact opted out of email',
    });
    expect(await db.orm.em.fork().count(OutboxMessage, { rcptTo: { $contains: [`clara${debtors}@channel.example`] } })).toBe(0);
  });

  it('suppresses every channel while the account has asked to cease communication', async () => {
    const { accountId, ref } = await debtor({ ceaseCommunication: true });

    for (const channel of ['email', 'sms', 'letter', 'webhook'] as const) {
      expect(await activities.sendReminder(reminder(accountId, ref, channel))).toMatchObject({
        status: 'suppressed',
        reason: CEASE_COMMUNICATION_REASON,
      });
    }

    expect(receiver.received).toHaveLength(0);
    expect(await db.orm.em.fork().count(OutboxMessage, { rcptTo: { $contains: [`clara${debtors}@channel.example`] } })).toBe(0);
    const log = await logOf(accountId);
    expect(log.map((c) => [c.channel, c.status, c.reason])).toEqual(
      expect.arrayContaining([
        ['email', 'suppressed', CEASE_COMMUNICATION_REASON],
        ['sms', 'suppressed', CEASE_COMMUNICATION_REASON],
        ['letter', 'suppressed', CEASE_COMMUNICATION_REASON],
        ['webhook', 'suppressed', CEASE_COMMUNICATION_REASON],
      ]),
    );
  });

  it('suppresses an SMS when no SMS provider is configured, and logs it', async () => {
    const { accountId, ref } = await debtor();
    const withoutProviders = createActivities({ orm: db.orm, mailer, publicUrl: 'http://localhost:3000', now: () => noon });

    const result = await withoutProviders.sendReminder(reminder(accountId, ref, 'sms'));

    expect(result).toEqual({ status: 'suppressed', communicationId: expect.any(String), reason: 'no provider configured for sms' });
    expect(await logOf(accountId)).toEqual([expect.objectContaining({ status: 'suppressed', reason: 'no provider configured for sms' })]);
  });

  it('defers an SMS that falls at 23:00 on the debtor\'s clock, like an e-mail', async () => {
    const { accountId, ref } = await debtor();
    const night = zonedWallTime(wallClockAt(new Date(), TZ).date, 23, 0, TZ);
    const atNight = createActivities({ orm: db.orm, mailer, channels: createChannelAdapters(
      { smsWebhookUrl: `${receiver.url}/sms`, letterWebhookUrl: null, webhookUrl: null, webhookSecret: SECRET },
      mailer,
    ), publicUrl: 'http://localhost:3000', now: () => night });

    const result = await atNight.sendReminder(reminder(accountId, ref, 'sms'));

    expect(result).toMatchObject({ status: 'deferred', reason: `It is 23:00 in ${TZ}, outside the contact hours 08:00–21:00.` });
    expect(receiver.received).toHaveLength(0);
    expect(await logOf(accountId)).toEqual([expect.objectContaining({ channel: 'sms', status: 'deferred', reason: expect.stringContaining('23:00') })]);
  });

  it('logs a provider\'s permanent refusal as failed and fails the activity without retry', async () => {
    const { accountId, ref } = await debtor();
    const input = reminder(accountId, ref, 'sms');
    receiver.reply({ status: 400, body: '{"error":"unroutable number"}' });

    const failure = await activities.sendReminder(input).then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: PROVIDER_REFUSED, nonRetryable: true });
    const log = await logOf(accountId);
    expect(log).toEqual([expect.objectContaining({ key: `${input.key}/failed`, status: 'failed', reason: expect.stringContaining('HTTP 400') })]);
  });

  it('refuses to send an SMS over 1,600 characters, naming the template', async () => {
    const { accountId, ref } = await debtor();
    const em = db.orm.em.fork();
    em.create(Template, { key: 'long-letter', channel: 'letter', name: 'Long letter', subject: 'About {{account.name}}', bodyText: 'x'.repeat(1_601) });
    await em.flush();

    await expect(activities.sendReminder(reminder(accountId, ref, 'sms', 'long-letter'))).rejects.toThrow(SmsTooLongError);
    await expect(activities.sendReminder(reminder(accountId, ref, 'sms', 'long-letter'))).rejects.toThrow(
      'The SMS from template "long-letter" is 1601 characters long, over the limit of 1600',
    );
    expect(receiver.received).toHaveLength(0);
    // The same template serves a letter.
    expect(await activities.sendReminder(reminder(accountId, ref, 'letter', 'long-letter'))).toMatchObject({ status: 'sent' });
  });

  it('still e-mails the managers about an escalation of an account that asked to cease communication', async () => {
    const { accountId, ref } = await debtor({ ceaseCommunication: true });
    const em = db.orm.em.fork();
    em.create(AppUser, { email: 'mona.manager@recoup.test', name: 'Mona Manager', role: 'manager', passwordHash: 'x' });
    await em.flush();

    const result = await activities.escalate({ key: `test/${ref}/escalate/1`, accountId, workflowId: `collection-${ref}`, nodeId: 'esc', level: 1, action: 'notify-manager' });

    expect(result.managersNotified).toBe(1);
    const mail = await db.orm.em.fork().find(OutboxMessage, { rcptTo: { $contains: ['mona.manager@recoup.test'] } });
    expect(mail.map((m) => m.subject)).toEqual([`Escalation: Channel ${debtors} GmbH owes €480.00`]);
  });

  it('retries an SMS the provider answered with 500 inside the workflow, and delivers it once', async () => {
    const { accountId } = await debtor();
    const graph: StrategyGraph = {
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'remind', type: 'reminder', position: { x: 0, y: 100 }, data: { channel: 'sms', template: 'overdue-7' } },
        { id: 'end', type: 'end', position: { x: 0, y: 200 }, data: { outcome: 'completed' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'remind', sourceHandle: 'next' },
        { id: 'e2', source: 'remind', target: 'end', sourceHandle: 'next' },
      ],
    };
    const em = db.orm.em.fork();
    const strategy = em.create(Strategy, { name: 'One SMS', description: '', draft: graph, isDefault: false, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph, checksum: checksumGraph(graph), publishedBy: null });
    await em.flush();
    receiver.reply({ status: 500, body: 'try later' });

    const taskQueue = 'reminder-channels-sms';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const result = await worker.runUntil(
      env.client.workflow.execute('collectionWorkflow', {
        workflowId: collectionWorkflowId(accountId),
        taskQueue,
        args: [{ accountId, strategyVersionId: version.id }],
      }),
    );

    expect(result).toMatchObject({ outcome: 'completed' });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.headers['idempotency-key']).toBe(receiver.received[0]?.headers['idempotency-key']);
    const log = await logOf(accountId);
    expect(log.map((c) => [c.channel, c.status, c.templateKey])).toEqual([['sms', 'sent', 'overdue-7']]);
  });
});
