// How a cash forecast made at past dates compares with what was then collected: at each origin day, the invoices
// open on it, what the model's predicted payment days and what their due dates said the next weeks would bring, and
// the money that really came in on them in those weeks. Sums are per currency, in integer minor units.

/** The window each past forecast is judged over. */
export const BACKTEST_HORIZON_WEEKS = 4;

export interface BacktestInvoice {
  readonly currency: string;
  /** Open at the origin day, in minor units. */
  readonly openMinor: bigint;
  /** Epoch days: the model's predicted payment day, and the due day. */
  readonly predictedPayDay: number;
  readonly dueDay: number;
  /** Money applied to it from the origin day on, with the day it was applied. */
  readonly payments: readonly { readonly on: number; readonly amountMinor: bigint }[];
}

export interface BacktestOrigin {
  /** YYYY-MM-DD. */
  readonly originDate: string;
  readonly currency: string;
  /** Minor units as decimal strings, to be stored as JSON. */
  readonly forecastMinor: string;
  readonly dueDateForecastMinor: string;
  readonly collectedMinor: string;
  readonly invoices: number;
}

export interface ForecastBacktest {
  readonly horizonWeeks: number;
  readonly origins: readonly BacktestOrigin[];
}

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * One origin's figures: an invoice counts in full towards a forecast when it is predicted (or due; already overdue
 * counts as due at once) before the window ends, and what was collected is what was applied in the window, capped at
 * what was open.
 */
export function backtestForecast(originDay: number, invoices: readonly BacktestInvoice[], horizonWeeks = BACKTEST_HORIZON_WEEKS): BacktestOrigin[] {
  const end = originDay + 7 * horizonWeeks;
  const byCurrency = new Map<string, { forecast: bigint; dueDate: bigint; collected: bigint; invoices: number }>();
  for (const invoice of invoices) {
    if (invoice.openMinor <= 0n) continue;
    const sums = byCurrency.get(invoice.currency) ?? { forecast: 0n, dueDate: 0n, collected: 0n, invoices: 0 };
    sums.invoices += 1;
    if (invoice.predictedPayDay < end) sums.forecast += invoice.openMinor;
    if (invoice.dueDay < end) sums.dueDate += invoice.openMinor;
    const paid = invoice.payments.filter((p) => p.on >= originDay && p.on < end).reduce((sum, p) => sum + p.amountMinor, 0n);
    sums.collected += paid > invoice.openMinor ? invoice.openMinor : paid;
    byCurrency.set(invoice.currency, sums);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sums]) => ({
      originDate: isoDay(originDay),
      currency,
      forecastMinor: sums.forecast.toString(),
      dueDateForecastMinor: sums.dueDate.toString(),
      collectedMinor: sums.collected.toString(),
      invoices: sums.invoices,
    }));
}
