import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastBlock } from '@recoup/contracts';
import { money, share } from './kpi-format.ts';

const HEIGHT = 180;
const COLUMN = 40;

const PARTS = [
  { key: 'promisesMinor', label: 'Promises', className: 'kpi-forecast__promises', fill: 'var(--color-brand)' },
  { key: 'plansMinor', label: 'Plan instalments', className: 'kpi-forecast__plans', fill: '#6d5bd0' },
  { key: 'predictedMinor', label: 'Invoices (predicted date)', className: 'kpi-forecast__predicted', fill: '#0f766e' },
  { key: 'invoicesMinor', label: 'Invoices (weighted)', className: 'kpi-forecast__invoices', fill: 'var(--color-accent)' },
] as const;

type PartKey = (typeof PARTS)[number]['key'];

/** One week's bar: each source's share of the largest week, 0 to 1, for drawing; the money stays in minor units. */
type WeekPoint = { week: number; label: string } & Record<PartKey, number> & { minor: Record<PartKey, string> };

/** What the forecast placed by the payment model's predictions, in words; null when it used none. */
export function predictionNote(forecast: ForecastBlock): string | null {
  const prediction = forecast.prediction;
  if (!prediction) return null;
  const invoices = prediction.invoices === 1 ? '1 invoice' : `${prediction.invoices} invoices`;
  return `${invoices} placed on their predicted payment dates (model of ${prediction.asOf}); the rest by due date and historical collection rates.`;
}

/** Expected collections per week for 13 weeks, stacked by source. */
export function ForecastChart({ forecast, currency }: { forecast: ForecastBlock; currency: string }) {
  const max = forecast.weeks.reduce((m, w) => (BigInt(w.totalMinor) > m ? BigInt(w.totalMinor) : m), 0n);
  const points: WeekPoint[] = forecast.weeks.map((w) => ({
    week: w.week,
    label: `Week ${w.week} (${w.startDate} to ${w.endDate}): ${money(w.totalMinor, currency)}`,
    promisesMinor: share(w.promisesMinor, max),
    plansMinor: share(w.plansMinor, max),
    predictedMinor: share(w.predictedMinor, max),
    invoicesMinor: share(w.invoicesMinor, max),
    minor: { promisesMinor: w.promisesMinor, plansMinor: w.plansMinor, predictedMinor: w.predictedMinor, invoicesMinor: w.invoicesMinor },
  }));
  const note = predictionNote(forecast);
  // Without predictions the predicted series would be empty in every week: it is left out of the chart and legend.
  const parts = PARTS.filter((part) => part.key !== 'predictedMinor' || forecast.prediction !== null);
  return (
    <div className="kpi-chart">
      <figure
        className="kpi-chart__figure"
        role="img"
        aria-label={`Expected collections per week from ${forecast.startDate}, ${money(forecast.totalMinor, currency)} in all`}
      >
        <BarChart width={Math.max(points.length, 1) * COLUMN + 20} height={HEIGHT} data={points} margin={{ top: 5, right: 10, bottom: 5, left: 10 }}>
          <XAxis dataKey="week" interval={0} tickLine={false} />
          <YAxis type="number" domain={[0, 1]} hide />
          <Tooltip
            labelFormatter={(_week, payload) => (payload[0]?.payload as WeekPoint | undefined)?.label ?? ''}
            formatter={(_share, name, item) => [money((item.payload as WeekPoint).minor[item.dataKey as PartKey], currency), name]}
          />
          {parts.map((part) => (
            <Bar key={part.key} dataKey={part.key} name={part.label} stackId="week" fill={part.fill} className={part.className} isAnimationActive={false} />
          ))}
        </BarChart>
      </figure>
      <ul className="kpi-legend" aria-label="Forecast sources">
        {parts.map((part) => (
          <li key={part.key}>
            <span className={`kpi-legend__swatch ${part.className}`} style={{ background: part.fill }} aria-hidden="true" /> {part.label}
          </li>
        ))}
      </ul>
      {note ? (
        <p className="kpi-note" data-testid="forecast-prediction-note">
          {note}
        </p>
      ) : null}
      <details>
        <summary>Weekly figures and collection rates</summary>
        <table className="table kpi-table" aria-label="Forecast per week">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">From</th>
              <th scope="col">Promises</th>
              <th scope="col">Instalments</th>
              <th scope="col">Predicted</th>
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
                <td>{money(w.predictedMinor, currency)}</td>
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
