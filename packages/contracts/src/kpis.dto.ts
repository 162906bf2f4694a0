import { z } from 'zod';
import { calendarDateSchema, isCalendarDate, uuidSchema } from './common.dto.ts';
import { currencyCodeSchema } from './money.dto.ts';

/** The dashboard's blocks, each served alone at /api/kpis/<block> (and .csv) and together at /api/kpis. */
export const KPI_BLOCKS = ['aging', 'dso', 'cei', 'recovery', 'promises', 'productivity', 'forecast'] as const;
export type KpiBlock = (typeof KPI_BLOCKS)[number];

/** The longest period a dashboard covers: ten years of daily sums is already more than anyone reads. */
export const MAX_KPI_PERIOD_DAYS = 3660;
const DAY_MS = 86_400_000;
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

const optionalText = z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'is too long' }).optional();

/** "30,60,90": the last day of each overdue aging bucket, ascending. */
const bucketBoundsSchema = z
  .string()
  .regex(/^\d{1,4}(,\d{1,4}){0,9}$/, { message: 'must be up to ten whole numbers of days separated by commas, e.g. 30,60,90' })
  .transform((text) => text.split(',').map(Number))
  .refine((bounds) => bounds.every((bound, i) => bound >= 1 && (i === 0 || bound > (bounds[i - 1] ?? 0))), {
    message: 'must be ascending whole numbers of days, each at least 1',
  });

/**
 * Query-string filters of every KPI endpoint. Dates are UTC calendar days, both ends included. Unknown parameters
 * are refused, so a misspelt filter never silently widens a figure.
 */
export const kpiQuerySchema = z
  .object({
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    currency: currencyCodeSchema.optional(),
    segment: optionalText,
    strategyVersionId: uuidSchema.optional(),
    arm: optionalText,
    collectorId: uuidSchema.optional(),
    buckets: bucketBoundsSchema.optional(),
    format: z.enum(['json', 'csv'], { message: 'must be json or csv' }).optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (!query.from || !query.to || !isCalendarDate(query.from) || !isCalendarDate(query.to)) return;
    const days = dayOf(query.to) - dayOf(query.from) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    else if (days > MAX_KPI_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], message: `must be at most ${MAX_KPI_PERIOD_DAYS} days before to` });
  });
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

const minorSchema = z.string().regex(/^-?\d+$/);
const figureSchema = z.number().nullable();

export const kpiFiltersSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  currency: z.string(),
  segment: z.string().nullable(),
  strategyVersionId: z.string().nullable(),
  arm: z.string().nullable(),
  collectorId: z.string().nullable(),
  buckets: z.array(z.number().int()),
});
export type KpiFilters = z.infer<typeof kpiFiltersSchema>;

export const agingBlockSchema = z.object({
  asOf: z.string(),
  totalMinor: minorSchema,
  invoiceCount: z.number().int(),
  buckets: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      fromDays: z.number().int().nullable(),
      toDays: z.number().int().nullable(),
      amountMinor: minorSchema,
      invoiceCount: z.number().int(),
    }),
  ),
});
export type AgingBlock = z.infer<typeof agingBlockSchema>;

export const dsoBlockSchema = z.object({
  days: z.number().int(),
  endingArMinor: minorSchema,
  currentArMinor: minorSchema,
  creditSalesMinor: minorSchema,
  simpleDso: figureSchema,
  countbackDso: z.object({ days: z.number(), complete: z.boolean(), monthsUsed: z.number().int() }),
  bestPossibleDso: figureSchema,
  averageDaysDelinquent: figureSchema,
  months: z.array(z.object({ month: z.string(), days: z.number().int(), salesMinor: minorSchema })),
});
export type DsoBlock = z.infer<typeof dsoBlockSchema>;

export const ceiBlockSchema = z.object({
  beginningArMinor: minorSchema,
  creditSalesMinor: minorSchema,
  endingTotalArMinor: minorSchema,
  endingCurrentArMinor: minorSchema,
  cei: figureSchema,
});
export type CeiBlock = z.infer<typeof ceiBlockSchema>;

export const recoveryBlockSchema = z.object({
  overdueAtStartMinor: minorSchema,
  collectedMinor: minorSchema,
  recoveryRate: figureSchema,
});
export type RecoveryBlock = z.infer<typeof recoveryBlockSchema>;

export const promisesBlockSchema = z.object({
  keptCount: z.number().int(),
  brokenCount: z.number().int(),
  keptMinor: minorSchema,
  brokenMinor: minorSchema,
  byCount: figureSchema,
  byAmount: figureSchema,
});
export type PromisesBlock = z.infer<typeof promisesBlockSchema>;

export const productivityRowSchema = z.object({
  collectorId: z.string(),
  name: z.string(),
  email: z.string(),
  tasksClosed: z.number().int(),
  promisesObtained: z.number().int(),
  promisedMinor: minorSchema,
  collectedMinor: minorSchema,
});
export const productivityBlockSchema = z.object({ rows: z.array(productivityRowSchema) });
export type ProductivityBlock = z.infer<typeof productivityBlockSchema>;

