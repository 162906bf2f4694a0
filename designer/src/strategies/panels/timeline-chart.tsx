import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SimulationDay } from '@recoup/contracts';

// The fills repeat the colours strategies.css gives the bars and the legend's swatches, for the tooltip's markers.
const SERIES = [
  { key: 'reminders', label: 'Reminders', className: 'chart__bar--reminders', fill: '#0f766e' },
  { key: 'tasks', label: 'Tasks', className: 'chart__bar--tasks', fill: '#c2410c' },
  { key: 'escalations', label: 'Escalations', className: 'chart__bar--escalations', fill: '#7c3aed' },
  { key: 'settlements', label: 'Settlements', className: 'chart__bar--settlements', fill: '#16a34a' },
] as const;

/** The side panel's width inside its padding; longer simulations get thinner bars rather than a scrollbar. */
const WIDTH = 400;
const HEIGHT = 176;
/** About six day ticks under the bars, however many days were simulated. */
const TICKS = 6;

/** Actions per simulated day as stacked bars, one per day; the tooltip gives a day's figures. */
export function TimelineChart({ days }: { days: readonly SimulationDay[] }) {
  const totals = days.map((day) => SERIES.reduce((sum, series) => sum + day[series.key], 0));
  const max = Math.max(1, ...totals);
  const busiest = totals.indexOf(max);
  return (
    <figure className="chart">
      <div
        className="chart__plot"
        role="img"
        aria-label={`Actions per day over ${days.length} days; the busiest day is day ${days[busiest]?.day ?? 0} with ${max}`}
        data-testid="simulation-timeline"
      >
        <BarChart width={WIDTH} height={HEIGHT} data={days} barCategoryGap={1} margin={{ top: 5, right: 5, bottom: 0, left: 5 }}>
          <XAxis
            dataKey="day"
            interval={Math.max(1, Math.ceil(days.length / TICKS)) - 1}
            tickFormatter={(day: number) => `d${day}`}
            tick={{ fontSize: 10 }}
            tickLine={false}
          />
          <YAxis type="number" domain={[0, max]} hide />
          <Tooltip
            cursor={{ fillOpacity: 0.1 }}
            // In the legend's order, bottom of the stack first, rather than by name.
            itemSorter={(item) => SERIES.findIndex((series) => series.key === item.dataKey)}
            labelFormatter={(_day, payload) => {
              const day = payload[0]?.payload as SimulationDay | undefined;
              return day ? `Day ${day.day} (${day.date})` : '';
            }}
          />
          {SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={series.label} stackId="day" fill={series.fill} className={series.className} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <figcaption className="chart__legend">
        {SERIES.map((series) => (
          <span key={series.key} className="chart__key">
            <span className={`chart__swatch ${series.className}`} aria-hidden="true" /> {series.label}
          </span>
        ))}
        <span className="chart__key">peak {max}/day</span>
      </figcaption>
    </figure>
  );
}
