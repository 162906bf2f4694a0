import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { appendAudit, AuditLog, type AppendedAudit, type AuditEntry } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// The admin audit log on real PostgreSQL: filters and keyset paging over entries appended the way the app appends
// them, who may read it, and the chain check finding an entry changed behind the application's back.

let h: Harness;
let admin: LoggedIn;
let adminId: string;
let managerId: string;
const appended: (AppendedAudit & AuditEntry)[] = [];

interface ListBody {
  items: { id: string; at: string; actor: { id: string; name: string | null; email: string | null } | null; action: string; entity: string; entityId: string; details: Record<string, unknown> }[];
  nextBefore: string | null;
}

/** Appends one entry; each gets a later millisecond than the one before, so date ranges can fall between them. */
const append = async (entry: AuditEntry): Promise<AppendedAudit & AuditEntry> => {
  const last = appended.at(-1)?.at.getTime() ?? 0;
  while (Date.now() <= last) await new Promise((resolve) => setImmediate(resolve));
  const row = { ...entry, ...(await appendAudit(h.db.orm.em.fork(), entry)) };
  appended.push(row);
  return row;
};

const list = async (query: string): Promise<ListBody> => {
  const response = await admin.agent.get(`/api/admin/audit?${query}`);
  expect({ query, status: response.status }).toEqual({ query, status: 200 });
  return response.body as ListBody;
};

const ids = (body: ListBody) => body.items.map((item) => item.id);
const newestFirst = (rows: readonly { id: string }[]) => rows.map((row) => row.id).sort((a, b) => Number(BigInt(b) - BigInt(a)));

