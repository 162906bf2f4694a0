import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { activeModelBacktest } from '@recoup/db';
import { ratioToNumber, type ForecastBacktest } from '@recoup/domain';
import type { BacktestBlock, BacktestOriginRow } from '@recoup/contracts';

const minor = z.string().regex(/^-?\d+$/);

/** The backtest as training stores it on the model (the domain's ForecastBacktest, as JSON), checked on reading. */
const storedBacktestSchema = z.object({
  horizonWeeks: z.number().int().positive(),
  origins: z.array(
    z.object({
      originDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      currency: z.string(),
      forecastMinor: minor,
      dueDateForecastMinor: minor,
      collectedMinor: minor,
      invoices: z.number().int().nonnegative(),
    }),
  ),
}) satisfies z.ZodType<ForecastBacktest>;

/**
 * The active payment model's backtest in one currency (the dashboard's), or null when no model is active or the
 * active one has no backtest (trained before backtests were stored, or one that could not be read). It does not
 * depend on the dashboard's other filters: the backtest covers the whole portfolio of the model's validation period.
 */
export const backtestQuery = async (em: EntityManager, currency: string): Promise<BacktestBlock | null> => {
  const stored = await activeModelBacktest(em);
  if (!stored) return null;
  const parsed = storedBacktestSchema.safeParse(stored.backtest);
  if (!parsed.success) return null;
  return backtestBlock(stored.modelId, parsed.data, currency);
};

/** A forecast's error against what was collected, in percent; null when nothing was collected. */
const errorPercent = (forecastMinor: bigint, collectedMinor: bigint): number | null =>
  ratioToNumber((forecastMinor - collectedMinor) * 100n, collectedMinor);

/**
 * The mean of |forecast − collected| / collected over the origins where something was collected, in percent with
 * two decimals. Each origin's share is taken to six decimals first, so the mean is not a mean of rounded figures.
 */
const meanAbsolutePercentError = (pairs: readonly { forecast: bigint; collected: bigint }[]): number | null => {
  const errors = pairs
    .filter((p) => p.collected > 0n)
    .map((p) => ratioToNumber((p.forecast > p.collected ? p.forecast - p.collected : p.collected - p.forecast) * 100n, p.collected, 6) ?? 0);
  if (errors.length === 0) return null;
  return Math.round((errors.reduce((sum, e) => sum + e, 0) / errors.length) * 100) / 100;
};

/** The dashboard's view of a stored backtest: one currency's origins by date, with their errors. */
export const backtestBlock = (modelId: string, backtest: ForecastBacktest, currency: string): BacktestBlock => {
  const origins = backtest.origins
    .filter((o) => o.currency === currency)
    .map((o) => ({ ...o, forecast: BigInt(o.forecastMinor), dueDate: BigInt(o.dueDateForecastMinor), collected: BigInt(o.collectedMinor) }))
    .sort((a, b) => (a.originDate < b.originDate ? -1 : a.originDate > b.originDate ? 1 : 0));
  return {
    modelId,
    currency,
    horizonWeeks: backtest.horizonWeeks,
    origins: origins.map(
      (o): BacktestOriginRow => ({
        originDate: o.originDate,
        invoices: o.invoices,
        forecastMinor: o.forecastMinor,
        dueDateForecastMinor: o.dueDateForecastMinor,
        collectedMinor: o.collectedMinor,
        errorPercent: errorPercent(o.forecast, o.collected),
        dueDateErrorPercent: errorPercent(o.dueDate, o.collected),
      }),
    ),
    meanAbsolutePercentError: meanAbsolutePercentError(origins.map((o) => ({ forecast: o.forecast, collected: o.collected }))),
    dueDateMeanAbsolutePercentError: meanAbsolutePercentError(origins.map((o) => ({ forecast: o.dueDate, collected: o.collected }))),
  };
};
