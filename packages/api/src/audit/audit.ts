import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, type AuditEntry } from '@recoup/db';

/** The API token a request came with, which every audit entry written while serving it names. */
export interface AuditedToken {
  id: string;
  name: string;
}

const requestToken = new AsyncLocalStorage<AuditedToken>();

/** Runs the rest of a request made with an API token, so what it writes is audited as that token. */
export const runAsToken = (token: AuditedToken, next: () => void): void => {
  requestToken.run(token, next);
};

/**
 * Appends to the hash-chained audit log inside the caller's transaction. Call it after the use case's own flush:
 * appendAudit flushes too, and it should write only its own row. Under an API token the entry's actor is the
 * token's user and its details name the token.
 */
export const audit = async (em: EntityManager, entry: AuditEntry): Promise<void> => {
  const token = requestToken.getStore();
  await appendAudit(em, token ? { ...entry, details: { ...entry.details, apiToken: { id: token.id, name: token.name } } } : entry);
};
