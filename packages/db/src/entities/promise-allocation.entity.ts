import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Payment } from './payment.entity.ts';
import { PaymentPromise } from './payment-promise.entity.ts';

// The share of a payment matched to a promise. Inserting or deleting one moves promise.paid_minor in a trigger.
export const PromiseAllocation = defineEntity({
  name: 'PromiseAllocation',
  tableName: 'promise_allocation',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    payment: () => p.manyToOne(Payment),
    promise: () => p.manyToOne(PaymentPromise),
    amountMinor: p.bigint(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IPromiseAllocation = InferEntity<typeof PromiseAllocation>;
