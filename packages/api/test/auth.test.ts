import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEMO_PASSWORD } from '@recoup/db/seed';
import { AuditLog } from '@recoup/db';
import { createHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('auth', () => {
  it('logs in, tells who is logged in, and logs out', async () => {
    const { agent, csrf } = await h.login('manager');
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'manager@recoup.local', role: 'manager' });
    expect(me.body.user.passwordHash).toBeUndefined();

    const out = await agent.post('/api/auth/logout').set('x-csrf-token', csrf);
    expect(out.status).toBe(204);
    const after = await agent.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('sets an httpOnly, SameSite=Lax session cookie named recoup.sid', async () => {
    const response = await request(h.app)
      .post('/api/auth/login')
      .send({ email: 'admin@recoup.local', password: DEMO_PASSWORD });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^recoup\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('refuses a wrong password with 401 and audits the attempt', async () => {
    const response = await request(h.app).post('/api/auth/login').send({ email: 'admin@recoup.local', password: 'nope' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'invalid-credentials', message: expect.any(String) } });
    const failed = await h.db.orm.em.fork().find(AuditLog, { action: 'auth.login-failed' });
    expect(failed.length).toBeGreaterThan(0);
  });

  it('audits every successful login', async () => {
    const before = await h.db.orm.em.fork().count(AuditLog, { action: 'auth.login' });
    await h.login('collector1');
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'auth.login' })).toBe(before + 1);
  });

  it('refuses a malformed login with 400 listing each field', async () => {
    const response = await request(h.app).post('/api/auth/login').send({ email: 'not-an-email' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation-failed');
    const paths = response.body.error.details.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['email', 'password']);
  });

  it('refuses a mutating request without the CSRF token, or with a wrong one', async () => {
    const { agent } = await h.login('manager');
    const missing = await agent.post('/api/strategies').send({ name: 'x' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf-token-missing');
    const wrong = await agent.post('/api/strategies').set('x-csrf-token', 'forged').send({ name: 'x' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('csrf-token-invalid');
  });

  it('hands out the session CSRF token at /api/auth/csrf', async () => {
    const { agent, csrf } = await h.login('manager');
    const response = await agent.get('/api/auth/csrf');
    expect(response.body).toEqual({ csrfToken: csrf });
  });

  it('stores no session for signed-out calls to /api/auth/csrf, /api/auth/me or a failed sign-in, and one at sign-in', async () => {
    const sessionRows = async () => Number((await h.db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from "session"'))[0]?.n);
    const before = await sessionRows();
    const anonymous = request.agent(h.app);
    for (let i = 0; i < 3; i++) expect((await anonymous.get('/api/auth/csrf')).status).toBe(200);
    expect((await request(h.app).get('/api/auth/csrf')).status).toBe(200);
    expect((await anonymous.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.post('/api/auth/login').send({ email: 'collector3@recoup.local', password: 'not it' })).status).toBe(401);
    expect(await sessionRows()).toBe(before);

    expect((await anonymous.post('/api/auth/login').send({ email: 'collector3@recoup.local', password: DEMO_PASSWORD })).status).toBe(200);
    expect(await sessionRows()).toBe(before + 1);
  });

  it('gives a signed-out client a token that works only with its own nonce cookie', async () => {
    const client = request.agent(h.app);
    const first = await client.get('/api/auth/csrf');
    expect(String(first.headers['set-cookie'])).toMatch(/^recoup\.csrf=[^;]+; Path=\/api; HttpOnly; SameSite=Lax$/);
    const token = (first.body as { csrfToken: string }).csrfToken;
    expect((await client.get('/api/auth/csrf')).body).toEqual({ csrfToken: token });

    // With its cookie the token passes the CSRF check, and the route then says who may use it.
    const own = await client.post('/api/auth/logout').set('x-csrf-token', token);
    expect(own.status).toBe(401);
    const withoutCookie = await request(h.app).post('/api/auth/logout').set('x-csrf-token', token);
    expect(withoutCookie.status).toBe(403);
    expect(withoutCookie.body.error.code).toBe('csrf-token-invalid');
    const otherClient = request.agent(h.app);
    await otherClient.get('/api/auth/csrf');
    const borrowed = await otherClient.post('/api/auth/logout').set('x-csrf-token', token);
    expect(borrowed.status).toBe(403);
    expect(borrowed.body.error.code).toBe('csrf-token-invalid');
  });

  it("refuses a signed-out client's token on a signed-in session", async () => {
    const client = request.agent(h.app);
    const anonymousToken = ((await client.get('/api/auth/csrf')).body as { csrfToken: string }).csrfToken;
    const login = await client.post('/api/auth/login').send({ email: 'manager@recoup.local', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const stale = await client.post('/api/strategies').set('x-csrf-token', anonymousToken).send({ name: 'x' });
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('csrf-token-invalid');
    const fresh = await client.post('/api/strategies').set('x-csrf-token', (login.body as { csrfToken: string }).csrfToken).send({ name: 'Made after sign-in' });
    expect(fresh.status).toBe(201);
  });

  it('refuses a role that may not act with 403', async () => {
    const { agent, csrf } = await h.login('collector1');
    const response = await agent.post('/api/strategies').set('x-csrf-token', csrf).send({ name: 'Mine' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden-role');
    const admin = await agent.get('/api/admin/accounts/00000000-0000-4000-8000-000000000000/history');
    expect(admin.status).toBe(403);
  });

  it('refuses anonymous access with 401', async () => {
    const response = await request(h.app).get('/api/tasks');
    expect(response.status).toBe(401);
  });
});

describe('error shape', () => {
  it('answers an unknown API route with 404 in the error shape', async () => {
    const { agent } = await h.login('manager');
    const response = await agent.get('/api/nowhere');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
  });

  it('answers malformed JSON with 400 and a non-JSON body with 415', async () => {
    const { agent, csrf } = await h.login('manager');
    const malformed = await agent
      .post('/api/strategies')
      .set('x-csrf-token', csrf)
      .set('content-type', 'application/json')
      .send('{"name":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed-body');
    const text = await agent.post('/api/strategies').set('x-csrf-token', csrf).set('content-type', 'text/plain').send('hi');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported-media-type');
  });

  it('answers a body above the JSON limit with 413', async () => {
    const { agent, csrf } = await h.login('manager');
    const response = await agent
      .post('/api/strategies')
      .set('x-csrf-token', csrf)
      .send({ name: 'big', description: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload-too-large');
  });

  it('answers a bad id with 400 naming the parameter', async () => {
    const { agent } = await h.login('manager');
    const response = await agent.get('/api/tasks/not-a-uuid');
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toEqual([{ in: 'params', path: 'id', reason: 'must be a UUID' }]);
  });

  it('reports health without logging in', async () => {
    const response = await request(h.app).get('/api/health');
    expect(response.status).toBe(200);
    // The recording client has no Temporal to ask about workers: the API answers, degraded, and says why.
    expect(response.body).toEqual({
      status: 'degraded',
      demo: false,
      temporalUiUrl: null,
      version: expect.any(String),
      worker: { status: 'unknown', taskQueue: expect.any(String), pollers: 0, detail: expect.stringContaining('no Temporal connection') },
    });
  });
});
