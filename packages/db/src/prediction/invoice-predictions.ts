import type { EntityManager } from '@mikro-orm/postgresql';
import type { InvoicePredictionValues, PredictionReason, RecentPayments } from '@recoup/domain';

// The open invoices' predictions, replaced as a whole each time the active model scores them, so the facts never
// mix two models or two days. Rows go in as JSON in chunks: 100,000 invoices are a few statements.

export interface InvoicePredictionRow extends InvoicePredictionValues {
  readonly reasons?: readonly PredictionReason[];
  readonly recent?: RecentPayments | null;
}

const CHUNK = 10_000;
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Replaces every prediction by `rows`, and says how many were stored. */
export async function replaceInvoicePredictions(em: EntityManager, modelId: string, asOfDay: number, rows: readonly InvoicePredictionRow[]): Promise<number> {
  return em.transactional(async (tx) => {
    await tx.execute('delete from invoice_prediction');
    let stored = 0;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      // An invoice deleted since the histories were read is skipped by the join rather than failing the whole set;
      // the account comes from the invoice itself.
      const [inserted] = await tx.execute<{ n: number }[]>(
        `with stored as (
           insert into invoice_prediction (invoice_id, account_id, model_id, as_of, late_probability, very_late_probability,
                                           pay_date, pay_date_low, pay_date_high, days_late, confidence, reasons, recent)
           select i.id, i.account_id, ?, ?::date, r.late, r.very_late, r.pay, r.low, r.high, r.days_late, r.confidence,
                  coalesce(r.reasons, '[]'::jsonb), r.recent
             from jsonb_to_recordset(?::jsonb)
                    as r(invoice_id text, late float8, very_late float8, pay date, low date, high date, days_late int, confidence text,
                         reasons jsonb, recent jsonb)
             join invoice i on i.id::text = r.invoice_id
           returning 1)
         select count(*)::int as n from stored`,
        [
          modelId,
          isoDay(asOfDay),
          JSON.stringify(
            chunk.map((r) => ({
              invoice_id: r.invoiceId,
              late: Math.min(1, Math.max(0, r.lateProbability)),
              very_late: Math.min(1, Math.max(0, r.veryLateProbability)),
              pay: isoDay(r.payDay),
              low: isoDay(r.payDayLow),
              high: isoDay(r.payDayHigh),
              days_late: r.daysLate,
              confidence: r.confidence,
              reasons: r.reasons ?? [],
              recent: r.recent ?? null,
            })),
          ),
        ],
      );
      stored += inserted?.n ?? 0;
    }
    return stored;
  });
}
