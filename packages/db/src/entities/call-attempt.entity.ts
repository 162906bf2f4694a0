import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { AppUser } from './app-user.entity.ts';
import { CollectorTask } from './collector-task.entity.ts';

export const CALL_OUTCOMES = ['conversation', 'no-answer', 'voicemail', 'busy', 'wrong-number'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** One telephone call placed to a debtor: the call-frequency limits count these. */
export const CallAttempt = defineEntity({
  name: 'CallAttempt',
  tableName: 'call_attempt',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    task: () => p.manyToOne(CollectorTask).nullable(),
    user: () => p.manyToOne(AppUser).nullable(),
    placedAt: p.datetime(),
    outcome: p.enum(CALL_OUTCOMES),
    /** The invoices (debts) the call was about; the call limits count it on each. Empty on calls logged before. */
    invoiceIds: p.array().default([]),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type ICallAttempt = InferEntity<typeof CallAttempt>;
