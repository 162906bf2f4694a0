import { BACKTEST_HORIZON_WEEKS, backtestForecast, type BacktestOrigin, type CustomerHistory, type ForecastBacktest } from '@recoup/domain';
import type { PaymentModel } from './payment-model.ts';
import { openOn, predictPayDays } from './scoring.ts';

// The dashboard's backtest: the forecast a model would have made at past dates, against what was then collected.
// Only invoices issued from the model's validation day on count, the ones it never learned from, so the figures are
// out of sample; the origins are weekly, from that day to the last one whose window has passed.

/** At most this many origins, the latest ones, so a long validation period stays a readable chart. */
const MAX_ORIGINS = 26;

export function forecastBacktest(model: PaymentModel, histories: readonly CustomerHistory[], asOfDay: number, horizonWeeks = BACKTEST_HORIZON_WEEKS): ForecastBacktest {
  const from = model.description.validationFromDay;
  const origins: BacktestOrigin[] = [];
  if (from !== undefined) {
    const days: number[] = [];
    for (let day = asOfDay - 7 * horizonWeeks; day >= from; day -= 7) days.unshift(day);
    for (const origin of days.slice(-MAX_ORIGINS)) {
      const open = histories.flatMap((history) =>
        history.invoices.filter((invoice) => invoice.issuedOn >= from && openOn(invoice, origin)).map((invoice) => ({ history, invoice })),
      );
      if (open.length === 0) continue;
      const predicted = predictPayDays(model, open, origin);
      origins.push(
        ...backtestForecast(
          origin,
          open.map(({ invoice }, i) => ({
            currency: invoice.currency ?? 'XXX',
            openMinor: invoice.amountMinor - invoice.payments.filter((p) => p.on < origin).reduce((sum, p) => sum + p.amountMinor, 0n),
            predictedPayDay: predicted[i]!.payDay,
            dueDay: invoice.dueOn,
            payments: invoice.payments,
          })),
          horizonWeeks,
        ),
      );
    }
  }
  return { horizonWeeks, origins };
}
