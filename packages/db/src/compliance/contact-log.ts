import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Communication, type CommunicationChannel, type ICommunication } from '../entities/communication.entity.ts';

/**
 * A contact that did not go out, and why: a reminder deferred to the next allowed moment or suppressed for good, a
 * call the rules refused (logged by a collector, asked for before dialling, or made while completing a task), a
 * call task the workflow deferred, or a send the provider refused. They all land in the account's communication
 * log through recordUnsentContact, so the log shows every attempt and no path keeps its own record. None of these
 * rows counts as a contact made: the facts and the call limits count only sent messages and placed calls.
 */
export interface UnsentContact {
  accountId: string;
  /** Unique per attempt: a retry, or the same refusal asked for again, records once. */
  key: string;
  channel: CommunicationChannel;
  status: 'deferred' | 'suppressed' | 'refused' | 'failed';
  /** The reminder's template, or what the call was (a task's title, 'manual call'). */
  templateKey: string;
  toAddress: string;
  subject: string;
  reason: string;
  workflowId: string | null;
  nodeId: string | null;
  at: Date;
}

/** Records the attempt once per key; a concurrent attempt with the same key finds the row the other wrote. */
export async function recordUnsentContact(em: EntityManager, row: UnsentContact): Promise<ICommunication> {
  const found = await em.findOne(Communication, { key: row.key });
  if (found) return found;
  const created = em.create(Communication, {
    account: row.accountId,
    key: row.key,
    channel: row.channel,
    direction: 'outbound',
    templateKey: row.templateKey,
    toAddress: row.toAddress,
    subject: row.subject,
    bodyText: '',
    bodyHtml: null,
    status: row.status,
    reason: row.reason,
    messageId: null,
    workflowId: row.workflowId,
    nodeId: row.nodeId,
    sentAt: null,
    createdAt: row.at,
  });
  try {
    await em.flush();
    return created;
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return em.fork().findOneOrFail(Communication, { key: row.key });
  }
}
