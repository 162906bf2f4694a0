import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, type AuditEntry } from '@recoup/db';

/**
 * Appends to the hash-chained audit log inside the caller's transaction. Call it after the use case's own flush:
 * appendAudit flushes too, and it should write only its own row.
 */
export const audit = async (em: EntityManager, entry: AuditEntry): Promise<void> => {
  await appendAudit(em, entry);
};
