import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Account, Communication, Contact, Template } from '@recoup/db';
import { checkContactTime, formatMoney, parseCurrency } from '@recoup/domain';
import type { SendReminderInput, SendReminderResult } from './activity-types.ts';
import { loadAccountFacts } from './account-facts.ts';
import type { ActivityDeps } from './deps.ts';
import { renderText } from './render-template.ts';

export class TemplateMissingError extends Error {
  override readonly name = 'TemplateMissingError';
}

interface InvoiceLine {
  number: string;
  due_date: string;
  open_minor: string;
  currency: string;
}

/** Sends one reminder to the account's primary contact with e-mail consent, at most once per key. */
export async function sendReminder(deps: ActivityDeps, input: SendReminderInput): Promise<SendReminderResult> {
  const em = deps.orm.em.fork();
  const existing = await em.findOne(Communication, { key: input.key });
  if (existing) return { communicationId: existing.id, status: 'already-sent' };
  const contact = await em.findOne(
    Contact,
    { account: input.accountId, consentEmail: true, email: { $ne: null } },
    { orderBy: { isPrimary: 'desc', createdAt: 'asc' } },
  );
  if (contact?.email) {
    // Contact hours are judged at the debtor's location, whatever the strategy's timing says.
    const now = deps.now?.() ?? new Date();
    const check = checkContactTime(now, contact.timeZone);
    if (!check.allowed) return logDeferral(em, input, contact.email, check.nextAllowedAt, check.reason, now);
  }
  return deliverOnce(deps, {
    ...input,
    to: contact?.email ?? null,
    recipientName: contact?.name ?? null,
    optOutToken: contact?.optOutToken ?? null,
  });
}

/** Records a deferred contact in the communication log: never dropped silently, and visible with its reason. */
async function logDeferral(
  em: EntityManager,
  input: SendReminderInput,
  to: string,
  until: Date,
  reason: string,
  now: Date,
): Promise<SendReminderResult> {
  const deferredUntil = until.toISOString();
  const key = `${input.key}/deferred/${deferredUntil}`;
  let row = await em.findOne(Communication, { key });
  if (!row) {
    row = em.create(Communication, {
      account: input.accountId,
      key,
      channel: 'email',
      direction: 'outbound',
      templateKey: input.template,
      toAddress: to,
      subject: `Deferred until ${deferredUntil}`,
      bodyText: reason,
      bodyHtml: null,
      status: 'deferred',
      messageId: null,
      workflowId: input.workflowId,
      nodeId: input.nodeId,
      sentAt: null,
      createdAt: now,
    });
    try {
      await em.flush();
    } catch (error) {
      // A retry of this same deferral raced us to the row: it is logged either way.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }
  return { status: 'deferred', communicationId: row.id, deferredUntil, reason };
}

export interface DeliverInput {
  key: string;
  accountId: string;
  workflowId: string;
  nodeId: string;
  template: string;
  /** null when nobody may be e-mailed: the communication is recorded as not sent. */
  to: string | null;
  recipientName: string | null;
  /** The recipient's opt-out token; null for internal mail such as notices to managers. */
  optOutToken: string | null;
}

/**
 * Renders and sends one templated e-mail about an account at most once per idempotency key. The communication
 * row (unique key) is inserted in a transaction that stays open while the mail is handed to SMTP: a concurrent
 * retry blocks on the key and then sees the row, and a retry after a crash that followed the commit sees it
 * too. Only a crash in the instant between the SMTP server's acceptance and the commit could send twice.
 */
export async function deliverOnce(deps: ActivityDeps, input: DeliverInput): Promise<SendReminderResult> {
  const em = deps.orm.em.fork();
  const existing = await em.findOne(Communication, { key: input.key });
  if (existing) return { communicationId: existing.id, status: 'already-sent' };

  const now = deps.now?.() ?? new Date();
  const account = await em.findOneOrFail(Account, { id: input.accountId });
  const template = await em.findOne(Template, { key: input.template });
  if (!template) throw new TemplateMissingError(`E-mail template "${input.template}" does not exist.`);
  const base = deps.publicUrl.replace(/\/$/, '');
  const optOutUrl = input.optOutToken ? `${base}/optout/${input.optOutToken}` : null;
  const view = await templateView(em, deps, account, input.recipientName ?? account.name, optOutUrl, now);
  const subject = renderText(template.subject, view);
  const body = renderText(template.bodyText, view);
  const messageId = `<${input.key.replaceAll('/', '.')}@recoup>`;
  const to = input.to;

  try {
    return await em.transactional(async (tx) => {
      const communication = tx.create(Communication, {
        account: input.accountId,
        key: input.key,
        channel: 'email',
        direction: 'outbound',
        templateKey: template.key,
        toAddress: to ?? '',
        subject,
        bodyText: body,
        bodyHtml: null,
        status: to ? 'sent' : 'failed',
        messageId: to ? messageId : null,
        workflowId: input.workflowId,
        nodeId: input.nodeId,
        sentAt: to ? now : null,
        createdAt: now,
      });
      await tx.flush();
      // Nobody to write to (no contact with e-mail consent): recorded as not sent, never dropped silently.
      if (!to) return { communicationId: communication.id, status: 'no-recipient' as const };
      await deps.mailer.send({
        to,
        subject,
        text: body,
        messageId,
        headers: {
          'X-Recoup-Key': input.key,
          ...(optOutUrl ? { 'List-Unsubscribe': `<${optOutUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      });
      return { communicationId: communication.id, status: 'sent' as const };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const row = await em.fork().findOneOrFail(Communication, { key: input.key });
      return { communicationId: row.id, status: 'already-sent' };
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
    `select number, to_char(due_date, 'YYYY-MM-DD') as due_date, open_minor::text as open_minor, currency
       from invoice where account_id = ? and status = 'open' order by due_date, number`,
    [account.id],
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