/** Changes a row behind the application's back, as a superuser who switched the immutability trigger off. */
async function tamper(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: h.db.url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  adminId = await h.userId('admin');
  managerId = await h.userId('manager');
  await append({ actorId: adminId, action: 'user.created', entity: 'test-user', entityId: 'u-1', details: { role: 'collector' } });
  await append({ actorId: managerId, action: 'payment.reversed', entity: 'test-payment', entityId: 'p-1', details: { reason: 'bounced' } });
  await append({ actorId: null, action: 'contact.opted-out', entity: 'test-contact', entityId: 'c-1' });
  await append({ actorId: managerId, action: 'contact.consent-changed', entity: 'test-contact', entityId: 'c-1' });
  await append({ actorId: adminId, action: 'user.role-changed', entity: 'test-user', entityId: 'u-1', details: { from: 'collector', to: 'manager' } });
  await append({ actorId: managerId, action: 'payment.reversed', entity: 'test-payment', entityId: 'p-2' });
  await append({ actorId: adminId, action: 'user_created', entity: 'test-user', entityId: 'u-2' });
  await append({ actorId: managerId, action: 'note.added', entity: 'test-user', entityId: 'u-2' });
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/admin/audit', () => {
  it('lists entries newest first, with who made each one', async () => {
    const body = await list('entity=test-user');
    expect(ids(body)).toEqual(newestFirst(appended.filter((e) => e.entity === 'test-user')));
    expect(body.items[0]).toMatchObject({ action: 'note.added', entityId: 'u-2', actor: { id: managerId, name: expect.any(String), email: 'manager@recoup.local' } });
    expect(body.items[1]).toMatchObject({ action: 'user_created', actor: { id: adminId, email: 'admin@recoup.local' } });
    expect(body.items.at(-1)).toMatchObject({ action: 'user.created', details: { role: 'collector' } });
    expect(body.nextBefore).toBeNull();
  });

  it('pages through the whole log with the keyset cursor, never repeating or skipping an entry', async () => {
    const all = await h.db.orm.em.fork().find(AuditLog, {}, { orderBy: { id: 'desc' }, fields: ['id'] });
    expect(all.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: ListBody = await list(`limit=2${cursor ? `&before=${cursor}` : ''}`);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(body));
      cursor = body.nextBefore;
      pages++;
    } while (cursor !== null && pages < 100);
    expect(seen).toEqual(all.map((row) => row.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  // Each case keeps to the test's own entries, so the entries the app writes itself (sign-ins) cannot change the
  // answer, and among them leaves some out that only the filter under test excludes: a filter ignored fails.
  it.each([
    ['an actor', () => `actorId=${adminId}&entity=test-user`, (e: AuditEntry) => e.actorId === adminId && e.entity === 'test-user'],
    ['no actor (the system)', () => 'actorId=system&entity=test-contact', (e: AuditEntry) => e.actorId === null],
    ['the start of an action name', () => 'action=user.&entity=test-user', (e: AuditEntry) => e.action.startsWith('user.')],
    ['an action name in full', () => 'action=payment.reversed', (e: AuditEntry) => e.action === 'payment.reversed'],
    ['an entity', () => 'entity=test-payment', (e: AuditEntry) => e.entity === 'test-payment'],
    ['an entity and its id', () => 'entity=test-payment&entityId=p-2', (e: AuditEntry) => e.entityId === 'p-2'],
    ['an entity id alone', () => 'entityId=u-1', (e: AuditEntry) => e.entityId === 'u-1'],
  ])('filters by %s', async (_what, query, matches) => {
    const want = newestFirst(appended.filter(matches));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(appended.length);
    expect(ids(await list(query()))).toEqual(want);
  });

  it('takes an underscore in the action literally, not as a LIKE wildcard', async () => {
    expect((await list('action=user_')).items.map((item) => item.action)).toEqual(['user_created']);
  });

  it('filters by a date range that includes its start and excludes its end', async () => {
    const [, second, third, fourth] = appended;
    if (!second || !third || !fourth) throw new Error('expected the appended entries');
    const from = second.at.toISOString();
    const to = fourth.at.toISOString();
    const body = await list(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(ids(body)).toEqual(newestFirst([second, third]));
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    const empty = await list(`from=${encodeURIComponent(new Date(yearAgo.getTime() - 86_400_000).toISOString())}&to=${encodeURIComponent(yearAgo.toISOString())}`);
    expect(empty.items).toEqual([]);
  });

  it.each([
    ['actorId=someone', 'actorId'],
    ['action=%20%20', 'action'],
    ['entityId=' + 'x'.repeat(201), 'entityId'],
    ['from=yesterday', 'from'],
    ['from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', 'to'],
    ['to=2999-01-01T00:00:00Z', 'to'],
    ['before=abc', 'before'],
    ['before=0', 'before'],
    ['before=99999999999999999999', 'before'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const response = await admin.agent.get(`/api/admin/audit?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation-failed');
    expect(response.body.error.details.fields).toEqual([expect.objectContaining({ in: 'query', path: field, reason: expect.any(String) })]);
  });
});

describe('who may read and check the audit log', () => {
  it.each([
    ['manager', 'manager'],
    ['collector', 'collector1'],
  ] as const)('answers 403 to a %s, for the list and for the check', async (_role, who) => {
    const session = await h.login(who);
    expect((await session.agent.get('/api/admin/audit')).status).toBe(403);
    expect((await session.agent.post('/api/admin/audit/verify').set('x-csrf-token', session.csrf)).status).toBe(403);
  });

  it('answers 401 to someone not signed in', async () => {
    expect((await request(h.app).get('/api/admin/audit')).status).toBe(401);
  });
});

describe('POST /api/admin/audit/verify', () => {
  const verify = async () => {
    const response = await admin.agent.post('/api/admin/audit/verify').set('x-csrf-token', admin.csrf);
    expect(response.status).toBe(200);
    return response.body as { verified: number; firstBroken: { id: string; at: string; reason: string } | null };
  };

  it('verifies every entry of an intact chain, and records that it was checked', async () => {
    const before = await h.db.orm.em.fork().count(AuditLog);
    expect(await verify()).toEqual({ verified: before, firstBroken: null });
    const recorded = await h.db.orm.em.fork().find(AuditLog, { action: 'audit.chain-verified' });
    expect(recorded).toEqual([expect.objectContaining({ actorId: adminId, details: { verified: before, firstBroken: null } })]);
  });

  it('names the first entry whose content was changed in the database, when it was made, and why it breaks', async () => {
    const [, second, , fourth] = appended;
    if (!second || !fourth) throw new Error('expected the appended entries');
    // Two rows changed; the check reports the older one, and how many entries before it held.
    await tamper(`update audit_log set details = '{"reason":"paid in cash"}' where id = ${second.id}`);
    await tamper(`update audit_log set action = 'user.deleted' where id = ${fourth.id}`);
    const intactBefore = await h.db.orm.em.fork().count(AuditLog, { id: { $lt: second.id } });

    expect(await verify()).toEqual({ verified: intactBefore, firstBroken: { id: second.id, at: second.at.toISOString(), reason: 'hash-mismatch' } });
  });

  it('names the entry after one that was removed, as no longer linking to the entry before it', async () => {
    const [, second, third] = appended;
    if (!second || !third) throw new Error('expected the appended entries');
    // Removing the changed row hides the change; the next row then points at a hash the chain no longer has.
    await tamper(`delete from audit_log where id = ${second.id}`);
    const result = await verify();
    expect(result.firstBroken).toEqual({ id: third.id, at: third.at.toISOString(), reason: 'prev-hash-mismatch' });
  });
});
