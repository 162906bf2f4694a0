import { Account, Communication, contactZones, loadComplianceSettings, type IContact } from '@recoup/db';
import { checkContactTimeInZones, type ContactChannel } from '@recoup/domain';
import type { SendReminderInput, SendReminderResult } from './activity-types.ts';
import { adapterFor } from './channels/adapter-for.ts';
import type { ChannelRecipient } from './channels/channel-adapter.ts';
import { logDeferral, logSuppression } from './communication-log.ts';
import { deliverOnce, earlierAttempt } from './deliver-once.ts';
import type { ActivityDeps } from './deps.ts';
import { reachableContact } from './reachable-contact.ts';

export { TemplateMissingError } from './deliver-once.ts';

export const CEASE_COMMUNICATION_REASON = 'cease-communication requested';

const NO_COMMON_HOUR_RECHECK_MS = 86_400_000;

/**
 * Sends one reminder on its channel, at most once per key, after the rules that may stop it: a request to cease
 * communication, a channel without a provider, a contact who opted out, gave no consent or has no address for
 * the channel (each suppresses it, logged with the reason), and contact hours (which defer it).
 */
export async function sendReminder(deps: ActivityDeps, input: SendReminderInput): Promise<SendReminderResult> {
  const em = deps.orm.em.fork();
  const existing = await em.findOne(Communication, { key: input.key });
  if (existing) {
    const settled = await earlierAttempt(deps, existing);
    if (settled) return settled;
  }
  const now = deps.now?.() ?? new Date();

  const account = await em.findOneOrFail(Account, { id: input.accountId });
  if (account.ceaseCommunication) return logSuppression(em, input, CEASE_COMMUNICATION_REASON, now);
  if (!adapterFor(deps, input.channel)) return logSuppression(em, input, `no provider configured for ${input.channel}`, now);

  const base = { ...input, optOutToken: null, recipientName: null, contactId: null };
  if (input.channel === 'webhook') {
    // The creditor's own systems get the reminder; no contact of the debtor is involved.
    return deliverOnce(deps, { ...base, recipient: { kind: 'none' }, toAddress: '' });
  }

  const picked = await reachableContact(em, input.accountId, input.channel);
  if ('refusal' in picked) return logSuppression(em, input, picked.refusal, now);
  const { contact } = picked;
  const { recipient, toAddress } = recipientOf(input.channel, contact);

  // E-mail and SMS reach the debtor the moment they are sent, so contact hours apply, judged at the debtor's
  // location whatever the strategy's timing says: in every zone the contact may be in when none is recorded. A
  // letter arrives days later at no particular hour.
  if (input.channel !== 'letter') {
    const { contactWindow } = await loadComplianceSettings(em, account.customerType);
    const { zones } = await contactZones(contact, account.timeZone, contactWindow);
    const check = checkContactTimeInZones(now, zones, contactWindow);
    if (!check.allowed) {
      // Zones with no common hour: look again tomorrow, when someone may have recorded the contact's zone.
      const until = check.nextAllowedAt ?? new Date(now.getTime() + NO_COMMON_HOUR_RECHECK_MS);
      return logDeferral(em, input, toAddress, until, check.reason, now);
    }
  }
  return deliverOnce(deps, { ...base, recipient, toAddress, recipientName: contact.name, optOutToken: contact.optOutToken, contactId: contact.id });
}

/** The contact's address on a channel it may be reached on; pickReachableContact has checked it is there. */
function recipientOf(channel: ContactChannel, contact: IContact): { recipient: ChannelRecipient; toAddress: string } {
  switch (channel) {
    case 'email': {
      const address = contact.email ?? '';
      return { recipient: { kind: 'email', address, name: contact.name }, toAddress: address };
    }
    case 'sms': {
      const phone = contact.phone ?? '';
      return { recipient: { kind: 'phone', phone }, toAddress: phone };
    }
    case 'letter': {
      const postalAddress = contact.postalAddress ?? '';
      return { recipient: { kind: 'postal', name: contact.name, postalAddress }, toAddress: postalAddress };
    }
  }
}
