import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JsonObject, JsonValue } from './json.ts';

// The active payment model's prediction for one open invoice, as of the day it scored it. The three ids have their
// foreign keys in the migration; rows are written in bulk by replaceInvoicePredictions and read by SQL.
export const InvoicePrediction = defineEntity({
  name: 'InvoicePrediction',
  tableName: 'invoice_prediction',
  properties: {
    invoiceId: p.uuid().primary(),
    accountId: p.uuid(),
    modelId: p.uuid(),
    asOf: p.date(),
    lateProbability: p.double(),
    veryLateProbability: p.double(),
    payDate: p.date(),
    payDateLow: p.date(),
    payDateHigh: p.date(),
    daysLate: p.integer(),
    confidence: p.enum(['normal', 'low'] as const),
    /** The features that moved the prediction most, strongest first (PredictionReason[] of the domain). */
    reasons: p.json<JsonValue[]>(),
    /** The customer's recent payments when scored (RecentPayments of the domain), null without any. */
    recent: p.json<JsonObject>().nullable(),
  },
});

export type IInvoicePrediction = InferEntity<typeof InvoicePrediction>;
