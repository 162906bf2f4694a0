import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Account, ApiToken, AppUser, AuditLog } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// API tokens for machines: created by admins and shown once, acting as one user within their scopes, refused once
// revoked or expired, counted per token, and audited as the token.

const LIMIT = 8;
let h: Harness;
let admin: LoggedIn;
let manager: LoggedIn;
let alphaId: string;
let betaId: string;

const createToken = (body: Record<string, unknown>, as: LoggedIn = admin) => as.agent.post('/api/admin/api-tokens').set('x-csrf-token', as.csrf).send(body);

/** A new token's secret and id, acting as `userId` with `scopes`. */
async function token(userId: string, scopes: string[], name = `Token ${Math.random().toString(36).slice(2, 8)}`): Promise<{ secret: string; id: string }> {
  const created = await createToken({ name, userId, scopes });
  expect(created.status).toBe(201);
  return { secret: created.body.secret as string, id: created.body.token.id as string };
}

/** A request with the bearer token only: no cookie, no CSRF token. */
const withToken = (secret: string) => ({
  get: (path: string) => request(h.app).get(path).set('Authorization', `Bearer ${secret}`),
  post: (path: string, body: object) => request(h.app).post(path).set('Authorization', `Bearer ${secret}`).send(body),
});

beforeAll(async () => {
  h = await createHarness({ env: { API_TOKEN_REQUESTS_PER_MINUTE: String(LIMIT) } });
  admin = await h.login('admin');
  manager = await h.login('manager');
  const imported = await manager.agent
    .post('/api/imports/portfolio.csv')
    .set('x-csrf-token', manager.csrf)
    .set('content-type', 'text/csv')
    .send(
      'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,amount_minor,currency\n' +
        'TOK-A,Alpha Ltd,business,Europe/London,TA-1,2020-01-01,2020-02-01,1000,GBP\n' +
        'TOK-B,Beta Ltd,business,Europe/London,TB-1,2020-01-01,2020-02-01,2000,GBP\n',
    );
  expect(imported.status).toBe(201);
  const em = h.db.orm.em.fork();
  alphaId = (await em.findOneOrFail(Account, { externalRef: 'TOK-A' })).id;
  betaId = (await em.findOneOrFail(Account, { externalRef: 'TOK-B' })).id;
  // Alpha is collector1's, Beta belongs to nobody yet.
  await em.nativeUpdate(Account, { id: alphaId }, { assignedCollector: await h.userId('collector1') });
});
afterAll(async () => {
  await h.close();
});

