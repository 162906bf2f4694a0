import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { Account, Communication, Template, type ICommunication } from '@recoup/db';
import type { ReminderChannel } from '@recoup/domain';
import type { SendReminderResult } from './activity-types.ts';
import { adapterFor } from './channels/adapter-for.ts';
import { SendInDoubtError } from './channels/channel-adapter.ts';
import { messageIdFor } from './channels/email.adapter.ts';
import type { ChannelRecipient } from './channels/channel-adapter.ts';
import { renderForChannel } from './channels/reminder-content.ts';
import { logFailure, resultOfLogged } from './communication-log.ts';
import type { ActivityDeps } from './deps.ts';
import { optOutUrlFor, templateView } from './template-view.ts';
import { portalLinkFor } from './portal-link-text.ts';
import { letterAttachment } from './letter-attachment.ts';
import { WorkflowsError } from '../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

export class TemplateMissingError extends WorkflowsError {
  override readonly name = 'TemplateMissingError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('not-found', 'template-missing', message, options);
  }
}

export class NoProviderError extends WorkflowsError {
  override readonly name = 'NoProviderError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('unavailable', 'no-provider', message, options);
  }
}

export interface DeliverInput {
  key: string;
  accountId: string;
  workflowId: string;
  nodeId: string;
  template: string;
  channel: ReminderChannel;
  recipient: ChannelRecipient;
  /** The recipient as the communication log shows it: an e-mail address, a phone number, a postal address. */
  toAddress: string;
  recipientName: string | null;
  /** The recipient's opt-out token; null for internal mail such as notices to managers. */
  optOutToken: string | null;
  /** The debtor's contact the message goes to, whose personal portal link it carries; null for internal mail. */
  contactId: string | null;
}

/** The log's word for a send a crash left in doubt. */
export const unconfirmedReason = (what: string, messageId: string | null): string =>
  `${what}: it may or may not have gone out, and it was not sent again.` +
  (messageId ? ` Look for Message-ID ${messageId} in the mail server's log before sending it by hand.` : '');

const WORKER_STOPPED = 'The worker stopped while handing this message to a provider that cannot drop a resend';

/**
 * Renders and sends one templated message about an account at most once per idempotency key. The communication
 * row is first committed as "sending" (the intent), then the message goes to the provider, then the row becomes
 * "sent". A retry that finds a row "sending" knows an earlier attempt died mid-send: a provider that drops resends
 * by the key is given the message again, any other (SMTP) leaves it "unconfirmed" for a person, so nothing is ever
 * sent twice. A send that failed with the message in doubt is marked unconfirmed the same way. A provider that
 * refused the message, or could not be reached, sent nothing: the intent is removed and the retry starts afresh.
 */
