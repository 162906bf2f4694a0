import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { Account, Communication, Template } from '@recoup/db';
import type { ReminderChannel } from '@recoup/domain';
import type { SendReminderResult } from './activity-types.ts';
import { adapterFor } from './channels/adapter-for.ts';
import type { ChannelRecipient } from './channels/channel-adapter.ts';
import { renderForChannel } from './channels/reminder-content.ts';
import { logFailure, resultOfLogged } from './communication-log.ts';
import type { ActivityDeps } from './deps.ts';
import { optOutUrlFor, templateView } from './template-view.ts';

export class TemplateMissingError extends Error {
  override readonly name = 'TemplateMissingError';
}

export class NoProviderError extends Error {
  override readonly name = 'NoProviderError';
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
}

/**
 * Renders and sends one templated message about an account at most once per idempotency key. The communication
 * row (unique key) is inserted in a transaction that stays open while the message is handed to the provider: a
 * concurrent retry blocks on the key and then sees the row, and a retry after a crash that followed the commit
 * sees it too. Only a crash in the instant between the provider's acceptance and the commit could send twice,
 * and the provider gets the key to recognise that resend.
 */
export async function deliverOnce(deps: ActivityDeps, input: DeliverInput): Promise<SendReminderResult> {
  const em = deps.orm.em.fork();
  const existing = await em.findOne(Communication, { key: input.key });
  if (existing) return resultOfLogged(existing);

  const adapter = adapterFor(deps, input.channel);
  if (!adapter) throw new NoProviderError(`No provider is configured for ${input.channel}; "${input.key}" cannot be sent.`);
  const now = deps.now?.() ?? new Date();
  const account = await em.findOneOrFail(Account, { id: input.accountId });
  const template = await em.findOne(Template, { key: input.template });
  if (!template) throw new TemplateMissingError(`Template "${input.template}" does not exist.`);
  const optOutUrl = input.optOutToken ? optOutUrlFor(deps.publicUrl, input.optOutToken) : null;
  const view = await templateView(em, { account, contactName: input.recipientName ?? account.name, optOutUrl, publicUrl: deps.publicUrl, now });
  const { subject, text } = renderForChannel(input.channel, template, view);
  const headers: Record<string, string> =
    input.channel === 'email'
      ? {
          'X-Recoup-Key': input.key,
          ...(optOutUrl ? { 'List-Unsubscribe': `<${optOutUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        }
      : {};

  try {
    return await em.transactional(async (tx) => {
      const communication = tx.create(Communication, {
        account: input.accountId,
        key: input.key,
        channel: input.channel,
        direction: 'outbound',
        templateKey: template.key,
        toAddress: input.toAddress,
        subject,
        bodyText: text,
        bodyHtml: null,
        status: 'sent',
        reason: null,
        messageId: null,
        workflowId: input.workflowId,
        nodeId: input.nodeId,
        sentAt: now,
        createdAt: now,
      });
      await tx.flush();
      const receipt = await adapter.send({
        channel: input.channel,
        recipient: input.recipient,
        subject,
        text,
        idempotencyKey: input.key,
        accountId: input.accountId,
        templateKey: template.key,
        headers,
      });
      communication.messageId = receipt.providerMessageId;
      await tx.flush();
      return { communicationId: communication.id, status: 'sent' as const };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      return resultOfLogged(await em.fork().findOneOrFail(Communication, { key: input.key }));
    }
    if (error instanceof ApplicationFailure && error.nonRetryable) {
      await logFailure(em.fork(), input, input.toAddress, error.message, now);
    }
    throw error;
  }
}
