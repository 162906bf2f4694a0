import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '@recoup/db';
import type { ReminderChannel } from '@recoup/domain';
import { AccountNotFoundError } from './account-facts.ts';
import { renderForChannel, type TemplateTexts } from './channels/reminder-content.ts';
import { reachableContact } from './reachable-contact.ts';
import { optOutUrlFor, templateView } from './template-view.ts';
import { portalLinkUrl } from '../portal/portal-link.ts';

/**
 * Stands in for the contact's opt-out token in previews. The real link would let whoever clicks it in the editor
 * opt the debtor out, recorded as the debtor's own request; this one has the same shape and leads nowhere.
 */
export const PREVIEW_OPT_OUT_TOKEN = 'preview';

export interface ReminderPreviewInput {
  accountId: string;
  channel: ReminderChannel;
  /** The texts to render, saved or not. */
  template: TemplateTexts;
  /** Base URL of the Recoup web app, as the worker has it for links in messages. */
  publicUrl: string;
  now: Date;
}

/**
 * What a reminder from these texts would say to the account on the channel right now: the view the activity builds
 * (addressed to the contact it would pick) rendered by the activity's renderer. Throws SmsTooLongError as a send
 * would. The checks that decide whether it would go out at all (consent, contact hours) are not the preview's.
 */
export async function previewReminder(em: EntityManager, input: ReminderPreviewInput): Promise<{ subject: string; text: string }> {
  const account = await em.findOne(Account, { id: input.accountId });
  if (!account) throw new AccountNotFoundError(`Account ${input.accountId} does not exist.`);
  let contactName = account.name;
  let optOutUrl: string | null = null;
  let portalUrl: string | null = null;
  if (input.channel !== 'webhook') {
    const picked = await reachableContact(em, account.id, input.channel);
    if ('contact' in picked) contactName = picked.contact.name;
    optOutUrl = optOutUrlFor(input.publicUrl, PREVIEW_OPT_OUT_TOKEN);
    // A preview shows where the link goes; a real one is signed for the contact when the message is sent.
    portalUrl = portalLinkUrl(input.publicUrl, 'preview');
  }
  const view = await templateView(em, { account, contactName, optOutUrl, portalUrl, publicUrl: input.publicUrl, now: input.now });
  return renderForChannel(input.channel, input.template, view, portalUrl);
}
