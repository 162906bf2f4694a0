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

  it.each([
    ['GET', '/optout/00000000-0000-4000-8000-000000000000'],
    ['POST', '/optout/not-a-token'],
    ['POST', '/optout/00000000-0000-4000-8000-000000000000'],
    ['GET', '/optout/'],
    ['GET', '/optout/a/b'],
  ])('answers %s %s that is no valid link with a JSON 404 in the API error shape', async (method, path) => {
    const response = method === 'GET' ? await request(h.app).get(path) : await request(h.app).post(path);
    expect(response.status).toBe(404);
    expect(response.type).toBe('application/json');
    expect(response.body.error).toMatchObject({ code: 'not-found', message: expect.any(String) });
  });

  it('still shows a browser the page saying the link is not recognised', async () => {
    const response = await request(h.app)
      .get('/optout/00000000-0000-4000-8000-000000000000')
      .set('accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(response.status).toBe(404);
    expect(response.type).toBe('text/html');
    expect(response.text).toContain('Link not recognised');
  });

  it('refuses a token with a NUL in it with 400 naming params.token', async () => {
    const response = await request(h.app).post('/optout/abc%00def');
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toEqual([{ in: 'params', path: 'token', reason: 'must not contain a NUL character (U+0000)' }]);
  });
});
