import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditLog, Communication, Contact, CollectorTask } from '@recoup/db';
import { createHarness, HARNESS_PORTAL_SECRET, type Harness } from './support/harness.ts';
import { addPortalDebtor, enterPortal, portalLink, type PortalDebtor } from './support/portal-debtors.ts';

// The debtor's own say over how they are contacted, and a message from them to their collector.

let h: Harness;
let seq = 0;

const debtor = async (contact: Partial<{ phone: string; postalAddress: string }> = {}): Promise<PortalDebtor> => {
  seq += 1;
  const who = await addPortalDebtor(h.db.orm, `CON-${seq}`, `Contact Debtor ${seq}`, { name: `Kim Kontakt ${seq}`, email: `kim${seq}@contact.example` }, [
    { number: `CON-${seq}-1`, amountMinor: 50_000n, dueDate: '2026-10-15' },
  ]);
  await h.db.orm.em.fork().nativeUpdate(Contact, { id: who.contactId }, { phone: contact.phone ?? null, postalAddress: contact.postalAddress ?? null, consentSms: Boolean(contact.phone), consentLetter: Boolean(contact.postalAddress) });
  return who;
};
const enter = (who: PortalDebtor) => enterPortal(h.app, portalLink(HARNESS_PORTAL_SECRET, who));
const post = (cookie: string, path: string, form: string, language = 'en-GB') =>
  request(h.app).post(path).set('Cookie', cookie).set('Accept-Language', language).type('form').send(form);
const contactOf = (who: PortalDebtor) => h.db.orm.em.fork().findOneOrFail(Contact, { id: who.contactId });

beforeAll(async () => {
  h = await createHarness();
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('the channels a debtor chooses in the portal', () => {
  it('offers each channel the contact has an address for, ticked while the creditor may use it', async () => {
    const who = await debtor({ phone: '+4915112345678' });
    const page = await request(h.app).get('/portal').set('Cookie', await enter(who)).set('Accept-Language', 'en-GB');
    expect(page.text).toMatch(/id="channel-email" checked> E-mail/);
    expect(page.text).toMatch(/id="channel-sms" checked> Text message <span class="muted">\(\+4915112345678\)/);
    // No postal address on file: no letter choice to make.
    expect(page.text).not.toContain('id="channel-letter"');
  });

  it('records an unticked channel as the debtor’s opt-out, and a ticked one as their consent again', async () => {
    const who = await debtor({ phone: '+4915112345678', postalAddress: 'Kim Kontakt\nHauptstr. 1\n10115 Berlin' });
    const cookie = await enter(who);
    const saved = await post(cookie, '/portal/preferences', 'channel=email&channel=letter');
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/portal?notice=preferences-saved');
    let contact = await contactOf(who);
    expect(contact).toMatchObject({ consentEmail: true, emailOptedOutAt: null, consentSms: false, consentLetter: true, letterOptedOutAt: null });
    expect(contact.smsOptedOutAt).toBeInstanceOf(Date);
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'portal.channels-chosen', entityId: who.accountId });
    expect(audits.map((a) => a.details)).toEqual([expect.objectContaining({ on: [], off: ['sms'], actor: expect.objectContaining({ contactId: who.contactId }) })]);

    const page = await request(h.app).get('/portal?notice=preferences-saved').set('Cookie', cookie);
    expect(page.text).toContain('Your choice is saved.');
    expect(page.text).toMatch(/id="channel-sms"> Text message/);

    await post(cookie, '/portal/preferences', 'channel=email&channel=letter&channel=sms');
    contact = await contactOf(who);
    expect(contact).toMatchObject({ consentSms: true, smsOptedOutAt: null });
  });

  it('changes nothing for a channel the contact has no address for, whatever the form says', async () => {
    const who = await debtor();
    const cookie = await enter(who);
    await post(cookie, '/portal/preferences', 'channel=email&channel=sms&channel=letter&channel=fax');
    const contact = await contactOf(who);
    expect(contact).toMatchObject({ consentSms: false, consentLetter: false, smsOptedOutAt: null, letterOptedOutAt: null, emailOptedOutAt: null });
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'portal.channels-chosen', entityId: who.accountId })).toBe(0);
  });
});

describe('a message from the debtor to their collector', () => {
  it('lands in the communication log as received, with an open task for the account’s collector', async () => {
    const who = await debtor();
    const cookie = await enter(who);
    const sent = await post(cookie, '/portal/message', `message=${encodeURIComponent('Invoice CON-1 was paid on 3 November, reference 4471.\r\nPlease check.')}`);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/portal?notice=message-sent');

    const em = h.db.orm.em.fork();
    const [message] = await em.find(Communication, { account: who.accountId });
    expect(message).toMatchObject({ direction: 'inbound', channel: 'portal', status: 'received', bodyText: 'Invoice CON-1 was paid on 3 November, reference 4471.\nPlease check.' });
    const [task] = await em.find(CollectorTask, { account: who.accountId }, { populate: ['account'] });
    expect(task).toMatchObject({ taskType: 'portal-request', status: 'open', outcomes: ['answered'], priority: 'high' });
    expect(task?.title).toContain('Invoice CON-1 was paid on 3 November');
    expect(task?.assignee?.id).toBe(task?.account.assignedCollector?.id);

    // The account page shows it among the communications, as the debtor's.
    const manager = await h.login('manager');
    const detail = await manager.agent.get(`/api/accounts/${who.accountId}`);
    expect(detail.body.communications).toEqual([expect.objectContaining({ direction: 'inbound', status: 'received', subject: `Message from Kim Kontakt ${seq} in the portal` })]);
    // A received message is not a reminder that went out.
    expect(await em.count(Communication, { account: who.accountId, status: 'sent' })).toBe(0);
  });

  it('refuses an empty message and one over the limit, naming why, and keeps nothing', async () => {
    const who = await debtor();
    const cookie = await enter(who);
    const empty = await post(cookie, '/portal/message', 'message=%20%20');
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Please write your message first.');
    const long = await post(cookie, '/portal/message', `message=${'x'.repeat(2_001)}`, 'de-DE');
    expect(long.status).toBe(400);
    expect(long.text).toContain('Ihre Nachricht ist länger als 2000 Zeichen');
    expect(await h.db.orm.em.fork().count(Communication, { account: who.accountId })).toBe(0);
  });

  it('asks a debtor who wrote five times in a day to wait for the answer', async () => {
    const who = await debtor();
    const cookie = await enter(who);
    for (let i = 1; i <= 5; i += 1) expect((await post(cookie, '/portal/message', `message=Message+${i}`)).status).toBe(303);
    const sixth = await post(cookie, '/portal/message', 'message=Message+6');
    expect(sixth.status).toBe(429);
    expect(sixth.text).toContain('You have written to us several times today.');
    expect(await h.db.orm.em.fork().count(Communication, { account: who.accountId })).toBe(5);
  });
});
