/** The channels that reach a contact personally; a webhook goes to the creditor's own systems instead. */
export type ContactChannel = 'email' | 'sms' | 'letter';

/** What a contact record says about reaching it on each channel. */
export interface ContactReachability {
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  consentLetter: boolean;
  emailOptedOutAt: Date | null;
  smsOptedOutAt: Date | null;
  letterOptedOutAt: Date | null;
}

const ADDRESS_WORD: Record<ContactChannel, string> = { email: 'e-mail address', sms: 'phone number', letter: 'postal address' };

/**
 * Why `channel` may not reach the contact, or null when it may. The reasons name the rule, never the contact's
 * details: they end up in the workflow history. An opt-out wins over consent, which the creditor may have
 * recorded before the debtor's request.
 */
export function channelRefusal(channel: ContactChannel, contact: ContactReachability): string | null {
  const [address, consent, optedOutAt] = reachability(channel, contact);
  if (optedOutAt) return `the contact opted out of ${channel}`;
  if (!consent) return `the contact has not consented to ${channel}`;
  if (!address?.trim()) return `the contact has no ${ADDRESS_WORD[channel]}`;
  return null;
}

function reachability(channel: ContactChannel, c: ContactReachability): [string | null, boolean, Date | null] {
  switch (channel) {
    case 'email':
      return [c.email, c.consentEmail, c.emailOptedOutAt];
    case 'sms':
      return [c.phone, c.consentSms, c.smsOptedOutAt];
    case 'letter':
      return [c.postalAddress, c.consentLetter, c.letterOptedOutAt];
  }
}

/**
 * The first contact `channel` may reach, in the order given (primary first), or why none may: the primary
 * contact's refusal, as the one the creditor means to reach.
 */
export function pickReachableContact<C extends ContactReachability>(
  channel: ContactChannel,
  contacts: readonly C[],
): { contact: C } | { refusal: string } {
  for (const contact of contacts) if (channelRefusal(channel, contact) === null) return { contact };
  const first = contacts[0];
  return { refusal: first ? (channelRefusal(channel, first) ?? 'no contact may be reached') : 'the account has no contact' };
}
