import type { MikroORM } from '@mikro-orm/postgresql';
import {
  averageDaysDelinquent,
  bestPossibleDso,
  collectionEffectivenessIndex,
  countbackDso,
  promiseKeptRate,
  recoveryRate,
  simpleDso,
} from '@recoup/domain';
import type {
  AgingBlock,
  CeiBlock,
  DsoBlock,
  ForecastBlock,
  KpiBlock,
  KpiDashboard,
  KpiOptions,
  KpiQuery,
  ProductivityBlock,
  PromisesBlock,
  RecoveryBlock,
} from '@recoup/contracts';
import { agingQuery } from './aging.query.ts';
import { arTotalsQuery, type ArTotals } from './ar-totals.query.ts';
import { backtestQuery } from './backtest.query.ts';
import { forecastQuery } from './forecast.query.ts';
import { kpiOptionsQuery } from './kpi-options.query.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { accessScope } from '../shared/access-scope.ts';
import { resolveFilters, type ResolvedFilters } from './kpi-filters.ts';
import { monthlySalesQuery, type SalesMonth } from './monthly-sales.query.ts';
import { productivityQuery } from './productivity.query.ts';
import { promisesQuery } from './promises.query.ts';

export interface BlockResult {
  filters: ResolvedFilters;
  block: KpiBlock;
  data: AgingBlock | DsoBlock | CeiBlock | RecoveryBlock | PromisesBlock | ProductivityBlock | ForecastBlock;
}

/**
 * The managers' dashboards: every figure is SQL over the ledger (invoices, allocations, credit notes, promises,
 * tasks, runs), turned into KPIs by the domain's formulas. Read-only, so no unit of work and no flush.
 */
export class KpisService {
  readonly #orm: MikroORM;
  readonly #now: () => Date;

  constructor(orm: MikroORM, now: () => Date = () => new Date()) {
    this.#orm = orm;
    this.#now = now;
  }

  options(): Promise<KpiOptions> {
    return kpiOptionsQuery(this.#orm.em.fork());
  }

  async dashboard(query: KpiQuery, user: AuthUser): Promise<KpiDashboard> {
    const filters = await this.#filters(query, user);
    // DSO, CEI and recovery share one pass over the ledger.
    const [totals, months, aging, promises, productivity, forecast, backtest] = await Promise.all([
      arTotalsQuery(this.#orm.em.fork(), filters),
      monthlySalesQuery(this.#orm.em.fork(), filters),
      this.aging(filters),
      this.promises(filters),
      this.productivity(filters),
      this.forecast(filters),
      backtestQuery(this.#orm.em.fork(), filters.currency),
    ]);
    return {
      filters: publicFilters(filters),
      aging,
      dso: dsoOf(totals, months, filters.days),
      cei: ceiOf(totals),
      recovery: recoveryOf(totals),
      promises,
      productivity,
      forecast,
      backtest,
    };
  }

  async block(block: KpiBlock, query: KpiQuery, user: AuthUser): Promise<BlockResult> {
    const filters = await this.#filters(query, user);
    // The team's member ids are how the figures were scoped, not a filter the reader chose.
    const { team: _team, ...shown } = filters;
    return { filters: { ...shown, team: null }, block, data: await this.#block(block, filters) };
  }

  #block(block: KpiBlock, filters: ResolvedFilters): Promise<BlockResult['data']> {
    switch (block) {
      case 'aging':
        return this.aging(filters);
      case 'dso':
        return this.dso(filters);
      case 'cei':
        return this.cei(filters);
      case 'recovery':
        return this.recovery(filters);
      case 'promises':
        return this.promises(filters);
      case 'productivity':
        return this.productivity(filters);
      case 'forecast':
        return this.forecast(filters);
    }
  }

  async #filters(query: KpiQuery, user: AuthUser): Promise<ResolvedFilters> {
    const em = this.#orm.em.fork();
    const scope = await accessScope(em, user);
    return resolveFilters(em, query, this.#now(), scope.kind === 'team' ? scope.members : null);
  }

  aging(filters: ResolvedFilters): Promise<AgingBlock> {
    return agingQuery(this.#orm.em.fork(), filters);
  }

  async dso(filters: ResolvedFilters): Promise<DsoBlock> {
    const [totals, months] = await Promise.all([arTotalsQuery(this.#orm.em.fork(), filters), monthlySalesQuery(this.#orm.em.fork(), filters)]);
    return dsoOf(totals, months, filters.days);
  }

  async cei(filters: ResolvedFilters): Promise<CeiBlock> {
    return ceiOf(await arTotalsQuery(this.#orm.em.fork(), filters));
  }

  async recovery(filters: ResolvedFilters): Promise<RecoveryBlock> {
    return recoveryOf(await arTotalsQuery(this.#orm.em.fork(), filters));
  }

  async promises(filters: ResolvedFilters): Promise<PromisesBlock> {
    const tally = await promisesQuery(this.#orm.em.fork(), filters);
    return {
      keptCount: tally.keptCount,
      brokenCount: tally.brokenCount,
      keptMinor: tally.keptMinor.toString(),
      brokenMinor: tally.brokenMinor.toString(),
      ...promiseKeptRate(tally),
    };
  }

  productivity(filters: ResolvedFilters): Promise<ProductivityBlock> {
    return productivityQuery(this.#orm.em.fork(), filters);
  }

  forecast(filters: ResolvedFilters): Promise<ForecastBlock> {
    return forecastQuery(this.#orm.em.fork(), filters);
  }
}

export const publicFilters = (filters: ResolvedFilters): KpiDashboard['filters'] => ({
  from: filters.from,
  to: filters.to,
  days: filters.days,
  currency: filters.currency,
  segment: filters.segment,
  strategyVersionId: filters.strategyVersionId,
  arm: filters.arm,
  collectorId: filters.collectorId,
  buckets: filters.buckets,
});

const dsoOf = (totals: ArTotals, months: readonly SalesMonth[], days: number): DsoBlock => ({
  days,
  endingArMinor: totals.endingAr.toString(),
  currentArMinor: totals.endingCurrentAr.toString(),
  creditSalesMinor: totals.creditSales.toString(),
  simpleDso: simpleDso(totals.endingAr, totals.creditSales, days),
  countbackDso: countbackDso(totals.endingAr, months),
  bestPossibleDso: bestPossibleDso(totals.endingCurrentAr, totals.creditSales, days),
  averageDaysDelinquent: averageDaysDelinquent(totals.endingAr, totals.endingCurrentAr, totals.creditSales, days),
  months: months.map((m) => ({ month: m.month, days: m.days, salesMinor: m.salesMinor.toString() })),
});

const ceiOf = (totals: ArTotals): CeiBlock => ({
  beginningArMinor: totals.beginningAr.toString(),
  creditSalesMinor: totals.creditSales.toString(),
  endingTotalArMinor: totals.endingAr.toString(),
  endingCurrentArMinor: totals.endingCurrentAr.toString(),
  cei: collectionEffectivenessIndex({
    beginningArMinor: totals.beginningAr,
    creditSalesMinor: totals.creditSales,
    endingTotalArMinor: totals.endingAr,
    endingCurrentArMinor: totals.endingCurrentAr,
  }),
});

const recoveryOf = (totals: ArTotals): RecoveryBlock => ({
  overdueAtStartMinor: totals.overdueAtStart.toString(),
  collectedMinor: totals.collectedOnOverdue.toString(),
  recoveryRate: recoveryRate(totals.collectedOnOverdue, totals.overdueAtStart),
});
