import { portalLinkUrl, signPortalToken } from '../portal/portal-link.ts';
import type { PortalLinkSigning } from './deps.ts';

const DAY_MS = 86_400_000;

/** The personal portal link for one contact of an account, good for the configured days from `now`. */
export const portalLinkFor = (signing: PortalLinkSigning, publicUrl: string, who: { accountId: string; contactId: string }, now: Date): string =>
  portalLinkUrl(publicUrl, signPortalToken(signing.secret, 'link', { ...who, expiresAt: new Date(now.getTime() + signing.linkDays * DAY_MS) }));

/**
 * Every message to a debtor carries their portal link. A template that places {{portalUrl}} itself decides where;
 * one that does not (written before the portal, or by hand) gets the link as its last line, so no reminder leaves
 * without it. A text message gets the bare link after its last word, as every character of it counts.
 */
export const withPortalLink = (text: string, portalUrl: string, channel: string): string => {
  if (text.includes(portalUrl)) return text;
  if (channel === 'sms') return `${text.trimEnd()} ${portalUrl}`;
  return `${text.trimEnd()}\n\nSee your invoices, pay, or arrange a payment date online: ${portalUrl}\n`;
};
