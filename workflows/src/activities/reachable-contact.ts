import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact, type IContact } from '@recoup/db';
import { pickReachableContact, type ContactChannel } from '@recoup/domain';

/**
 * The account's contact a reminder on `channel` goes to (primary first), or why none may be reached. The reminder
 * activity sends to it and the template preview addresses it, so both greet the same person.
 */
export async function reachableContact(
  em: EntityManager,
  accountId: string,
  channel: ContactChannel,
): Promise<{ contact: IContact } | { refusal: string }> {
  const contacts = await em.find(Contact, { account: accountId }, { orderBy: { isPrimary: 'desc', createdAt: 'asc' } });
  const picked = pickReachableContact(channel, contacts.map(reachability));
  return 'refusal' in picked ? picked : { contact: picked.contact.entity };
}

function reachability(entity: IContact) {
  return {
    entity,
    email: entity.email ?? null,
    phone: entity.phone ?? null,
    postalAddress: entity.postalAddress ?? null,
    consentEmail: entity.consentEmail,
    consentSms: entity.consentSms,
    consentLetter: entity.consentLetter,
    emailOptedOutAt: entity.emailOptedOutAt ?? null,
    smsOptedOutAt: entity.smsOptedOutAt ?? null,
    letterOptedOutAt: entity.letterOptedOutAt ?? null,
  };
}