/**
 * The payment model's predictions a forecast placed invoices by: the model and the day it scored the open book, how
 * many open invoices went by their predicted payment date and their open amount (those predicted beyond the
 * horizon included, which is why they are not in any week).
 */
export const forecastPredictionSchema = z.object({
  modelId: z.string(),
  asOf: z.string(),
  invoices: z.number().int(),
  openMinor: minorSchema,
});
export type ForecastPrediction = z.infer<typeof forecastPredictionSchema>;

export const forecastBlockSchema = z.object({
  startDate: z.string(),
  historyFrom: z.string(),
  totalMinor: minorSchema,
  rates: z.array(z.object({ bucketKey: z.string(), label: z.string(), collectedMinor: minorSchema, baseMinor: minorSchema, rate: figureSchema })),
  /** null when every invoice was placed by due date and bucket rate (no predictions, or a past period). */
  prediction: forecastPredictionSchema.nullable(),
  weeks: z.array(
    z.object({
      week: z.number().int(),
      startDate: z.string(),
      endDate: z.string(),
      promisesMinor: minorSchema,
      plansMinor: minorSchema,
      /** Invoices expected in full on their predicted payment date. */
      predictedMinor: minorSchema,
      /** Invoices without a prediction, by due date weighted by their bucket's collection rate. */
      invoicesMinor: minorSchema,
      totalMinor: minorSchema,
    }),
  ),
});
export type ForecastBlock = z.infer<typeof forecastBlockSchema>;

/**
 * The active payment model's forecast at past dates of its validation period, in the dashboard's currency: at each
 * origin, what it expected the invoices open that day to bring within `horizonWeeks` weeks, the same by due dates
 * (every invoice paid on its due date, overdue ones at once) and what those invoices really brought. The errors are
 * (forecast − collected) / collected in percent, null when nothing was collected; the mean absolute percentage
 * errors are over the origins that have one. Percentages are for display; the money stays in minor units.
 */
export const backtestOriginSchema = z.object({
  originDate: z.string(),
  invoices: z.number().int(),
  forecastMinor: minorSchema,
  dueDateForecastMinor: minorSchema,
  collectedMinor: minorSchema,
  errorPercent: figureSchema,
  dueDateErrorPercent: figureSchema,
});
export type BacktestOriginRow = z.infer<typeof backtestOriginSchema>;

export const backtestBlockSchema = z.object({
  modelId: z.string(),
  currency: z.string(),
  horizonWeeks: z.number().int(),
  origins: z.array(backtestOriginSchema),
  meanAbsolutePercentError: figureSchema,
  dueDateMeanAbsolutePercentError: figureSchema,
});
export type BacktestBlock = z.infer<typeof backtestBlockSchema>;

export const kpiDashboardSchema = z.object({
  filters: kpiFiltersSchema,
  aging: agingBlockSchema,
  dso: dsoBlockSchema,
  cei: ceiBlockSchema,
  recovery: recoveryBlockSchema,
  promises: promisesBlockSchema,
  productivity: productivityBlockSchema,
  forecast: forecastBlockSchema,
  /** null before a model with a backtest is active. */
  backtest: backtestBlockSchema.nullable(),
});
export type KpiDashboard = z.infer<typeof kpiDashboardSchema>;

/** What the dashboard's filter controls offer. */
export const kpiOptionsSchema = z.object({
  currencies: z.array(z.object({ currency: z.string(), invoiceCount: z.number().int() })),
  defaultCurrency: z.string().nullable(),
  segments: z.array(z.string()),
  strategyVersions: z.array(z.object({ id: z.string(), strategyName: z.string(), version: z.number().int() })),
  arms: z.array(z.string()),
  collectors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type KpiOptions = z.infer<typeof kpiOptionsSchema>;

/**
 * A block's name in the path of GET /api/kpis/<block>, alone or with a .csv suffix (aging, aging.csv). The route
 * tells the names apart itself, so that a name that is no block is a 404 rather than a malformed request.
 */
export const kpiBlockParamsSchema = z.object({
  block: z.string().describe(`One of ${KPI_BLOCKS.join(', ')}; with .csv appended (aging.csv) the block comes as CSV.`),
});
export type KpiBlockParams = z.infer<typeof kpiBlockParamsSchema>;

/** One block alone (GET /api/kpis/<block>): the filters it was figured with, and the block under its own name. */
export const kpiBlockResponseSchema = z.union([
  z.object({ filters: kpiFiltersSchema, aging: agingBlockSchema }),
  z.object({ filters: kpiFiltersSchema, dso: dsoBlockSchema }),
  z.object({ filters: kpiFiltersSchema, cei: ceiBlockSchema }),
  z.object({ filters: kpiFiltersSchema, recovery: recoveryBlockSchema }),
  z.object({ filters: kpiFiltersSchema, promises: promisesBlockSchema }),
  z.object({ filters: kpiFiltersSchema, productivity: productivityBlockSchema }),
  z.object({ filters: kpiFiltersSchema, forecast: forecastBlockSchema }),
]);
export type KpiBlockResponse = z.infer<typeof kpiBlockResponseSchema>;
