import { paymentFeatures, type CustomerHistory, type InvoicePredictionValues } from '@recoup/domain';
import { PaymentModel } from './payment-model.ts';
import type { StoredModel } from './training-run.ts';

// The active model's predictions for every open invoice, as of one day: what the facts, the inbox and the cash
// forecast read until the next run. An open invoice is not paid yet, so no predicted day lies before that day.

export interface InvoiceScore extends InvoicePredictionValues {
  readonly accountId: string;
}

export function scoreOpenInvoices(model: PaymentModel, histories: readonly CustomerHistory[], asOfDay: number): InvoiceScore[] {
  const open = histories.flatMap((history) =>
    history.invoices
      .filter((invoice) => invoice.issuedOn <= asOfDay && (invoice.settledOn === null || invoice.settledOn >= asOfDay))
      .map((invoice) => ({ history, invoice })),
  );
  const predictions = model.predict(open.map(({ history, invoice }) => paymentFeatures(history, invoice, asOfDay)));
  return open.map(({ history, invoice }, i) => {
    const p = predictions[i]!;
    const day = (offset: number) => Math.max(asOfDay, invoice.dueOn + Math.round(offset));
    const payDay = day(p.offsetDays);
    return {
      accountId: history.customer.customerId,
      invoiceId: invoice.id,
      lateProbability: p.lateProbability,
      veryLateProbability: p.veryLateProbability,
      payDay,
      payDayLow: Math.min(payDay, day(p.offsetLow)),
      payDayHigh: Math.max(payDay, day(p.offsetHigh)),
      daysLate: Math.max(0, payDay - invoice.dueOn),
      confidence: p.confidence,
    };
  });
}

export interface ScoringTask {
  readonly histories: readonly CustomerHistory[];
  readonly asOfDay: number;
  readonly model: StoredModel;
}

/** Loads the stored model and scores the open invoices (in the training thread). */
export async function runScoring(task: ScoringTask): Promise<InvoiceScore[]> {
  const model = await PaymentModel.load(task.model.description, task.model.parts);
  try {
    return scoreOpenInvoices(model, task.histories, task.asOfDay);
  } finally {
    model.unload();
  }
}
