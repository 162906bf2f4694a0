import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { AuditLog } from '@recoup/db';
import { DEMO_PASSWORD } from '@recoup/db/seed';
import { SIGN_IN_THROTTLE_TABLE } from '../src/auth/sign-in-throttle.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// Sign-in throttling against the real app and PostgreSQL. Every request here comes from the same loopback
// address, so the account tests run on a harness whose per-address limit they cannot reach, and the address test
// on one whose per-account limit it cannot reach.

let accounts: Harness;
let addresses: Harness;
let admin: LoggedIn;

beforeAll(async () => {
  accounts = await createHarness({ env: { SIGN_IN_ADDRESS_MAX_FAILURES: '1000' } });
  addresses = await createHarness({ env: { SIGN_IN_ACCOUNT_MAX_FAILURES: '1000', SIGN_IN_ADDRESS_MAX_FAILURES: '3' } });
  admin = await accounts.login('admin');
});
afterAll(async () => {
  await accounts?.close();
  await addresses?.close();
});

const signIn = (h: Harness, email: string, password: string) => request(h.app).post('/api/auth/login').send({ email, password });

const failTimes = async (h: Harness, email: string, times: number): Promise<number[]> => {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(h, email, `wrong password ${i}`)).status);
  return statuses;
};

const newCollector = async (h: Harness, name: string): Promise<{ id: string; email: string }> => {
  const email = `${name.toLowerCase()}@recoup.local`;
  return { id: await h.addUser({ email, name, role: 'collector' }), email };
};

/** Ends the account's current lock in the store, as its expiry passing would: the test need not wait for it. */
const expireLocks = async (h: Harness): Promise<void> => {
  await h.db.orm.em.fork().execute(`update "${SIGN_IN_THROTTLE_TABLE}" set "expire" = ? where "key" like 'sign-in-account:%'`, [Date.now() - 1]);
};

const lockEntries = (h: Harness, entityId: string) =>
  h.db.orm.em.fork().find(AuditLog, { action: 'auth.sign-in-locked', entityId }, { orderBy: { id: 'asc' } });

