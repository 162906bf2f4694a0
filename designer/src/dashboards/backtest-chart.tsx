import { Bar, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { BacktestBlock } from '@recoup/contracts';
import { money, percent, share } from './kpi-format.ts';

const HEIGHT = 200;
const COLUMN = 56;

const SERIES = {
  collected: { label: 'Collected', className: 'kpi-backtest__collected', color: 'var(--color-accent)' },
  forecast: { label: 'Forecast (model)', className: 'kpi-backtest__forecast', color: '#0f766e' },
  dueDate: { label: 'Forecast (due dates)', className: 'kpi-backtest__due-date', color: '#b7791f' },
} as const;

type SeriesKey = keyof typeof SERIES;
const ORDER: readonly string[] = ['collected', 'forecast', 'dueDate'];

/** One past date: each figure's share of the largest figure, 0 to 1, for drawing; the money stays in minor units. */
type OriginPoint = { originDate: string; label: string } & Record<SeriesKey, number> & { minor: Record<SeriesKey, string>; error: number | null; dueDateError: number | null };

const signed = (value: number | null): string => (value === null ? 'n/a' : `${value > 0 ? '+' : ''}${percent(value)}`);

/** The mean absolute percentage errors in a sentence. */
export function backtestSummary(backtest: BacktestBlock): string {
  const dates = backtest.origins.length === 1 ? '1 past date' : `${backtest.origins.length} past dates`;
  const weeks = backtest.horizonWeeks === 1 ? 'week' : `${backtest.horizonWeeks} weeks`;
  const model = backtest.meanAbsolutePercentError;
  const dueDate = backtest.dueDateMeanAbsolutePercentError;
  if (model === null || dueDate === null) {
    return `Over ${dates}, nothing was collected within ${weeks} on the invoices open then, so no forecast error can be given.`;
  }
  const better = model < dueDate ? 'The model was closer.' : model > dueDate ? 'Due dates were closer.' : 'Both were as close.';
  return `Over ${dates}, the model’s forecast of the next ${weeks} was off by ${percent(model)} on average (mean absolute percentage error); forecasting by due dates was off by ${percent(dueDate)}. ${better}`;
}

/**
 * How the active payment model's forecast did at past dates: what was collected in the weeks after each date on the
 * invoices open then (bars) against what the model and the due dates said (lines).
 */
export function BacktestChart({ backtest, currency }: { backtest: BacktestBlock | null; currency: string }) {
  if (backtest === null) {
    return (
      <p className="kpi-note kpi-backtest__empty">
        No backtest yet. It appears after the first payment model is trained: the model’s forecast at past dates of its validation period is compared
        with what was really collected.
      </p>
    );
  }
  if (backtest.origins.length === 0) {
    return (
      <p className="kpi-note kpi-backtest__empty">
        The active payment model’s backtest has no dates with invoices in {currency}.
      </p>
    );
  }
  const max = backtest.origins.reduce((m, o) => {
    for (const amount of [o.collectedMinor, o.forecastMinor, o.dueDateForecastMinor]) if (BigInt(amount) > m) m = BigInt(amount);
    return m;
  }, 0n);
  const points: OriginPoint[] = backtest.origins.map((o) => ({
    originDate: o.originDate,
    label: `${o.originDate}: ${o.invoices} open invoice(s), the next ${backtest.horizonWeeks} weeks`,
    collected: share(o.collectedMinor, max),
    forecast: share(o.forecastMinor, max),
    dueDate: share(o.dueDateForecastMinor, max),
    minor: { collected: o.collectedMinor, forecast: o.forecastMinor, dueDate: o.dueDateForecastMinor },
    error: o.errorPercent,
    dueDateError: o.dueDateErrorPercent,
  }));
  const first = backtest.origins[0]?.originDate ?? '';
  const last = backtest.origins[backtest.origins.length - 1]?.originDate ?? '';
  return (
    <div className="kpi-chart">
      <figure
        className="kpi-chart__figure"
        role="img"
        aria-label={`Forecast against collected at ${backtest.origins.length} past dates from ${first} to ${last}`}
        data-testid="backtest-chart"
      >
        <ComposedChart width={Math.max(points.length, 1) * COLUMN + 40} height={HEIGHT} data={points} margin={{ top: 5, right: 10, bottom: 5, left: 10 }}>
          <XAxis dataKey="originDate" interval="preserveStartEnd" tickLine={false} />
          <YAxis type="number" domain={[0, 1]} hide />
          <Tooltip
            // What was collected first, then the model, then the due dates, as in the legend.
            itemSorter={(item) => ORDER.indexOf(String(item.dataKey))}
            labelFormatter={(_date, payload) => (payload[0]?.payload as OriginPoint | undefined)?.label ?? ''}
            formatter={(_share, name, item) => {
              const point = item.payload as OriginPoint;
              const key = item.dataKey as SeriesKey;
              const amount = money(point.minor[key], currency);
              if (key === 'forecast') return [`${amount} (${signed(point.error)})`, name];
              if (key === 'dueDate') return [`${amount} (${signed(point.dueDateError)})`, name];
              return [amount, name];
            }}
          />
          <Bar dataKey="collected" name={SERIES.collected.label} fill={SERIES.collected.color} className={SERIES.collected.className} isAnimationActive={false} />
          <Line
            dataKey="forecast"
            name={SERIES.forecast.label}
            type="linear"
            stroke={SERIES.forecast.color}
            strokeWidth={2}
            className={SERIES.forecast.className}
            isAnimationActive={false}
          />
          <Line
            dataKey="dueDate"
            name={SERIES.dueDate.label}
            type="linear"
            stroke={SERIES.dueDate.color}
            strokeWidth={2}
            strokeDasharray="4 3"
            className={SERIES.dueDate.className}
            isAnimationActive={false}
          />
        </ComposedChart>
      </figure>
      <ul className="kpi-legend" aria-label="Backtest series">
        {(Object.keys(SERIES) as SeriesKey[]).map((key) => (
          <li key={key}>
            <span className={`kpi-legend__swatch ${SERIES[key].className}`} style={{ background: SERIES[key].color }} aria-hidden="true" /> {SERIES[key].label}
          </li>
        ))}
      </ul>
      <p className="kpi-note" data-testid="backtest-summary">
        {backtestSummary(backtest)}
      </p>
      <details>
        <summary>Figures per date</summary>
        <table className="table kpi-table" aria-label="Backtest per date">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Invoices</th>
              <th scope="col">Collected</th>
              <th scope="col">Forecast (model)</th>
              <th scope="col">Error</th>
              <th scope="col">Forecast (due dates)</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {backtest.origins.map((o) => (
              <tr key={o.originDate}>
                <th scope="row">{o.originDate}</th>
                <td>{o.invoices}</td>
                <td>{money(o.collectedMinor, currency)}</td>
                <td>{money(o.forecastMinor, currency)}</td>
                <td>{signed(o.errorPercent)}</td>
                <td>{money(o.dueDateForecastMinor, currency)}</td>
                <td>{signed(o.dueDateErrorPercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
