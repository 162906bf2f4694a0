import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Account, AuditLog, Communication, Contact, Template } from '@recoup/db';
import { formatMoney } from '@recoup/domain';
import { createActivities, type Mailer } from '@recoup/workflows/worker';
import { createHarness, HARNESS_PORTAL_SECRET, type Harness, type LoggedIn } from './support/harness.ts';

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
/** The harness's configuration leaves PUBLIC_URL at its default; the activity below is given the same. */
const PUBLIC_URL = 'http://localhost:3000';

const everyPlaceholder = {
  subject: '{{account.name}} ({{account.ref}}): {{amount}} open',
  bodyText: [
    'Dear {{contactName}},',
    '{{overdueAmount}} of {{amount}} is overdue since {{oldestDueDate}}:',
    '{{invoiceList}}',
    'Your account: {{accountUrl}}',
    'Opt out: {{optOutUrl}}',
  ].join('\n'),
};

describe('reminder templates', () => {
  let h: Harness;
  let admin: LoggedIn;
  let manager: LoggedIn;
  let collector: LoggedIn;
  let accountId: string;

  beforeAll(async () => {
    h = await createHarness();
    [admin, manager, collector] = [await h.login('admin'), await h.login('manager'), await h.login('collector1')];
    const imported = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .send({
        accounts: [
          {
            externalRef: 'TPL-1',
            name: 'Smith & Co',
            customerType: 'business',
            currency: 'EUR',
            timeZone: 'UTC',
            contacts: [
              { name: 'Ann Smith', email: 'ann@smith.example', phone: '+4930123456', timeZone: 'UTC', isPrimary: true, consent: { email: true, sms: true, phone: true, letter: true } },
            ],
            invoices: [
              { number: 'SC-1', issueDate: daysAgo(40), dueDate: daysAgo(20), amount: { amountMinor: '120050', currency: 'EUR' } },
              { number: 'SC-2', issueDate: daysAgo(2), dueDate: daysAgo(-28), amount: { amountMinor: '4950', currency: 'EUR' } },
            ],
          },
        ],
      });
    expect(imported.status).toBe(201);
    accountId = (await h.db.orm.em.fork().findOneOrFail(Account, { externalRef: 'TPL-1' })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const put = (key: string, body: object, who: LoggedIn = manager) =>
    who.agent.put(`/api/templates/${key}`).set('x-csrf-token', who.csrf).send(body);
  const create = (body: object, who: LoggedIn = manager) => who.agent.post('/api/templates').set('x-csrf-token', who.csrf).send(body);
  const preview = (body: object, who: LoggedIn = manager) =>
    who.agent.post('/api/templates/preview').set('x-csrf-token', who.csrf).send(body);

  it('lets collectors read templates, one or all, but not change, create or preview them', async () => {
    const list = await collector.agent.get('/api/templates');
    expect(list.status).toBe(200);
    expect(list.body.map((t: { key: string }) => t.key)).toContain('overdue-7');
    const one = await collector.agent.get('/api/templates/overdue-7');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ key: 'overdue-7', channel: 'email', smsText: expect.any(String) });
    expect((await put('overdue-7', { name: 'Mine now' }, collector)).status).toBe(403);
    expect((await create({ key: 'collector-made', name: 'x', subject: 'x', bodyText: 'x' }, collector)).status).toBe(403);
    expect((await preview({ accountId, channel: 'email', subject: 'x', bodyText: 'x' }, collector)).status).toBe(403);
  });

  it('answers 404 for a template that does not exist', async () => {
    expect((await manager.agent.get('/api/templates/no-such-template')).status).toBe(404);
    expect((await put('no-such-template', { name: 'Ghost' })).status).toBe(404);
  });

  it('updates the texts of a template and audits the wording it replaced', async () => {
    const before = (await manager.agent.get('/api/templates/pre-due')).body;
    const response = await put('pre-due', { subject: 'Heads-up: {{amount}} due {{oldestDueDate}}', smsText: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ key: 'pre-due', subject: 'Heads-up: {{amount}} due {{oldestDueDate}}', smsText: null, name: before.name });
    expect((await manager.agent.get('/api/templates/pre-due')).body.subject).toBe('Heads-up: {{amount}} due {{oldestDueDate}}');
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'template.updated', entityId: before.id });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toEqual({
      key: 'pre-due',
      fields: ['subject', 'smsText'],
      previous: { subject: before.subject, smsText: before.smsText },
    });
    expect(audits[0]?.actorId).toBe(manager.userId);
  });

  it('turns the PDF letter on for a template\'s e-mails, seeded on for the final notice, and refuses a non-boolean', async () => {
    expect((await manager.agent.get('/api/templates/final-notice')).body.attachLetter).toBe(true);
    const before = (await manager.agent.get('/api/templates/overdue-14')).body;
    expect(before.attachLetter).toBe(false);

    const response = await put('overdue-14', { attachLetter: true });

    expect(response.status).toBe(200);
    expect((await manager.agent.get('/api/templates/overdue-14')).body.attachLetter).toBe(true);
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'template.updated', entityId: before.id });
    expect(audits.map((a) => a.details)).toEqual([{ key: 'overdue-14', fields: ['attachLetter'], previous: { attachLetter: false } }]);
    const refused = await put('overdue-14', { attachLetter: 'yes' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('attachLetter');
  });

  it('changes nothing and audits nothing when an update repeats what is stored', async () => {
    const current = (await manager.agent.get('/api/templates/due-today')).body;
    const response = await put('due-today', { name: current.name, bodyText: current.bodyText }, admin);
    expect(response.status).toBe(200);
    expect(response.body.updatedAt).toBe(current.updatedAt);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'template.updated', entityId: current.id })).toBe(0);
  });

  it.each([
    ['bodyText', { bodyText: 'Pay {{#invoices}}{{number}} now' }, /Unclosed section "invoices"/],
    ['subject', { subject: 'Overdue {{amount' }, /Unclosed tag/],
    ['smsText', { smsText: 'Pay {{/amount}}' }, /Unopened section "amount"/],
  ])('refuses an update whose %s Mustache cannot parse, naming the field and the reason', async (field, body, reason) => {
    const response = await put('overdue-7', body);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('template-invalid');
    expect(response.body.error.details.fields).toEqual([{ in: 'body', path: field, reason: expect.stringMatching(reason) }]);
    expect((await h.db.orm.em.fork().findOneOrFail(Template, { key: 'overdue-7' }))[field as 'subject']).not.toEqual(body[field as keyof typeof body]);
  });

  it.each([
    ['key', { key: 'other-key' }],
    ['name', { name: '' }],
    ['channel', { channel: 'pigeon' }],
  ])('refuses an update with 400 naming %s', async (field, body) => {
    const response = await put('overdue-7', body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details.fields)).toContain(field);
  });

  it('creates a template under a new key, audited, and refuses a key that is taken with 409', async () => {
    const body = { key: 'overdue-30', channel: 'email', name: 'Thirty days overdue', ...everyPlaceholder };
    const created = await create(body, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, smsText: null, id: expect.any(String) });
    expect((await manager.agent.get('/api/templates/overdue-30')).body.bodyText).toBe(everyPlaceholder.bodyText);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'template.created', entityId: created.body.id })).toBe(1);
    const again = await create({ ...body, name: 'Another' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('template-key-taken');
    expect(again.body.error.details.fields[0].path).toBe('key');
  });

  it('refuses to create a template with a malformed key (400) or an unparsable body (422), naming the field', async () => {
    const badKey = await create({ key: 'Overdue 30', name: 'x', subject: 'x', bodyText: 'x' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.details.fields[0].path).toBe('key');
    const badBody = await create({ key: 'broken', name: 'x', subject: 'x', bodyText: '{{#a}}' });
    expect(badBody.status).toBe(422);
    expect(badBody.body.error.details.fields[0].path).toBe('bodyText');
    expect(await h.db.orm.em.fork().count(Template, { key: 'broken' })).toBe(0);
  });

  it('previews unsaved texts with the account’s real figures, exactly as the reminder activity renders them, the opt-out link pointing nowhere', async () => {
    const response = await preview({ accountId, channel: 'email', ...everyPlaceholder });
    expect(response.status).toBe(200);
    const euros = (minor: bigint) => formatMoney({ amountMinor: minor, currency: 'EUR' });
    expect(response.body.subject).toBe(`Smith & Co (TPL-1): ${euros(125000n)} open`);
    expect(response.body.text).toBe(
      [
        'Dear Ann Smith,',
        `${euros(120050n)} of ${euros(125000n)} is overdue since ${daysAgo(20)}:`,
        `  SC-1  due ${daysAgo(20)}  ${euros(120050n)}`,
        `  SC-2  due ${daysAgo(-28)}  ${euros(4950n)}`,
        `Your account: ${PUBLIC_URL}/accounts/${accountId}`,
        `Opt out: ${PUBLIC_URL}/optout/preview`,
        '',
        `See your invoices, pay, or arrange a payment date online: ${PUBLIC_URL}/portal/open/preview`,
        '',
      ].join('\n'),
    );
    expect(await h.db.orm.em.fork().count(Communication, { account: accountId })).toBe(0);

    // The same texts sent by the real activity (template 'overdue-30' was created above with them) read the same,
    // but for the contact's own opt-out token.
    const sent: { subject: string; text: string }[] = [];
    const mailer: Mailer = { send: async (mail) => (sent.push(mail), { messageId: mail.messageId }), close: () => undefined };
    const noon = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
    const activities = createActivities({ orm: h.db.orm, mailer, publicUrl: PUBLIC_URL, portal: { secret: HARNESS_PORTAL_SECRET, linkDays: 30 }, now: () => noon });
    const result = await activities.sendReminder({ key: 'preview-parity', accountId, workflowId: 'wf', nodeId: 'n', channel: 'email', template: 'overdue-30' });
    expect(result.status).toBe('sent');
    const token = (await h.db.orm.em.fork().findOneOrFail(Contact, { account: accountId })).optOutToken;
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe(response.body.subject);
    const portalToken = /\/portal\/open\/([A-Za-z0-9_-]+)/.exec(sent[0]?.text ?? '')?.[1];
    expect(portalToken).toBeDefined();
    expect(sent[0]?.text).toBe(response.body.text.replace('/optout/preview', `/optout/${token}`).replace('/portal/open/preview', `/portal/open/${portalToken}`));
  });

  it('previews an SMS from its short text, or the body text when it has none, without a subject', async () => {
    const short = await preview({ accountId, channel: 'sms', subject: 'ignored', bodyText: 'Long body', smsText: '{{account.name}} owes {{amount}}' });
    const link = `${PUBLIC_URL}/portal/open/preview`;
    expect(short.body).toEqual({ subject: '', text: `Smith & Co owes ${formatMoney({ amountMinor: 125000n, currency: 'EUR' })} ${link}` });
    const body = await preview({ accountId, channel: 'sms', subject: 'ignored', bodyText: 'Hello {{contactName}}' });
    expect(body.body).toEqual({ subject: '', text: `Hello Ann Smith ${link}` });
  });

  it('refuses a preview whose SMS would be too long for this account, naming the field that makes it', async () => {
    const response = await preview({ accountId, channel: 'sms', subject: '', bodyText: 'x', smsText: `{{invoiceList}}${'.'.repeat(1_590)}` });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('sms-too-long');
    expect(response.body.error.details.fields).toEqual([{ in: 'body', path: 'smsText', reason: expect.stringMatching(/over the limit of 1600/) }]);
  });

  it('refuses a preview of texts that do not parse (422), for an unknown account (404) or without a channel (400)', async () => {
    const broken = await preview({ accountId, channel: 'email', subject: '{{#x}}', bodyText: 'fine' });
    expect(broken.status).toBe(422);
    expect(broken.body.error.details.fields[0].path).toBe('subject');
    expect((await preview({ accountId: randomUUID(), channel: 'email', subject: 's', bodyText: 'b' })).status).toBe(404);
    const noChannel = await preview({ accountId, subject: 's', bodyText: 'b' });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.error.details.fields[0].path).toBe('channel');
  });
});
