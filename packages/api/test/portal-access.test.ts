import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Account, AppUser, AuditLog, Contact, OutboxMessage } from '@recoup/db';
import { signPortalToken } from '@recoup/workflows';
import { createHarness, type Harness } from './support/harness.ts';
import { addPortalDebtor, enterPortal, portalCookie, portalLink, type PortalDebtor } from './support/portal-debtors.ts';

const SECRET = 'portal-link-secret-for-tests-0123456789abcdef';
const DAY = 86_400_000;

let h: Harness;
let ada: PortalDebtor;
let bob: PortalDebtor;

const link = (who: PortalDebtor, expiresInMs?: number): string => portalLink(SECRET, who, expiresInMs);

const enter = (who: PortalDebtor): Promise<string> => enterPortal(h.app, link(who));

beforeAll(async () => {
  h = await createHarness({ mailSink: true, env: { PORTAL_LINK_SECRET: SECRET } });
  ada = await addPortalDebtor(h.db.orm, 'PORTAL-ADA', 'Ada Analytics GmbH', { name: 'Ada Lovelace', email: 'ada@analytics.example' }, [
    { number: 'ADA-1001', amountMinor: 123456n, dueDate: '2026-10-31' },
    { number: 'ADA-1002', amountMinor: 5000n, dueDate: '2027-03-15' },
  ]);
  bob = await addPortalDebtor(h.db.orm, 'PORTAL-BOB', 'Bob Builders Ltd', { name: 'Bob Stone', email: 'bob@builders.example' }, [
    { number: 'BOB-2001', amountMinor: 99900n, dueDate: '2026-09-30' },
  ]);
});

afterAll(async () => {
  await h?.close();
});

