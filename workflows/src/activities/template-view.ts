import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPUTED_BY_INVOICE } from '@recoup/db';
import { formatMoney, parseCurrency } from '@recoup/domain';
import { loadAccountFacts } from './account-facts.ts';

interface InvoiceLine {
  number: string;
  due_date: string;
  open_minor: string;
  currency: string;
}

export interface TemplateViewInput {
  account: { id: string; name: string; currency: string; externalRef: string };
  /** Who the message is addressed to: the contact's name, or the account's when no person is addressed. */
  contactName: string;
  /** The recipient's opt-out link; null when the message has none (webhooks, notices to managers). */
  optOutUrl: string | null;
  /** The recipient's personal portal link; null when the message goes to no debtor contact. */
  portalUrl?: string | null;
  /** Base URL of the Recoup web app, for the account link. */
  publicUrl: string;
  now: Date;
}

const withoutTrailingSlash = (url: string): string => url.replace(/\/$/, '');

/** The opt-out link of a contact, as e-mails carry it in the text and in List-Unsubscribe. */
export const optOutUrlFor = (publicUrl: string, optOutToken: string): string =>
  `${withoutTrailingSlash(publicUrl)}/optout/${optOutToken}`;

/**
 * What a template's placeholders may say about an account, computed from the database at the moment of sending.
 * The reminder activities render with it and the template preview does too, so a preview shows what would go out.
 */
export async function templateView(em: EntityManager, input: TemplateViewInput): Promise<Record<string, unknown>> {
  const { account } = input;
  const facts = await loadAccountFacts(em, account.id, input.now);
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
  return {
    account: { name: account.name, ref: account.externalRef },
    contactName: input.contactName,
    amount: formatMoney({ amountMinor: BigInt(facts.totalOpenMinor), currency }),
    overdueAmount: formatMoney({ amountMinor: BigInt(facts.overdueAmountMinor), currency }),
    oldestDueDate: facts.oldestDueDate ?? '',
    daysPastDue: facts.daysPastDue,
    invoiceList: lines
      .map((l) => `  ${l.number}  due ${l.due_date}  ${formatMoney({ amountMinor: BigInt(l.open_minor), currency: parseCurrency(l.currency.trim()) })}`)
      .join('\n'),
    optOutUrl: input.optOutUrl ?? '',
    portalUrl: input.portalUrl ?? '',
    accountUrl: `${withoutTrailingSlash(input.publicUrl)}/accounts/${encodeURIComponent(account.id)}`,
  };
}
