import type { EntityManager } from '@mikro-orm/postgresql';
import { addressZoneClue, placeOfAddress, resolveDebtorZones, type ContactWindow, type DebtorZones, type ZoneClue } from '@recoup/domain';
import type { IAccount } from '../entities/account.entity.ts';
import { Contact, type IContact } from '../entities/contact.entity.ts';
import { phoneZoneClue } from './phone-zones.ts';

/** The zones contact hours must hold in for one contact of an account, and the clues they came from. */
export async function contactZones(
  contact: Pick<IContact, 'timeZone' | 'phone' | 'postalAddress'> | null,
  accountZone: string,
  window: ContactWindow,
): Promise<DebtorZones> {
  const clues: ZoneClue[] = [];
  if (contact) {
    const address = addressZoneClue(contact.postalAddress ?? null);
    const country = contact.postalAddress ? placeOfAddress(contact.postalAddress).country : null;
    const phone = await phoneZoneClue(contact.phone ?? null, country);
    if (phone) clues.push(phone);
    if (address) clues.push(address);
  }
  return resolveDebtorZones({ recordedZone: contact?.timeZone ?? null, clues, accountZone }, window);
}

/**
 * The contact a call to the account reaches: the first with a phone number, primary first; else the primary
 * contact. Null when the account has no contact, and then the account's own zone is all there is.
 */
export async function calledContact(em: EntityManager, accountId: string): Promise<IContact | null> {
  const contacts = await em.find(Contact, { account: accountId }, { orderBy: { isPrimary: 'desc', createdAt: 'asc' } });
  return contacts.find((c) => (c.phone ?? '').trim() !== '') ?? contacts[0] ?? null;
}

/** The zones a call to the account is judged in: those of the contact the call reaches. */
export async function callZones(em: EntityManager, account: IAccount, window: ContactWindow): Promise<{ contact: IContact | null; zones: DebtorZones }> {
  const contact = await calledContact(em, account.id);
  return { contact, zones: await contactZones(contact, account.timeZone, window) };
}
