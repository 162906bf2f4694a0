import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';

export const PAYMENT_PLAN_STATUSES = ['active', 'completed', 'broken'] as const;
export type PaymentPlanStatus = (typeof PAYMENT_PLAN_STATUSES)[number];

// status follows the plan's installments (a trigger on promise): broken when one is broken, completed when all are kept.
export const PaymentPlan = defineEntity({
  name: 'PaymentPlan',
  tableName: 'payment_plan',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    /** Idempotency key chosen by the workflow, so a retried activity never creates a second plan. */
    key: p.text().unique(),
    workflowId: p.text().nullable(),
    nodeId: p.text().nullable(),
    installments: p.integer(),
    intervalDays: p.integer(),
    graceDays: p.integer(),
    totalMinor: p.bigint(),
    currency: p.character().length(3),
    status: p.enum(PAYMENT_PLAN_STATUSES).default('active'),
    createdAt: p.datetime().onCreate(() => new Date()),
    resolvedAt: p.datetime().nullable(),
  },
});

export type IPaymentPlan = InferEntity<typeof PaymentPlan>;
