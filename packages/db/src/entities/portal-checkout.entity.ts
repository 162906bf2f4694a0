import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { Contact } from './contact.entity.ts';
import { Payment } from './payment.entity.ts';

export const PORTAL_CHECKOUT_STATUSES = ['open', 'paid', 'expired'] as const;
export type PortalCheckoutStatus = (typeof PORTAL_CHECKOUT_STATUSES)[number];

/**
 * A payment a debtor started in the portal: what they chose to pay, kept on our side so that the provider's
 * confirmation is applied to exactly that, whatever its metadata says. Paid at most once: the payment it became
 * is recorded under the checkout's own idempotency key.
 */
export const PortalCheckout = defineEntity({
  name: 'PortalCheckout',
  tableName: 'portal_checkout',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    contact: () => p.manyToOne(Contact),
    /** The provider's id of its hosted checkout (Stripe's cs_…). */
    providerSessionId: p.text().unique(),
    amountMinor: p.bigint(),
    currency: p.character().length(3),
    /** The invoices the debtor chose, in the order chosen; empty when they paid an amount against the account. */
    invoiceIds: p.array().default([]),
    status: p.enum(PORTAL_CHECKOUT_STATUSES).default('open'),
    payment: () => p.manyToOne(Payment).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    paidAt: p.datetime().nullable(),
  },
});

export type IPortalCheckout = InferEntity<typeof PortalCheckout>;
