import type { ForecastBlock } from '@recoup/contracts';
import { money, share } from './kpi-format.ts';

const HEIGHT = 160;
const COLUMN = 40;

const PARTS = [
  { key: 'promisesMinor', label: 'Promises', className: 'kpi-forecast__promises' },
  { key: 'plansMinor', label: 'Plan instalments', className: 'kpi-forecast__plans' },
  { key: 'invoicesMinor', label: 'Invoices (weighted)', className: 'kpi-forecast__invoices' },
] as const;

/** Expected collections per week for 13 weeks, stacked by source. */
export function ForecastChart({ forecast, currency }: { forecast: ForecastBlock; currency: string }) {
  const max = forecast.weeks.reduce((m, w) => (BigInt(w.totalMinor) > m ? BigInt(w.totalMinor) : m), 0n);
  return (
    <div className="kpi-chart">
      <svg
        className="kpi-chart__svg"
        role="img"
        aria-label={`Expected collections per week from ${forecast.startDate}, ${money(forecast.totalMinor, currency)} in all`}
        viewBox={`0 0 ${forecast.weeks.length * COLUMN} ${HEIGHT + 20}`}
      >
        {forecast.weeks.map((week, i) => {
          let y = HEIGHT;
          return (
            <g key={week.week} transform={`translate(${i * COLUMN} 0)`}>
              <title>{`Week ${week.week} (${week.startDate} to ${week.endDate}): ${money(week.totalMinor, currency)}`}</title>
              {PARTS.map((part) => {
                const height = share(week[part.key], max) * HEIGHT;
                y -= height;
                return <rect key={part.key} x="6" width={COLUMN - 12} y={y} height={height} className={part.className} />;
              })}
              <text x={COLUMN / 2} y={HEIGHT + 15} textAnchor="middle" className="kpi-chart__label">
                {week.week}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="kpi-legend" aria-label="Forecast sources">
        {PARTS.map((part) => (
          <li key={part.key}>
            <span className={`kpi-legend__swatch ${part.className}`} aria-hidden="true" /> {part.label}
          </li>
        ))}
      </ul>
      <details>
        <summary>Weekly figures and collection rates</summary>
        <table className="table kpi-table" aria-label="Forecast per week">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">From</th>
              <th scope="col">Promises</th>
              <th scope="col">Instalments</th>
              <th scope="col">Invoices</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {forecast.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td>{w.startDate}</td>
                <td>{money(w.promisesMinor, currency)}</td>
                <td>{money(w.plansMinor, currency)}</td>
                <td>{money(w.invoicesMinor, currency)}</td>
                <td>{money(w.totalMinor, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="kpi-note">
          Collection rates: what was collected since {forecast.historyFrom} of the AR in each bucket on that day —{' '}
          {forecast.rates.map((r) => `${r.label} ${r.rate === null ? 'no history' : `${r.rate} %`}`).join(', ')}.
        </p>
      </details>
    </div>
  );
}
