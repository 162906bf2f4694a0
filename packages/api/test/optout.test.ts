import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Account, AuditLog, Contact } from '@recoup/db';
import { createHarness, type Harness } from './support/harness.ts';

let h: Harness;
let token: string;
let contactId: string;

beforeAll(async () => {
  h = await createHarness();
  const em = h.db.orm.em.fork();
  const account = em.create(Account, {
    externalRef: 'OPT-1',
    name: 'Opt Out Ltd',
    customerType: 'consumer',
    segment: 'standard',
    riskScore: null,
    currency: 'EUR',
    timeZone: 'Europe/Dublin',
    assignedCollector: null,
  });
  const contact = em.create(Contact, {
    account,
    name: 'Orla Out',
    email: 'orla@optout.example',
    phone: null,
    timeZone: 'Europe/Dublin',
    isPrimary: true,
    consentEmail: true,
  });
  await em.flush();
  token = contact.optOutToken;
  contactId = contact.id;
});

afterAll(async () => {
  await h?.close();
});

describe('opt-out link in e-mails', () => {
  it('shows the recipient what will stop, with the address masked, without a login', async () => {
    const res = await request(h.app).get(`/optout/${token}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('o***@optout.example');
    expect(res.text).not.toContain('orla@optout.example');
    expect(res.text).toContain('<form method="post">');
  });

  it('stops e-mails to the contact on POST, audits it, and is idempotent', async () => {
    const first = await request(h.app).post(`/optout/${token}`).type('form').send('List-Unsubscribe=One-Click');
    expect(first.status).toBe(200);
    expect(first.text).toContain('E-mails stopped');
    const second = await request(h.app).post(`/optout/${token}`);
    expect(second.status).toBe(200);
    const em = h.db.orm.em.fork();
    const contact = await em.findOneOrFail(Contact, { id: contactId });
    expect(contact.consentEmail).toBe(false);
    // Kept apart from consent, so a later consent update cannot undo the debtor's request.
    expect(contact.emailOptedOutAt).toBeInstanceOf(Date);
    expect(await em.count(AuditLog, { action: 'contact.email-opt-out', entityId: contactId })).toBe(1);
    const again = await request(h.app).get(`/optout/${token}`);
    expect(again.text).toContain('already stopped');
  });

  it('answers 404 for an unknown or malformed token and changes nothing', async () => {
    expect((await request(h.app).get('/optout/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await request(h.app).post('/optout/not-a-token')).status).toBe(404);
  });
});
