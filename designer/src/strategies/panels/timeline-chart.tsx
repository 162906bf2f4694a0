import type { SimulationDay } from '@recoup/contracts';

const SERIES = [
  { key: 'reminders', label: 'Reminders', className: 'chart__bar--reminders' },
  { key: 'tasks', label: 'Tasks', className: 'chart__bar--tasks' },
  { key: 'escalations', label: 'Escalations', className: 'chart__bar--escalations' },
  { key: 'settlements', label: 'Settlements', className: 'chart__bar--settlements' },
] as const;

const HEIGHT = 160;
const AXIS = 24;

/** Actions per simulated day as stacked bars, one per day; each bar's title gives its figures. */
export function TimelineChart({ days }: { days: readonly SimulationDay[] }) {
  const totals = days.map((day) => SERIES.reduce((sum, series) => sum + day[series.key], 0));
  const max = Math.max(1, ...totals);
  const width = Math.max(days.length * 6, 240);
  const barWidth = width / Math.max(days.length, 1);
  const busiest = totals.indexOf(max);
  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Actions per day over ${days.length} days; the busiest day is day ${days[busiest]?.day ?? 0} with ${max}`}
        data-testid="simulation-timeline"
      >
        {days.map((day, index) => {
          let y = HEIGHT;
          return (
            <g key={day.day} className="chart__day">
              <title>{`Day ${day.day} (${day.date}): ${SERIES.map((s) => `${day[s.key]} ${s.label.toLowerCase()}`).join(', ')}`}</title>
              {SERIES.map((series) => {
                const h = (day[series.key] / max) * HEIGHT;
                y -= h;
                return h > 0 ? (
                  <rect key={series.key} className={`chart__bar ${series.className}`} x={index * barWidth + 0.5} y={y} width={Math.max(barWidth - 1, 0.5)} height={h} />
                ) : null;
              })}
            </g>
          );
        })}
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="chart__axis" />
        {days
          .filter((_, index) => index % Math.max(1, Math.ceil(days.length / 6)) === 0)
          .map((day) => (
            <text key={day.day} x={(days.indexOf(day) + 0.5) * barWidth} y={HEIGHT + 16} className="chart__tick">
              d{day.day}
            </text>
          ))}
      </svg>
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
