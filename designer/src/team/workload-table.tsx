import type { TeamWorkload } from '@recoup/contracts';
import { moneyList } from './money-list.ts';

export interface WorkloadTableProps {
  workload: TeamWorkload;
  selectedId: string | null;
  onSelect: (collectorId: string) => void;
}

function utilisation(percent: number | null): string {
  return percent === null ? 'no capacity' : `${percent}%`;
}

export function WorkloadTable({ workload, selectedId, onSelect }: WorkloadTableProps) {
  const { collectors, queue } = workload;
  return (
    <table className="team__table">
      <caption className="team__caption">Workload per collector, as of {new Date(workload.asOf).toLocaleString()}</caption>
      <thead>
        <tr>
          <th scope="col">Collector</th>
          <th scope="col">Open tasks</th>
          <th scope="col">Overdue</th>
          <th scope="col">Accounts</th>
          <th scope="col">Open balance</th>
          <th scope="col">Capacity</th>
          <th scope="col">Utilisation</th>
        </tr>
      </thead>
      <tbody>
        {collectors.map((c) => (
          <tr key={c.id} aria-selected={c.id === selectedId} className={c.id === selectedId ? 'team__row--selected' : undefined}>
            <th scope="row">
              <button type="button" className="button button--ghost button--small" onClick={() => onSelect(c.id)} aria-pressed={c.id === selectedId}>
                {c.name}
              </button>
              {c.active ? null : <span className="team__inactive">deactivated</span>}
            </th>
            <td>{c.openTasks}</td>
            <td className={c.overdueTasks > 0 ? 'team__overdue' : undefined}>{c.overdueTasks}</td>
            <td>
              {c.accounts}
              <span className="team__sub"> ({c.owingAccounts} owing)</span>
            </td>
            <td>{moneyList(c.openBalance)}</td>
            <td>{c.capacity}</td>
            <td>
              <meter className="team__meter" min={0} max={100} high={90} value={Math.min(c.utilisationPercent ?? 0, 100)} aria-label={`Utilisation of ${c.name}`} />{' '}
              {utilisation(c.utilisationPercent)}
            </td>
          </tr>
        ))}
        <tr className="team__queue">
          <th scope="row">Unassigned queue</th>
          <td>{queue.openTasks}</td>
          <td className={queue.overdueTasks > 0 ? 'team__overdue' : undefined}>{queue.overdueTasks}</td>
          <td>{queue.accounts}</td>
          <td>{moneyList(queue.openBalance)}</td>
          <td colSpan={2} className="team__sub">
            Work nobody has yet; hand it out below.
          </td>
        </tr>
      </tbody>
    </table>
  );
}
