import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AppUser } from './app-user.entity.ts';

export const CUSTOMER_TYPES = ['consumer', 'business'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const Account = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    externalRef: p.text().unique(),
    name: p.text(),
    customerType: p.enum(CUSTOMER_TYPES),
    segment: p.text().default('standard'),
    riskScore: p.integer().nullable(),
    currency: p.character().length(3),
    timeZone: p.text(),
    assignedCollector: () => p.manyToOne(AppUser).nullable(),
    /** The collector pool a strategy's assignment rules chose. */
    pool: p.text().nullable(),
    tags: p.array().default([]),
    /** How collection closed when it did not end in payment. */
    closedOutcome: p.enum(['written-off', 'agency'] as const).nullable(),
    closedAt: p.datetime().nullable(),
    /** The debtor asked us to stop communicating (FDCPA 805(c)): no reminder goes out on any channel while set. */
    ceaseCommunication: p.boolean().default(false),
    ceaseCommunicationAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type IAccount = InferEntity<typeof Account>;
