import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { Contact } from './contact.entity.ts';

/**
 * A one-time code sent by e-mail to a contact whose portal link has expired. Only the code's SHA-256 is kept; each
 * wrong try counts, and a code is spent by its first right one.
 */
export const PortalCode = defineEntity({
  name: 'PortalCode',
  tableName: 'portal_code',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    contact: () => p.manyToOne(Contact),
    codeHash: p.text(),
    expiresAt: p.datetime(),
    attempts: p.integer().default(0),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IPortalCode = InferEntity<typeof PortalCode>;