describe('API tokens', () => {
  it('shows the secret once, keeps only its SHA-256, lists the token with its prefix, and audits the creation', async () => {
    const managerId = await h.userId('manager');
    const created = await createToken({ name: 'ERP sync', userId: managerId, scopes: ['accounts:read', 'invoices:write'], expiresAt: '2099-01-01T00:00:00Z' });

    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^rcp_[A-Za-z0-9_-]{43}$/);
    expect(created.body.token).toMatchObject({
      name: 'ERP sync',
      prefix: secret.slice(0, 12),
      user: { id: managerId, role: 'manager' },
      scopes: ['accounts:read', 'invoices:write'],
      expiresAt: '2099-01-01T00:00:00.000Z',
      lastUsedAt: null,
      status: 'active',
    });
    const stored = await h.db.orm.em.fork().findOneOrFail(ApiToken, { id: created.body.token.id });
    expect(stored.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
    const list = await admin.agent.get('/api/admin/api-tokens');
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.items.find((t: { id: string }) => t.id === stored.id)).toMatchObject({ name: 'ERP sync', prefix: secret.slice(0, 12) });
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'api-token.created', entityId: stored.id });
    expect(audits.map((a) => [a.actorId, a.details['scopes']])).toEqual([[admin.userId, ['accounts:read', 'invoices:write']]]);
    expect(JSON.stringify(audits[0]?.details)).not.toContain(secret);
  });

  it('lets only admins create, list and revoke tokens', async () => {
    expect((await createToken({ name: 'Mine', userId: manager.userId, scopes: ['accounts:read'] }, manager)).status).toBe(403);
    expect((await manager.agent.get('/api/admin/api-tokens')).status).toBe(403);
  });

  it('refuses an unknown scope, a past expiry and a deactivated user, naming the field', async () => {
    const managerId = await h.userId('manager');
    const unknownScope = await createToken({ name: 'Bad', userId: managerId, scopes: ['accounts:read', 'everything'] });
    expect(unknownScope.status).toBe(400);
    expect(unknownScope.body.error.details.fields).toEqual([expect.objectContaining({ in: 'body', path: 'scopes.1' })]);
    const past = await createToken({ name: 'Bad', userId: managerId, scopes: ['accounts:read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.body.error.details.fields).toEqual([{ in: 'body', path: 'expiresAt', reason: 'is already past' }]);
    const gone = await h.addUser({ email: 'gone@recoup.local', name: 'Gone', role: 'manager' });
    await h.db.orm.em.fork().nativeUpdate(AppUser, { id: gone }, { active: false });
    const inactive = await createToken({ name: 'Bad', userId: gone, scopes: ['accounts:read'] });
    expect(inactive.status).toBe(422);
    expect(inactive.body.error.code).toBe('token-user-inactive');
  });

  it('reads accounts with the bearer token alone, without a session or a CSRF token, and records its last use', async () => {
    const { secret, id } = await token(await h.userId('manager'), ['accounts:read']);

    const accounts = await withToken(secret).get('/api/accounts?limit=10');

    expect(accounts.status).toBe(200);
    expect(accounts.headers['set-cookie']).toBeUndefined();
    expect(accounts.body.items.map((a: { externalRef: string }) => a.externalRef).sort()).toEqual(['TOK-A', 'TOK-B']);
    expect((await withToken(secret).get('/api/auth/me')).body.user).toMatchObject({ id: await h.userId('manager'), role: 'manager' });
    expect((await h.db.orm.em.fork().findOneOrFail(ApiToken, { id })).lastUsedAt).toBeInstanceOf(Date);
  });

  it('refuses what the scopes do not open, and every route that is for people, with 403 naming the scope', async () => {
    const { secret } = await token(await h.userId('manager'), ['accounts:read']);

    const note = await withToken(secret).post(`/api/accounts/${alphaId}/notes`, { body: 'Called, no answer.' });
    expect(note.status).toBe(403);
    expect(note.body.error).toMatchObject({ code: 'token-scope-missing', message: expect.stringContaining('needs the scope accounts:write') });
    const users = await withToken(secret).get('/api/users');
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('token-route-closed');
    expect((await withToken(secret).get('/api/admin/api-tokens')).body.error.code).toBe('token-route-closed');
  });

  it('acts with its user’s role and team, never more: a collector’s token sees only their accounts and no KPIs', async () => {
    const { secret } = await token(await h.userId('collector1'), ['accounts:read', 'kpis:read']);

    const accounts = await withToken(secret).get('/api/accounts?limit=10');
    expect(accounts.body.items.map((a: { externalRef: string }) => a.externalRef)).toEqual(['TOK-A']);
    expect((await withToken(secret).get(`/api/accounts/${betaId}`)).status).toBe(404);
    const kpis = await withToken(secret).get('/api/kpis/aging');
    expect(kpis.status).toBe(403);
    expect(kpis.body.error.code).toBe('forbidden-role');
  });

  it('audits what a token writes as the token, under its user', async () => {
    const { secret, id } = await token(await h.userId('manager'), ['accounts:read', 'accounts:write'], 'CRM notes');

    const note = await withToken(secret).post(`/api/accounts/${alphaId}/notes`, { body: 'Synced from the CRM.' });

    expect(note.status).toBe(201);
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'account-note.added', entityId: note.body.id });
    expect(audits.map((a) => [a.actorId, a.details['apiToken']])).toEqual([[await h.userId('manager'), { id, name: 'CRM notes' }]]);
  });

  it('refuses a revoked, an expired, an unknown and a malformed token with 401 saying which', async () => {
    const managerId = await h.userId('manager');
    const revoked = await token(managerId, ['accounts:read'], 'Old connector');
    const revoke = await admin.agent.delete(`/api/admin/api-tokens/${revoked.id}`).set('x-csrf-token', admin.csrf);
    expect(revoke.status).toBe(200);
    expect(revoke.body.status).toBe('revoked');
    expect((await admin.agent.delete(`/api/admin/api-tokens/${revoked.id}`).set('x-csrf-token', admin.csrf)).status).toBe(409);
    const expired = await token(managerId, ['accounts:read'], 'Short-lived');
    await h.db.orm.em.fork().nativeUpdate(ApiToken, { id: expired.id }, { expiresAt: new Date(Date.now() - 1000) });

    const answers = await Promise.all(
      [revoked.secret, expired.secret, `rcp_${'A'.repeat(43)}`, 'not-a-token'].map(async (secret) => {
        const answer = await withToken(secret).get('/api/accounts');
        return [answer.status, answer.body.error.code];
      }),
    );

    expect(answers).toEqual([
      [401, 'token-revoked'],
      [401, 'token-expired'],
      [401, 'token-unknown'],
      [401, 'token-malformed'],
    ]);
    expect((await request(h.app).get('/api/accounts').set('Authorization', 'Basic abc')).body.error.code).toBe('token-malformed');
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'api-token.revoked', entityId: revoked.id });
    expect(audits.map((a) => a.actorId)).toEqual([admin.userId]);
  });

  it('refuses a token whose user was deactivated since', async () => {
    const userId = await h.addUser({ email: 'leaver@recoup.local', name: 'Leaver', role: 'manager' });
    const { secret } = await token(userId, ['accounts:read']);
    await h.db.orm.em.fork().nativeUpdate(AppUser, { id: userId }, { active: false });

    const answer = await withToken(secret).get('/api/accounts');

    expect([answer.status, answer.body.error.code]).toEqual([401, 'token-user-inactive']);
  });

  it('counts requests per token: over the limit a minute it answers 429 with Retry-After, and another token goes on', async () => {
    const managerId = await h.userId('manager');
    const busy = await token(managerId, ['accounts:read']);
    const other = await token(managerId, ['accounts:read']);

    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await withToken(busy.secret).get('/api/accounts?limit=1')).status);
    const refused = await withToken(busy.secret).get('/api/accounts?limit=1');

    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    expect(refused.body.error.code).toBe('token-rate-limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await withToken(other.secret).get('/api/accounts?limit=1')).status).toBe(200);
  });
});
