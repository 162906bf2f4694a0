import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';

export const Contact = defineEntity({
  name: 'Contact',
  tableName: 'contact',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    name: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    /** The full postal address as printed on a letter, lines separated by newlines. */
    postalAddress: p.text().nullable(),
    /**
     * The IANA zone the debtor is known to be in; null when nobody recorded one, and then the phone number and the
     * address are read for the zones the debtor may be in (see debtor-zones.ts).
     */
    timeZone: p.text().nullable(),
    /** The language the contact reads (BCP 47, e.g. de-DE), chosen in the portal; null: the browser's. */
    locale: p.text().nullable(),
    isPrimary: p.boolean().default(false),
    consentEmail: p.boolean().default(false),
    consentSms: p.boolean().default(false),
    consentPhone: p.boolean().default(false),
    consentLetter: p.boolean().default(false),
    // An opt-out is the debtor's own request and is kept apart from consent, which the creditor supplies: a later
    // consent update must not undo it.
    emailOptedOutAt: p.datetime().nullable(),
    smsOptedOutAt: p.datetime().nullable(),
    letterOptedOutAt: p.datetime().nullable(),
    /** Random token in the opt-out link of every e-mail to this contact. */
    optOutToken: p.uuid().unique().onCreate(() => randomUUID()),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IContact = InferEntity<typeof Contact>;
