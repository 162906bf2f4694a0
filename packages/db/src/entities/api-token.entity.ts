import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AppUser } from './app-user.entity.ts';

/**
 * A named credential for a machine (an ERP, a connector). It acts as `user`, with that user's role and team, and
 * only within its scopes. The secret is shown once; only its SHA-256 is kept, with a short prefix to tell tokens
 * apart in lists. A revoked or expired token is refused, and its row stays for the audit log.
 */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.text(),
    user: () => p.manyToOne(AppUser),
    scopes: p.array().default([]),
    /** Lower-case hex SHA-256 of the whole secret. */
    tokenHash: p.text().unique(),
    /** The secret's first characters, as lists show it ("rcp_Ab3x…"). */
    prefix: p.text(),
    expiresAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.uuid().nullable(),
  },
});

export type IApiToken = InferEntity<typeof ApiToken>;
