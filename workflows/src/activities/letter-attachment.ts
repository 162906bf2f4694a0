import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact, loadOpenItems, type IAccount } from '@recoup/db';
import { renderLetterPdf, type PdfCreditor } from '@recoup/documents';
import type { MessageAttachment } from './channels/channel-adapter.ts';

/** The day in the debtor's time zone ("YYYY-MM-DD"), the date a letter carries. */
const dayIn = (timeZone: string, now: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/**
 * The reminder as a PDF letter: the rendered template under the creditor's letterhead, addressed to the contact's
 * postal address, with the account's open items as they stand and how to pay, in the contact's language. A letter
 * sent by post names its address; one attached to an e-mail is addressed to the contact's postal address on file.
 */
export async function letterAttachment(
  em: EntityManager,
  letterhead: PdfCreditor,
  letter: { account: IAccount; contactId: string | null; recipientName: string; postalAddress: string | null; subject: string; text: string; now: Date },
): Promise<MessageAttachment> {
  const contact = letter.contactId ? await em.findOne(Contact, { id: letter.contactId }, { fields: ['locale', 'postalAddress'] }) : null;
  const asOf = dayIn(letter.account.timeZone, letter.now);
  const { open, totals } = await loadOpenItems(em, letter.account.id, asOf);
  const content = await renderLetterPdf(
    {
      creditor: letterhead,
      recipient: { name: letter.recipientName, postalAddress: letter.postalAddress ?? contact?.postalAddress ?? null },
      account: { ref: letter.account.externalRef },
      subject: letter.subject,
      body: letter.text,
      open,
      totals,
      asOf,
    },
    contact?.locale ?? 'en',
  );
  return { filename: `${letter.account.externalRef}-${asOf}.pdf`.replace(/[^\w.-]+/g, '_'), contentType: 'application/pdf', content };
}
