import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { appendAudit, assertAuditChain, AuditChainError, AuditLog, verifyAuditChain } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

/** Changes a row behind the application's back, as a superuser who switched the immutability trigger off. */
async function tamper(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('audit chain', () => {
  it('chains each entry to the previous one and verifies', async () => {
    const first = await appendAudit(db.orm.em.fork(), {
      actorId: null,
      action: 'account.created',
      entity: 'account',
      entityId: 'a-1',
      details: { b: 1, a: [1, 2], amountMinor: 12345n },
    });
    const second = await appendAudit(db.orm.em.fork(), {
      actorId: '00000000-0000-4000-8000-000000000001',
      action: 'payment.applied',
      entity: 'payment',
      entityId: 'p-1',
    });
    expect(first.prevHash).toBeNull();
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAuditChain(db.orm.em.fork())).toEqual({ ok: true, count: 2 });
  });

  it('serializes concurrent appends into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(db.orm.em.fork(), { actorId: null, action: 'bulk', entity: 'account', entityId: `c-${i}` }),
      ),
    );
    const result = await verifyAuditChain(db.orm.em.fork());
    expect(result).toEqual({ ok: true, count: 22 });
  });

  it('rolls the entry back with the caller transaction', async () => {
    const before = await db.orm.em.fork().count(AuditLog);
    await expect(
      db.orm.em.fork().transactional(async (tx) => {
        await appendAudit(tx, { actorId: null, action: 'doomed', entity: 'account', entityId: 'x' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.orm.em.fork().count(AuditLog)).toBe(before);
  });

  it('detects a row whose content was changed', async () => {
    const entry = await appendAudit(db.orm.em.fork(), {
      actorId: null,
      action: 'invoice.cancelled',
      entity: 'invoice',
      entityId: 'i-1',
      details: { reason: 'duplicate' },
    });
    await appendAudit(db.orm.em.fork(), { actorId: null, action: 'later', entity: 'invoice', entityId: 'i-2' });
    await tamper(`update audit_log set details = '{"reason":"paid"}' where id = ${entry.id}`);

    expect(await verifyAuditChain(db.orm.em.fork())).toEqual({
      ok: false,
      count: 22,
      brokenAtId: entry.id,
      brokenAt: entry.at,
      reason: 'hash-mismatch',
    });
    await expect(assertAuditChain(db.orm.em.fork())).rejects.toThrow(AuditChainError);
  });

  it('detects a deleted row', async () => {
    const rows = await db.orm.em.fork().find(AuditLog, {}, { orderBy: { id: 'asc' }, limit: 2 });
    const [, second] = rows;
    if (!second) throw new Error('expected two audit rows');
    // Removing the second row leaves the third pointing at a hash that is no longer in the chain.
    await tamper(`delete from audit_log where id = ${second.id}`);
    const result = await verifyAuditChain(db.orm.em.fork());
    expect(result).toMatchObject({ ok: false, count: 1, reason: 'prev-hash-mismatch' });
  });
});
