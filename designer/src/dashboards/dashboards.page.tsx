import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { KpiBlock, KpiDashboard } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { AgingChart } from './aging-chart.tsx';
import { BacktestChart } from './backtest-chart.tsx';
import { DashboardFilters } from './dashboard-filters.tsx';
import { csvUrl, fetchDashboard, fetchOptions, NO_FILTERS, type DashboardFilters as Filters } from './dashboards.api.ts';
import { ForecastChart } from './forecast-chart.tsx';
import { money } from './kpi-format.ts';
import { KpiTiles } from './kpi-tiles.tsx';
import { ProductivityTable } from './productivity-table.tsx';
import './dashboards.css';

function Block({ title, block, filters, lead, children }: { title: string; block: KpiBlock; filters: Filters; lead: string; children: ReactNode }) {
  return (
    <section className="card kpi-block" aria-label={title}>
      <header className="kpi-block__header">
        <div>
          <h2 className="card__title">{title}</h2>
          <p className="kpi-note">{lead}</p>
        </div>
        <a className="button button--small button--ghost" href={csvUrl(block, filters)} download aria-label={`Download CSV: ${title}`}>
          Download CSV
        </a>
      </header>
      {children}
    </section>
  );
}

/** The managers' dashboards: every figure comes from the server's SQL over the ledger, for the filters shown. */
export function DashboardsPage() {
  const api = useApi();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The filters still work without their choices (the server picks defaults), so a failure there is not shown.
  const options = useQuery({ queryKey: ['kpi-options'], queryFn: ({ signal }) => fetchOptions(api, signal) }).data ?? null;
  const load = useQuery({ queryKey: ['kpi-dashboard', filters], queryFn: ({ signal }) => fetchDashboard(api, filters, signal) });
  const failure = load.isError ? describeFailure(load.error, 'Could not load the dashboard.') : null;
  const dashboard: KpiDashboard | null = load.data ?? null;
  const currency = dashboard?.filters.currency ?? '';
  // The CSV links carry exactly what the page shows, server defaults included.
  const shown: Filters = dashboard ? { ...filters, from: dashboard.filters.from, to: dashboard.filters.to, currency } : filters;
  const empty = dashboard !== null && dashboard.aging.invoiceCount === 0 && dashboard.dso.creditSalesMinor === '0' && dashboard.cei.beginningArMinor === '0';

  return (
    <div className="page dashboards">
      <header className="page__header">
        <h1 className="page__title">Dashboards</h1>
        <p className="page__lead">
          {dashboard
            ? `${dashboard.filters.from} to ${dashboard.filters.to} (${dashboard.filters.days} days), ${currency}. Amounts in other currencies are never added in.`
            : 'The last 90 days unless you pick a period.'}
        </p>
      </header>

      <DashboardFilters filters={{ ...filters, from: filters.from || shown.from, to: filters.to || shown.to }} options={options} currency={currency} onChange={setFilters} />

      {load.isPending ? (
        <p className="kpi-status" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the dashboard…
        </p>
      ) : null}

      {failure ? (
        <div className="notice notice--warning kpi-status" role="alert">
          <p>{failure.message}</p>
          {failure.fields.length > 0 ? (
            <ul>
              {failure.fields.map((f) => (
                <li key={`${f.path}: ${f.reason}`}>{`${f.path}: ${f.reason}`}</li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="button button--small" onClick={() => void load.refetch()}>
            Try again
          </button>
        </div>
      ) : null}

      {dashboard && empty ? (
        <p className="kpi-status card" role="status">
          No receivables, sales or collections in this selection. Widen the period or clear a filter.
        </p>
      ) : null}

      {dashboard && !empty ? (
        <>
          <KpiTiles dashboard={dashboard} />
          <Block title="Aging" block="aging" filters={shown} lead={`Open receivables by days past due on ${dashboard.aging.asOf}.`}>
            <AgingChart aging={dashboard.aging} currency={currency} />
          </Block>
          <Block
            title="13-week cash forecast"
            block="forecast"
            filters={shown}
            lead={`Expected collections from ${dashboard.forecast.startDate}: ${money(dashboard.forecast.totalMinor, currency)}. Promises and instalments in full on their dates; ${
              dashboard.forecast.prediction
                ? 'open invoices the payment model scored on their predicted payment dates, the others'
                : 'open invoices'
            } weighted by what each aging bucket collected over the last 13 weeks.`}
          >
            <ForecastChart forecast={dashboard.forecast} currency={currency} />
          </Block>
          <section className="card kpi-block" aria-label="Forecast backtest">
            <header className="kpi-block__header">
              <div>
                <h2 className="card__title">Forecast backtest</h2>
                <p className="kpi-note">
                  {dashboard.backtest
                    ? `At past dates of the active payment model’s validation period: what the invoices open then brought within ${dashboard.backtest.horizonWeeks} weeks, against the model’s forecast and a forecast by due dates. For the whole portfolio in ${currency}.`
                    : 'How the payment model’s forecast compares with what was really collected.'}
                </p>
              </div>
            </header>
            <BacktestChart backtest={dashboard.backtest} currency={currency} />
          </section>
          <Block title="Collector productivity" block="productivity" filters={shown} lead="Tasks closed, promises recorded and money collected on each collector’s accounts in the period.">
            <ProductivityTable productivity={dashboard.productivity} currency={currency} />
          </Block>
          <section className="card kpi-block" aria-label="Figures behind the key figures">
            <h2 className="card__title">Figures behind the key figures</h2>
            <dl className="kpi-facts">
              <dt>Beginning AR</dt>
              <dd>{money(dashboard.cei.beginningArMinor, currency)}</dd>
              <dt>Credit sales</dt>
              <dd>{money(dashboard.dso.creditSalesMinor, currency)}</dd>
              <dt>Ending AR</dt>
              <dd>{money(dashboard.dso.endingArMinor, currency)}</dd>
              <dt>Ending current AR</dt>
              <dd>{money(dashboard.dso.currentArMinor, currency)}</dd>
              <dt>Overdue on the first day</dt>
              <dd>{money(dashboard.recovery.overdueAtStartMinor, currency)}</dd>
              <dt>Collected on it</dt>
              <dd>{money(dashboard.recovery.collectedMinor, currency)}</dd>
            </dl>
            <p className="kpi-links">
              {(['dso', 'cei', 'recovery', 'promises'] as const).map((block) => (
                <a key={block} className="button button--small button--ghost" href={csvUrl(block, shown)} download aria-label={`Download CSV: ${block}`}>
                  {block.toUpperCase()} CSV
                </a>
              ))}
            </p>
          </section>
        </>
      ) : null}
    </div>
  );
}