describe('entering the debtor portal', () => {
  it('opens the portal from a signed link, moves the token out of the address bar and keeps the visit in its own cookie', async () => {
    const opened = await request(h.app).get(`/portal/open/${link(ada)}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/portal');
    const cookie = portalCookie(opened) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/portal/);

    const page = await request(h.app).get('/portal').set('Cookie', cookie.split(';')[0] ?? '');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ada Analytics GmbH');
    expect(page.text).toContain('ADA-1001');
    expect(page.text).toContain('ADA-1002');
  });

  it('shows nothing of another account, of the collector or of the strategy', async () => {
    const page = await request(h.app).get('/portal').set('Cookie', await enter(ada));
    const collector = await h.db.orm.em.fork().findOneOrFail(AppUser, { role: 'collector' }, { orderBy: { email: 'asc' } });
    for (const foreign of ['BOB-2001', 'Bob Builders', collector.email, collector.name, 'strategy', bob.accountId]) {
      expect(page.text).not.toContain(foreign);
    }
  });

  it('refuses a link whose account was swapped for another one, and sets no cookie', async () => {
    const bytes = Buffer.from(link(ada), 'base64url');
    Buffer.from(bob.accountId.replaceAll('-', ''), 'hex').copy(bytes, 2);
    const tampered = bytes.toString('base64url');
    const response = await request(h.app).get(`/portal/open/${tampered}`);
    expect(response.status).toBe(404);
    expect(response.text).toContain('The link is not valid');
    expect(portalCookie(response)).toBeNull();
  });

  it('refuses a correctly signed link that pairs one account with another account’s contact', async () => {
    const response = await request(h.app).get(`/portal/open/${link({ accountId: ada.accountId, contactId: bob.contactId })}`);
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('Bob');
  });

  it('refuses a link signed with another key, a truncated link and a session token used as a link', async () => {
    const foreign = signPortalToken('another-installation-secret-0123456789', 'link', { ...ada, expiresAt: new Date(Date.now() + DAY) });
    const session = signPortalToken(SECRET, 'session', { ...ada, expiresAt: new Date(Date.now() + DAY) });
    for (const token of [foreign, link(ada).slice(0, -4), session, 'x'.repeat(94)]) {
      expect((await request(h.app).get(`/portal/open/${token}`)).status).toBe(404);
    }
  });

  it('does not take a link in place of the session cookie', async () => {
    const response = await request(h.app).get('/portal').set('Cookie', `recoup_portal=${link(ada)}`);
    expect(response.status).toBe(401);
    expect(response.text).toContain('Your visit has ended');
  });

  it('ends a visit whose session has expired', async () => {
    const expired = signPortalToken(SECRET, 'session', { ...ada, expiresAt: new Date(Date.now() - 1_000) });
    const response = await request(h.app).get('/portal').set('Cookie', `recoup_portal=${expired}`);
    expect(response.status).toBe(401);
  });

  it('audits every visit with the contact who made it', async () => {
    await enter(bob);
    const rows = await h.db.orm.em.fork().find(AuditLog, { action: 'portal.visited', entityId: bob.accountId });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]?.details).toMatchObject({ actor: { kind: 'contact', contactId: bob.contactId, name: 'Bob Stone' }, via: 'link' });
  });
});

describe('a visit as news for the strategy', () => {
  it('tells the account’s workflow that the debtor opened the portal, once in an hour however often they come', async () => {
    const cara = await addPortalDebtor(h.db.orm, 'PORTAL-CARA', 'Cara Cartography', { name: 'Cara Map', email: 'cara@maps.example' }, [
      { number: 'CARA-1', amountMinor: 7000n, dueDate: '2026-10-01' },
    ]);
    await enter(cara);
    await enter(cara);
    const told = () => h.collections.of('portalVisited').filter((call) => call.accountId === cara.accountId);
    expect(told()).toHaveLength(1);
    const events = await h.db.orm.em
      .fork()
      .execute<{ kind: string; sent: boolean }[]>(`select kind, sent_at is not null as sent from account_event where account_id = ?`, [cara.accountId]);
    expect(events).toEqual([{ kind: 'portal-visited', sent: true }]);

    // An hour on, the next visit is news again.
    await h.db.orm.em.fork().execute(`update account_event set created_at = created_at - interval '61 minutes' where account_id = ?`, [cara.accountId]);
    await enter(cara);
    expect(told()).toHaveLength(2);
  });
});

describe('an expired link', () => {
  const latestCodeMail = async (to: string): Promise<string> => {
    const mails = await h.db.orm.em.fork().find(OutboxMessage, { rcptTo: { $contains: [to] } }, { orderBy: { receivedAt: 'desc' } });
    const code = /\b(\d{6})\b/.exec(mails[0]?.textBody ?? '')?.[1];
    if (!code) throw new Error(`no code mailed to ${to}`);
    return code;
  };

  it('offers a one-time code to the address on file, masked, and admits with the code from the mail', async () => {
    const expired = link(ada, -DAY);
    const offer = await request(h.app).get(`/portal/open/${expired}`);
    expect(offer.status).toBe(401);
    expect(offer.text).toContain('a***@analytics.example');
    expect(offer.text).not.toContain('ada@analytics.example');
    expect(portalCookie(offer)).toBeNull();

    const sent = await request(h.app).post('/portal/code').type('form').send({ token: expired });
    expect(sent.status).toBe(200);
    const code = await latestCodeMail('ada@analytics.example');

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await request(h.app).post('/portal/code/check').type('form').send({ token: expired, code: wrong });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('4 more tries');

    const admitted = await request(h.app).post('/portal/code/check').type('form').send({ token: expired, code });
    expect(admitted.status).toBe(303);
    expect(portalCookie(admitted)).not.toBeNull();

    const reused = await request(h.app).post('/portal/code/check').type('form').send({ token: expired, code });
    expect(reused.status).toBe(400);
  });

  it('spends a code after five wrong tries, so the right one no longer works', async () => {
    const expired = link(bob, -DAY);
    expect((await request(h.app).post('/portal/code').type('form').send({ token: expired })).status).toBe(200);
    const code = await latestCodeMail('bob@builders.example');
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i += 1) await request(h.app).post('/portal/code/check').type('form').send({ token: expired, code: wrong });
    const late = await request(h.app).post('/portal/code/check').type('form').send({ token: expired, code });
    expect(late.status).toBe(400);
    expect(late.text).toContain('can no longer be used');
  });

  it('sends a contact at most three codes a quarter hour', async () => {
    const em = h.db.orm.em.fork();
    const account = await em.findOneOrFail(Account, { id: ada.accountId });
    const other = em.create(Contact, { account, name: 'Grace Hopper', email: 'grace@analytics.example', phone: null, timeZone: null, isPrimary: false });
    await em.flush();
    const expired = link({ accountId: ada.accountId, contactId: other.id }, -DAY);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await request(h.app).post('/portal/code').type('form').send({ token: expired })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('the portal in the debtor’s language', () => {
  it('writes the page in German, with German money and dates, for a browser that asks for German', async () => {
    const page = await request(h.app).get('/portal').set('Cookie', await enter(ada)).set('Accept-Language', 'de-DE,de;q=0.9,en;q=0.5');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="de"');
    expect(page.text).toContain('Offene Rechnungen');
    expect(page.text).toContain('1.234,56');
    expect(page.text).toContain('31.10.2026');
  });

  it('keeps the language a contact chose, whatever their browser says', async () => {
    const cookie = await enter(bob);
    const chosen = await request(h.app).post('/portal/language').set('Cookie', cookie).type('form').send({ language: 'de' });
    expect(chosen.status).toBe(303);
    const page = await request(h.app).get('/portal').set('Cookie', cookie).set('Accept-Language', 'en-GB');
    expect(page.text).toContain('<html lang="de"');
    await h.db.orm.em.fork().nativeUpdate(Contact, { id: bob.contactId }, { locale: null });
  });

  it('writes English money and dates for an English browser', async () => {
    const page = await request(h.app).get('/portal').set('Cookie', await enter(ada)).set('Accept-Language', 'en-US');
    expect(page.text).toContain('Open invoices');
    expect(page.text).toContain('€1,234.56');
  });
});

describe('portal rate limit', () => {
  it('answers 429 with Retry-After once one address has made 120 requests in a minute', async () => {
    const agent = () => request(h.app).get('/portal/open/not-a-real-link');
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 125 && last !== 429; i += 1) {
      const response = await agent();
      last = response.status;
      retryAfter = response.headers['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