describe('sign-in throttling per account', () => {
  it('answers 429 with Retry-After after five wrong passwords for one account', async () => {
    const { email } = await newCollector(accounts, 'Tess');
    expect(await failTimes(accounts, email, 5)).toEqual([401, 401, 401, 401, 401]);

    const refused = await signIn(accounts, email, 'wrong again');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.body).toEqual({
      error: {
        code: 'too-many-sign-ins',
        message: expect.stringMatching(/^Too many failed sign-ins for this e-mail address\. Try again in \d+ minutes/),
        details: { scope: 'account', retryAfterSeconds: retryAfter },
      },
    });
  });

  it('refuses even the right password while the account is locked', async () => {
    const { email } = await newCollector(accounts, 'Ulla');
    await failTimes(accounts, email, 5);
    const right = await signIn(accounts, email, DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('counts the e-mail the same whatever its letter case', async () => {
    const { email } = await newCollector(accounts, 'Vera');
    await failTimes(accounts, email.toUpperCase(), 5);
    expect((await signIn(accounts, email, DEMO_PASSWORD)).status).toBe(429);
  });

  it('throttles an e-mail that belongs to nobody like any other', async () => {
    expect(await failTimes(accounts, 'nobody-here@recoup.local', 6)).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('leaves other accounts signing in while one is locked', async () => {
    const { email } = await newCollector(accounts, 'Wanda');
    await failTimes(accounts, email, 5);
    expect((await signIn(accounts, 'collector2@recoup.local', DEMO_PASSWORD)).status).toBe(200);
  });

  it('starts the count again after a successful sign-in', async () => {
    const { email } = await newCollector(accounts, 'Xena');
    expect(await failTimes(accounts, email, 4)).toEqual([401, 401, 401, 401]);
    expect((await signIn(accounts, email, DEMO_PASSWORD)).status).toBe(200);
    expect(await failTimes(accounts, email, 4)).toEqual([401, 401, 401, 401]);
    expect((await signIn(accounts, email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('lets no more than five of a burst of parallel wrong passwords be checked', async () => {
    const { email } = await newCollector(accounts, 'Yara');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(accounts, email, `parallel guess ${i}`)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(await accounts.db.orm.em.fork().count(AuditLog, { action: 'auth.login-failed', details: { email } })).toBe(5);
  });

  it('audits the lock with the e-mail, the address and how long it lasts', async () => {
    const { id, email } = await newCollector(accounts, 'Zoe');
    await failTimes(accounts, email, 5);
    const [entry, ...more] = await lockEntries(accounts, id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: null, entity: 'app_user', entityId: id });
    expect(entry?.details).toMatchObject({ scope: 'account', email, failures: 5, lockNumber: 1, lockSeconds: 900, ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
  });

  it('locks for twice as long when the account is locked again within a day', async () => {
    const { id, email } = await newCollector(accounts, 'Abel');
    await failTimes(accounts, email, 5);
    await expireLocks(accounts);
    expect(await failTimes(accounts, email, 5)).toEqual([401, 401, 401, 401, 401]);
    const refused = await signIn(accounts, email, DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(15 * 60);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30 * 60);
    const entries = await lockEntries(accounts, id);
    expect(entries.map((entry) => [entry.details['lockNumber'], entry.details['lockSeconds']])).toEqual([
      [1, 900],
      [2, 1800],
    ]);
  });
});

describe('unlocking an account', () => {
  const unlock = (id: string) => admin.agent.post(`/api/users/${id}/unlock-sign-in`).set('x-csrf-token', admin.csrf);
  const listed = async (id: string) => {
    const users = (await admin.agent.get('/api/users')).body as { id: string; signInLockedUntil: string | null }[];
    return users.find((user) => user.id === id);
  };

  it('shows a locked user on the users list, and lets an admin unlock them so the right password works', async () => {
    const { id, email } = await newCollector(accounts, 'Bruno');
    expect((await listed(id))?.signInLockedUntil).toBeNull();
    await failTimes(accounts, email, 5);
    const lockedUntil = (await listed(id))?.signInLockedUntil;
    expect(Date.parse(lockedUntil ?? '')).toBeGreaterThan(Date.now());

    const response = await unlock(id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, email, signInLockedUntil: null });
    expect((await listed(id))?.signInLockedUntil).toBeNull();
    expect((await signIn(accounts, email, DEMO_PASSWORD)).status).toBe(200);

    const [entry] = await accounts.db.orm.em.fork().find(AuditLog, { action: 'user.sign-in-unlocked', entityId: id });
    expect(entry).toMatchObject({ actorId: admin.userId, details: { email, wasLockedUntil: lockedUntil } });
  });

  it('forgets the earlier lock, so the next one is the first again', async () => {
    const { id, email } = await newCollector(accounts, 'Cleo');
    await failTimes(accounts, email, 5);
    expect((await unlock(id)).status).toBe(200);
    await failTimes(accounts, email, 5);
    const entries = await lockEntries(accounts, id);
    expect(entries.map((entry) => entry.details['lockNumber'])).toEqual([1, 1]);
  });

  it('answers 404 for a user that does not exist', async () => {
    const response = await unlock('00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not-found');
  });

  it('refuses a manager with 403', async () => {
    const manager = await accounts.login('manager');
    const { id } = await newCollector(accounts, 'Dora');
    const response = await manager.agent.post(`/api/users/${id}/unlock-sign-in`).set('x-csrf-token', manager.csrf);
    expect(response.status).toBe(403);
  });
});

describe('sign-in throttling per client address', () => {
  it('answers 429 to every e-mail from an address after its limit of failures across several e-mails', async () => {
    for (const email of ['first-guess@recoup.local', 'second-guess@recoup.local', 'third-guess@recoup.local']) {
      expect((await signIn(addresses, email, 'wrong')).status).toBe(401);
    }
    const refused = await signIn(addresses, 'manager@recoup.local', DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error).toMatchObject({ code: 'too-many-sign-ins', details: { scope: 'address' } });
    expect(refused.body.error.message).toMatch(/from your network address/);
    const entries = await addresses.db.orm.em.fork().find(AuditLog, { action: 'auth.sign-in-locked' });
    expect(entries.map((entry) => [entry.entity, entry.entityId, entry.details['scope'], entry.details['failures']])).toEqual([
      ['client_address', expect.stringMatching(/^127\.0\.0\.1$|^0:0:0:0::\/64$/), 'address', 3],
    ]);
  });
});

describe('the throttle table', () => {
  it('has exactly the columns that rate-limiter-flexible would create for itself', async () => {
    const pool = new pg.Pool({ connectionString: accounts.db.url, max: 1 });
    try {
      await pool.query('create schema "library_shape"');
      // Let the library create its own table in a scratch schema, then compare it with the migration's.
      await new Promise<void>((done, fail) => {
        new RateLimiterPostgres(
          { storeClient: pool, storeType: 'pool', tableName: SIGN_IN_THROTTLE_TABLE, schemaName: 'library_shape', clearExpiredByTimeout: false, points: 1, duration: 60 },
          (error?: unknown) => (error ? fail(error instanceof Error ? error : new Error(String(error))) : done()),
        );
      });
      const columns = async (schema: string) =>
        (
          await pool.query(
            `select column_name, ordinal_position, data_type, character_maximum_length, is_nullable, column_default
               from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`,
            [schema, SIGN_IN_THROTTLE_TABLE],
          )
        ).rows;
      const expected = await columns('library_shape');
      expect(expected.map((column: { column_name: string }) => column.column_name)).toEqual(['key', 'points', 'expire']);
      expect(await columns('public')).toEqual(expected);
      const primaryKey = async (schema: string) =>
        (
          await pool.query(
            `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
              where i.indisprimary and i.indrelid = $1::regclass`,
            [`"${schema}"."${SIGN_IN_THROTTLE_TABLE}"`],
          )
        ).rows;
      expect(await primaryKey('public')).toEqual(await primaryKey('library_shape'));
    } finally {
      await pool.query('drop schema if exists "library_shape" cascade');
      await pool.end();
    }
  });
});
