import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { Account, Communication, DISPUTED_BY_INVOICE, Template } from '@recoup/db';
import { formatMoney, parseCurrency, type ReminderChannel } from '@recoup/domain';
import type { SendReminderResult } from './activity-types.ts';
import { loadAccountFacts } from './account-facts.ts';
import { adapterFor } from './channels/adapter-for.ts';
import type { ChannelRecipient } from './channels/channel-adapter.ts';
import { renderForChannel } from './channels/reminder-content.ts';
import { logFailure, resultOfLogged } from './communication-log.ts';
import type { ActivityDeps } from './deps.ts';

export class TemplateMissingError extends Error {
  override readonly name = 'TemplateMissingError';
}

export class NoProviderError extends Error {
  override readonly name = 'NoProviderError';
}

interface InvoiceLine {
  number: string;
  due_date: string;
  open_minor: string;
  currency: string;
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
  const base = deps.publicUrl.replace(/\/$/, '');
  const optOutUrl = input.optOutToken ? `${base}/optout/${input.optOutToken}` : null;
  const view = await templateView(em, deps, account, input.recipientName ?? account.name, optOutUrl, now);
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

async function templateView(
  em: EntityManager,
  deps: ActivityDeps,
  account: { id: string; name: string; currency: string; externalRef: string },
  contactName: string,
  optOutUrl: string | null,
  now: Date,
): Promise<Record<string, unknown>> {
  const facts = await loadAccountFacts(em, account.id, now);
  const currency = parseCurrency(account.currency.trim());
  const lines = await em.execute<InvoiceLine[]>(
    // Disputed items are not collected: the list shows what is still asked for, without the disputed part.
    `select i.number, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
            (i.open_minor - least(i.open_minor, coalesce(d.disputed, 0)))::text as open_minor, i.currency
       from invoice i
       left join ${DISPUTED_BY_INVOICE} d on d.invoice_id = i.id
      where i.account_id = ? and i.status = 'open' and i.open_minor > least(i.open_minor, coalesce(d.disputed, 0))
      order by i.due_date, i.number`,
    [account.id, account.id],
  );
  const base = deps.publicUrl.replace(/\/$/, '');
  return {
    account: { name: account.name, ref: account.externalRef },
    contactName,
    amount: formatMoney({ amountMinor: BigInt(facts.totalOpenMinor), currency }),
    overdueAmount: formatMoney({ amountMinor: BigInt(facts.overdueAmountMinor), currency }),
    oldestDueDate: facts.oldestDueDate ?? '',
    daysPastDue: facts.daysPastDue,
    invoiceList: lines
      .map((l) => `  ${l.number}  due ${l.due_date}  ${formatMoney({ amountMinor: BigInt(l.open_minor), currency: parseCurrency(l.currency.trim()) })}`)
      .join('\n'),
    optOutUrl: optOutUrl ?? '',
    accountUrl: `${base}/accounts/${encodeURIComponent(account.id)}`,
  };
}
