import type { KpiDashboard } from '@recoup/contracts';
import { days, percent } from './kpi-format.ts';

interface Tile {
  title: string;
  value: string;
  explanation: string;
}

function tilesOf(d: KpiDashboard): Tile[] {
  const countback = d.dso.countbackDso;
  return [
    { title: 'Simple DSO', value: days(d.dso.simpleDso), explanation: 'Ending AR ÷ credit sales in the period × days in the period.' },
    {
      title: 'Countback DSO',
      value: `${countback.complete ? '' : '≥ '}${days(countback.days)}`,
      explanation: 'Ending AR counted back month by month against each month’s sales; the last month counts the share it covers.',
    },
    { title: 'Best Possible DSO', value: days(d.dso.bestPossibleDso), explanation: 'Current (not yet due) AR ÷ credit sales × days: DSO if everyone paid on time.' },
    { title: 'Average Days Delinquent', value: days(d.dso.averageDaysDelinquent), explanation: 'DSO − Best Possible DSO: how many days late the AR is on average.' },
    {
      title: 'Collection Effectiveness Index',
      value: percent(d.cei.cei),
      explanation: '(Beginning AR + sales − ending AR) ÷ (beginning AR + sales − ending current AR).',
    },
    { title: 'Recovery rate', value: percent(d.recovery.recoveryRate), explanation: 'Collected in the period ÷ what was overdue on its first day.' },
    {
      title: 'Promises kept (by count)',
      value: percent(d.promises.byCount),
      explanation: `Kept ÷ (kept + broken) among promises dated in the period: ${d.promises.keptCount} kept, ${d.promises.brokenCount} broken.`,
    },
    { title: 'Promises kept (by amount)', value: percent(d.promises.byAmount), explanation: 'The same, weighted by the amounts promised.' },
  ];
}

export function KpiTiles({ dashboard }: { dashboard: KpiDashboard }) {
  return (
    <ul className="kpi-tiles" aria-label="Key figures">
      {tilesOf(dashboard).map((tile) => (
        <li key={tile.title} className="kpi-tile">
          <span className="kpi-tile__title">{tile.title}</span>
          <span className="kpi-tile__value">{tile.value}</span>
          <span className="kpi-tile__explanation">{tile.explanation}</span>
        </li>
      ))}
    </ul>
  );
}