export async function deliverOnce(deps: ActivityDeps, input: DeliverInput): Promise<SendReminderResult> {
  const em = deps.orm.em.fork();
  const adapter = adapterFor(deps, input.channel);
  const existing = await em.findOne(Communication, { key: input.key });
  if (existing) {
    const settled = await earlierAttempt(deps, existing);
    if (settled) return settled;
  }

  if (!adapter) throw new NoProviderError(`No provider is configured for ${input.channel}; "${input.key}" cannot be sent.`);
  const now = deps.now?.() ?? new Date();
  const account = await em.findOneOrFail(Account, { id: input.accountId });
  const template = await em.findOne(Template, { key: input.template });
  if (!template) throw new TemplateMissingError(`Template "${input.template}" does not exist.`);
  const optOutUrl = input.optOutToken ? optOutUrlFor(deps.publicUrl, input.optOutToken) : null;
  const portalUrl = input.contactId && deps.portal ? portalLinkFor(deps.portal, deps.publicUrl, { accountId: account.id, contactId: input.contactId }, now) : null;
  const view = await templateView(em, { account, contactName: input.recipientName ?? account.name, optOutUrl, portalUrl, publicUrl: deps.publicUrl, now });
  const { subject, text } = renderForChannel(input.channel, template, view, portalUrl);
  const messageId = input.channel === 'email' ? messageIdFor(input.key) : null;
  const headers: Record<string, string> =
    input.channel === 'email'
      ? {
          'X-Recoup-Key': input.key,
          ...(optOutUrl ? { 'List-Unsubscribe': `<${optOutUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        }
      : {};

  // A letter goes as a PDF, and an e-mail from a template that asks for it carries the same letter. It is written
  // before the intent is committed, so a letter that cannot be printed is a plain failure.
  const withLetter = input.channel === 'letter' || (input.channel === 'email' && template.attachLetter);
  const attachments =
    withLetter && deps.letterhead
      ? [
          await letterAttachment(em, deps.letterhead, {
            account,
            contactId: input.contactId,
            recipientName: input.recipientName ?? account.name,
            postalAddress: input.channel === 'letter' ? input.toAddress : null,
            subject,
            text,
            now,
          }),
        ]
      : [];

  // The intent, committed before anything leaves: a crash from here on leaves a row that says so.
  let communication = existing;
  if (!communication) {
    communication = em.create(Communication, {
      account: input.accountId,
      key: input.key,
      channel: input.channel,
      direction: 'outbound',
      templateKey: template.key,
      toAddress: input.toAddress,
      subject,
      bodyText: text,
      bodyHtml: null,
      status: 'sending',
      reason: null,
      messageId,
      workflowId: input.workflowId,
      nodeId: input.nodeId,
      sentAt: null,
      createdAt: now,
    });
    try {
      await em.flush();
    } catch (error) {
      // Another attempt recorded it first (an attempt the server timed out, still running): it decides.
      if (error instanceof UniqueConstraintViolationException) return settleLogged(em.fork(), await em.fork().findOneOrFail(Communication, { key: input.key }));
      throw error;
    }
  }

  let receipt;
  try {
    receipt = await adapter.send({
      channel: input.channel,
      recipient: input.recipient,
      subject,
      text,
      idempotencyKey: input.key,
      accountId: input.accountId,
      templateKey: template.key,
      headers,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  } catch (error) {
    if (error instanceof SendInDoubtError) {
      // It may have gone out: never sent again, left for a person.
      const reason = unconfirmedReason(error.message, messageId);
      await em.fork().nativeUpdate(Communication, { id: communication.id, status: 'sending' }, { status: 'unconfirmed', reason });
      return { communicationId: communication.id, status: 'unconfirmed', reason };
    }
    // The provider refused or could not be reached: nothing went out, so the key is free for the retry.
    await em.fork().nativeDelete(Communication, { id: communication.id, status: 'sending' });
    if (error instanceof ApplicationFailure && error.nonRetryable) {
      await logFailure(em.fork(), input, input.toAddress, error.message, now);
    }
    throw error;
  }
  // Sent: also over an "unconfirmed" mark that a concurrent attempt made while this one was still sending.
  await em.fork().nativeUpdate(
    Communication,
    { id: communication.id, status: { $in: ['sending', 'unconfirmed'] } },
    { status: 'sent', reason: null, sentAt: now, messageId: receipt.providerMessageId ?? messageId },
  );
  return { communicationId: communication.id, status: 'sent' as const };
}

/**
 * What a retry answers for the row an earlier attempt wrote under its key, or null when it is to send the message
 * again: a row still "sending", left by an attempt that died mid-send, on a channel whose provider drops resends.
 */
export async function earlierAttempt(deps: ActivityDeps, row: ICommunication): Promise<SendReminderResult | null> {
  if (row.status === 'sending' && row.channel !== 'call' && row.channel !== 'portal' && adapterFor(deps, row.channel)?.dropsResends) return null;
  return settleLogged(deps.orm.em.fork(), row);
}

/**
 * A row still "sending" was left by an attempt that died while handing the message over to a provider that
 * cannot drop a resend: it is marked unconfirmed, never resent.
 */
async function settleLogged(em: EntityManager, row: ICommunication): Promise<SendReminderResult> {
  if (row.status !== 'sending') return resultOfLogged(row);
  const reason = unconfirmedReason(WORKER_STOPPED, row.messageId ?? null);
  await em.nativeUpdate(Communication, { id: row.id, status: 'sending' }, { status: 'unconfirmed', reason });
  return resultOfLogged(await em.fork().findOneOrFail(Communication, { id: row.id }));
}
