import type { EntityManager } from '@mikro-orm/postgresql';
import { recordUnsentContact, type ICommunication } from '@recoup/db';
import type { SendReminderInput, SendReminderResult } from './activity-types.ts';

// The communication log shows every reminder, including those that did not go out and why (the `reason`
// column): nothing a strategy asked for is dropped silently.

/** What an earlier attempt with the same key already decided, so a retry answers the same. */
export function resultOfLogged(row: ICommunication): SendReminderResult {
  switch (row.status) {
    case 'sent':
      return { communicationId: row.id, status: 'already-sent' };
    case 'suppressed':
      return { communicationId: row.id, status: 'suppressed', reason: row.reason ?? 'suppressed' };
    case 'failed':
      // Rows written before suppressions existed: nobody could be e-mailed.
      return { communicationId: row.id, status: 'no-recipient' };
    case 'unconfirmed':
      return { communicationId: row.id, status: 'unconfirmed', reason: row.reason ?? 'unconfirmed' };
    case 'sending':
      throw new Error(`Communication ${row.id} is still being sent; its sender decides what became of it.`);
    case 'deferred':
    case 'refused':
    case 'received':
      throw new Error(`Communication ${row.id} under the reminder's own key "${row.key}" is ${row.status}; those have keys of their own.`);
  }
}

interface NotSent {
  key: string;
  status: 'deferred' | 'suppressed' | 'failed';
  toAddress: string;
  subject: string;
  reason: string;
  now: Date;
}

/** Inserts the row once, through the one recorder every path that stops a contact uses. */
async function logNotSent(em: EntityManager, input: SendReminderInput, row: NotSent): Promise<ICommunication> {
  return recordUnsentContact(em, {
    accountId: input.accountId,
    key: row.key,
    channel: input.channel,
    status: row.status,
    templateKey: input.template,
    toAddress: row.toAddress,
    subject: row.subject,
    reason: row.reason,
    workflowId: input.workflowId,
    nodeId: input.nodeId,
    at: row.now,
  });
}

/** A contact the compliance rules refuse for now; the reminder is tried again at `until` under the same key. */
export async function logDeferral(
  em: EntityManager,
  input: SendReminderInput,
  toAddress: string,
  until: Date,
  reason: string,
  now: Date,
): Promise<SendReminderResult> {
  const deferredUntil = until.toISOString();
  const row = await logNotSent(em, input, {
    key: `${input.key}/deferred/${deferredUntil}`,
    status: 'deferred',
    toAddress,
    subject: `Deferred until ${deferredUntil}`,
    reason,
    now,
  });
  return { status: 'deferred', communicationId: row.id, deferredUntil, reason };
}

/** A reminder that may not go out at all; logged under the reminder's own key, so it is final. */
export async function logSuppression(em: EntityManager, input: SendReminderInput, reason: string, now: Date): Promise<SendReminderResult> {
  const row = await logNotSent(em, input, { key: input.key, status: 'suppressed', toAddress: '', subject: '', reason, now });
  return resultOfLogged(row);
}

/**
 * A provider refused the message for good. Logged under a key of its own, so the reminder's key stays free:
 * after the cause is fixed, a reset of the workflow may send it.
 */
export async function logFailure(
  em: EntityManager,
  input: SendReminderInput,
  toAddress: string,
  reason: string,
  now: Date,
): Promise<void> {
  await logNotSent(em, input, { key: `${input.key}/failed`, status: 'failed', toAddress, subject: '', reason, now });
}
