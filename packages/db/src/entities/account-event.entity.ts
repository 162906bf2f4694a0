import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import type { JsonObject } from './json.ts';

/** What a collection workflow is told about its account after a change commits (see account-events.ts). */
export const ACCOUNT_EVENT_KINDS = ['payment-applied', 'account-changed', 'dispute-opened', 'payment-reversed', 'portal-visited', 'plan-requested'] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

// The transactional outbox of account notifications: a row commits with the change it reports, and a drainer
// signals the account's workflow from it, at least once, until the row is marked sent.
export const AccountEvent = defineEntity({
  name: 'AccountEvent',
  tableName: 'account_event',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    kind: p.enum(ACCOUNT_EVENT_KINDS),
    payload: p.json<JsonObject>().default('{}'),
    createdAt: p.datetime().onCreate(() => new Date()),
    attempts: p.integer().default(0),
    /** Not before this moment: after a failed attempt (back-off), or while a drainer holds the row (its lease). */
    nextAttemptAt: p.datetime().onCreate(() => new Date()),
    lastError: p.text().nullable(),
    sentAt: p.datetime().nullable(),
  },
});

export type IAccountEvent = InferEntity<typeof AccountEvent>;
