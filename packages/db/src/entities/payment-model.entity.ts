import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JsonObject } from './json.ts';

/** Who asked for the training: the nightly schedule, or an admin. */
export const PAYMENT_MODEL_TRIGGERS = ['schedule', 'admin'] as const;
export type PaymentModelTrigger = (typeof PAYMENT_MODEL_TRIGGERS)[number];
export const PAYMENT_MODEL_STATUSES = ['active', 'inactive'] as const;
export type PaymentModelStatus = (typeof PAYMENT_MODEL_STATUSES)[number];

// A trained payment prediction model, kept whether or not it is used, so an admin can roll back to it. Named ...Row
// because the prediction package's PaymentModel is the model itself. At most one row is active (a partial unique
// index), and only the active one can be pinned (a check), so pinning never leaves two pinned models. The four
// parts are the serialised forests, loaded only when asked for.
export const PaymentModelRow = defineEntity({
  name: 'PaymentModelRow',
  tableName: 'payment_model',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    createdAt: p.datetime().onCreate(() => new Date()),
    trigger: p.enum(PAYMENT_MODEL_TRIGGERS),
    /** The admin who asked for it; null for a scheduled training. The column has its foreign key. */
    requestedBy: p.uuid().nullable(),
    learner: p.text(),
    /** The epoch days (see the domain's parseCalendarDate) of the first and last day of the data it learned from. */
    dataFromDay: p.integer(),
    dataToDay: p.integer(),
    /** Features, parameters, validation metrics, importances, the comparison with the model it would replace. */
    description: p.json<JsonObject>(),
    customerLateness: p.blob().lazy(),
    customerOffset: p.blob().lazy(),
    populationLateness: p.blob().lazy(),
    populationOffset: p.blob().lazy(),
    status: p.enum(PAYMENT_MODEL_STATUSES),
    /** Why the model is active or not, for the admin page. */
    reason: p.text(),
    /** Training does not replace a pinned model. */
    pinned: p.boolean().default(false),
    /** When it last became active. */
    activatedAt: p.datetime().nullable(),
    /** The training run that stored it (unique): a retried run finds its model instead of storing another. */
    runKey: p.text().nullable(),
    /** The forecast it would have made at past dates of its validation period, against what was collected. */
    backtest: p.json<JsonObject>().nullable(),
  },
});

export type IPaymentModelRow = InferEntity<typeof PaymentModelRow>;
