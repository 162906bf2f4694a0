import type { ProductivityBlock } from '@recoup/contracts';
import { money } from './kpi-format.ts';

export function ProductivityTable({ productivity, currency }: { productivity: ProductivityBlock; currency: string }) {
  if (productivity.rows.length === 0) return <p className="kpi-note">No collectors yet.</p>;
  return (
    <table className="table kpi-table" aria-label="Collector productivity">
      <thead>
        <tr>
          <th scope="col">Collector</th>
          <th scope="col">Tasks closed</th>
          <th scope="col">Promises obtained</th>
          <th scope="col">Amount promised</th>
          <th scope="col">Collected on their accounts</th>
        </tr>
      </thead>
      <tbody>
        {productivity.rows.map((row) => (
          <tr key={row.collectorId}>
            <th scope="row">{row.name}</th>
            <td>{row.tasksClosed}</td>
            <td>{row.promisesObtained}</td>
            <td>{money(row.promisedMinor, currency)}</td>
            <td>{money(row.collectedMinor, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
