import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditLog, type IAuditLog } from './entities/audit-log.entity.ts';
import type { JsonObject } from './entities/json.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { AuditChainError } from './errors.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
}

export interface AppendedAudit {
  id: string;
  at: Date;
  prevHash: string | null;
  hash: string;
}

export type AuditChainVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAtId: string; brokenAt: Date; reason: AuditChainBreak };

/**
 * Why a row breaks the chain. hash-mismatch: its content no longer gives its stored hash (it was changed).
 * prev-hash-mismatch: it does not point at the hash of the row before it (a row before it was removed, inserted or
 * rewritten with a fresh hash, or its own link was changed).
 */
export type AuditChainBreak = 'hash-mismatch' | 'prev-hash-mismatch';

// Arbitrary constant identifying "the audit chain" among advisory locks.
const AUDIT_CHAIN_LOCK = 727_001_771;
const VERIFY_BATCH = 1000;

interface ChainedFields {
  at: Date;
  actorId?: string | null;
  action: string;
  entity: string;
  entityId: string;
  details: JsonObject;
}

/** hash = sha256(prev_hash || canonical JSON of the row's content), with '' for the first row. */
export function auditHash(prevHash: string | null, row: ChainedFields): string {
  const canonical = canonicalJson({
    action: row.action,
    actorId: row.actorId ?? null,
    at: row.at.toISOString(),
    details: row.details,
    entity: row.entity,
    entityId: row.entityId,
  });
  return sha256Hex((prevHash ?? '') + canonical);
}

/**
 * Appends one row to the audit chain. Runs in the caller's transaction when there is one (so the entry commits or
 * rolls back with the change it records), otherwise in its own. Appends are serialized by a transaction-scoped
 * advisory lock, so two writers never chain onto the same previous hash.
 */
export async function appendAudit(em: EntityManager, entry: AuditEntry): Promise<AppendedAudit> {
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK]);
    const last = await tx.execute<{ hash: string }[]>('select "hash" from "audit_log" order by "id" desc limit 1');
    const prevHash = last[0]?.hash ?? null;
    // Store exactly what is hashed: jsonb would otherwise drop or reshape values JSON cannot carry.
    const details = JSON.parse(canonicalJson(entry.details ?? {})) as JsonObject;
    const fields: ChainedFields = {
      at: new Date(),
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      details,
    };
    const hash = auditHash(prevHash, fields);
    const row = tx.create(AuditLog, { ...fields, prevHash, hash });
    await tx.flush();
    return { id: row.id, at: row.at, prevHash, hash };
  });
}

/**
 * Recomputes the whole chain in id order, a bounded batch at a time, and reports the first row whose hash or link
 * does not match. `count` is how many rows before that one held.
 */
export async function verifyAuditChain(em: EntityManager): Promise<AuditChainVerification> {
  const fork = em.fork({ clear: true });
  let prevHash: string | null = null;
  let count = 0;
  let afterId: string | null = null;
  for (;;) {
    const batch: IAuditLog[] = await fork.find(
      AuditLog,
      afterId === null ? {} : { id: { $gt: afterId } },
      { orderBy: { id: 'asc' }, limit: VERIFY_BATCH },
    );
    for (const row of batch) {
      if (row.prevHash !== prevHash) return { ok: false, count, brokenAtId: row.id, brokenAt: row.at, reason: 'prev-hash-mismatch' };
      if (auditHash(prevHash, row) !== row.hash) return { ok: false, count, brokenAtId: row.id, brokenAt: row.at, reason: 'hash-mismatch' };
      prevHash = row.hash;
      count++;
    }
    if (batch.length < VERIFY_BATCH) return { ok: true, count };
    afterId = batch[batch.length - 1]?.id ?? null;
    fork.clear();
  }
}

/** Like verifyAuditChain, but throws AuditChainError when the chain is broken. */
export async function assertAuditChain(em: EntityManager): Promise<number> {
  const result = await verifyAuditChain(em);
  if (!result.ok) {
    throw new AuditChainError(`audit chain broken at row ${result.brokenAtId} (${result.reason})`);
  }
  return result.count;
}
