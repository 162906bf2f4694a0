import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PROMISE_STATUSES } from '@recoup/domain';
import { Account } from './account.entity.ts';
import { CollectorTask } from './collector-task.entity.ts';
import { PaymentPlan } from './payment-plan.entity.ts';

export const PROMISE_SOURCES = ['api', 'task', 'plan', 'portal'] as const;
export type PromiseSource = (typeof PROMISE_SOURCES)[number];

// Named PaymentPromise because an entity called Promise would shadow the global in every module importing it.
// paidMinor and a 'kept' status are maintained by the promise_allocation trigger: refresh a loaded promise after
// matching a payment to it.
export const PaymentPromise = defineEntity({
  name: 'PaymentPromise',
  tableName: 'promise',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    amountMinor: p.bigint(),
    currency: p.character().length(3),
    /** ISO date, YYYY-MM-DD. */
    dueDate: p.date(),
    graceDays: p.integer().default(0),
    /** Due date plus grace, at the end of that day on the debtor's wall clock. */
    until: p.datetime(),
    paidMinor: p.bigint().onCreate(() => 0n),
    status: p.enum(PROMISE_STATUSES).default('open'),
    source: p.enum(PROMISE_SOURCES),
    plan: () => p.manyToOne(PaymentPlan).nullable(),
    installmentNo: p.integer().nullable(),
    task: () => p.manyToOne(CollectorTask).nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    resolvedAt: p.datetime().nullable(),
  },
});

export type IPaymentPromise = InferEntity<typeof PaymentPromise>;
