import type { CustomerHistory, HistoryInvoice } from './ledger-history.ts';
import { daysLate, paymentFeatures, type PaymentFeatures } from './payment-features.ts';

/** Paid more than this many days after the due date counts as very late. */
export const VERY_LATE_DAYS = 30;

export interface PaymentOutcome {
  readonly settledOn: number;
  readonly daysLate: number;
  readonly late: boolean;
  readonly veryLate: boolean;
  /** Settlement day minus due day, negative when paid early: what a payment-date model predicts. */
  readonly offsetDays: number;
}

/** On time, late, or very late: the three classes a lateness model tells apart. */
export const PAYMENT_CLASSES = ['on-time', 'late', 'very-late'] as const;
export type PaymentClass = (typeof PAYMENT_CLASSES)[number];

export const paymentClass = (outcome: PaymentOutcome): PaymentClass => (outcome.veryLate ? 'very-late' : outcome.late ? 'late' : 'on-time');

export function paymentOutcome(invoice: HistoryInvoice): PaymentOutcome | null {
  if (invoice.settledOn === null) return null;
  const late = daysLate(invoice, invoice.settledOn);
  return { settledOn: invoice.settledOn, daysLate: late, late: late > 0, veryLate: late > VERY_LATE_DAYS, offsetDays: invoice.settledOn - invoice.dueOn };
}

export interface TrainingExample {
  readonly customerId: string;
  readonly invoiceId: string;
  readonly issuedOn: number;
  /** The day the features are computed as of. */
  readonly asOf: number;
  readonly features: PaymentFeatures;
  readonly outcome: PaymentOutcome;
}

export interface ExampleWindow {
  /** Only invoices issued on or after this day. */
  readonly issuedFrom?: number;
  /** Only invoices issued before this day. */
  readonly issuedBefore?: number;
  /** Only outcomes the ledger knew before this day: an invoice settled later is still open, so it is no example. */
  readonly settledBefore?: number;
  /**
   * Also take each invoice as it stood on its due day, and this many days after it, when it was still open then:
   * an open invoice is scored every day of its life, not only on its issue day, so the models learn how an invoice
   * that is already late goes on.
   */
  readonly openSnapshots?: readonly number[];
}

/** The days after the due day at which an invoice still open is taken again as an example. */
export const OPEN_SNAPSHOT_DAYS = [0, 30] as const;

/**
 * One example per paid invoice in the window: its features as of its issue day (when a prediction about it is first
 * made) and how it was paid; with `openSnapshots`, more as of later days while it was still open. Ordered by issue
 * day, so that a split by position is a split by invoice date.
 */
export function trainingExamples(ledgers: readonly CustomerHistory[], window: ExampleWindow = {}): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const ledger of ledgers) {
    for (const invoice of ledger.invoices) {
      const outcome = paymentOutcome(invoice);
      if (outcome === null) continue;
      if (window.issuedFrom !== undefined && invoice.issuedOn < window.issuedFrom) continue;
      if (window.issuedBefore !== undefined && invoice.issuedOn >= window.issuedBefore) continue;
      if (window.settledBefore !== undefined && outcome.settledOn >= window.settledBefore) continue;
      const days = [invoice.issuedOn, ...(window.openSnapshots ?? []).map((after) => invoice.dueOn + after).filter((d) => d > invoice.issuedOn && d <= outcome.settledOn)];
      for (const asOf of days) {
        const features = paymentFeatures(ledger, invoice, asOf);
        examples.push({ customerId: ledger.customer.customerId, invoiceId: invoice.id, issuedOn: invoice.issuedOn, asOf, features, outcome });
      }
    }
  }
  return examples.sort(
    (a, b) => a.issuedOn - b.issuedOn || a.customerId.localeCompare(b.customerId) || a.invoiceId.localeCompare(b.invoiceId) || a.asOf - b.asOf,
  );
}

/** Splits examples ordered by invoice date into the earliest `share` and the rest: a time split, never a random one. */
export function splitByTime<T extends { issuedOn: number }>(examples: readonly T[], share: number): { earlier: T[]; later: T[] } {
  let cut = Math.round(examples.length * share);
  // Invoices of one day stay on one side, so nothing of the later part shares a day with the earlier part.
  while (cut > 0 && cut < examples.length && examples[cut]!.issuedOn === examples[cut - 1]!.issuedOn) cut += 1;
  return { earlier: examples.slice(0, cut), later: examples.slice(cut) };
}
