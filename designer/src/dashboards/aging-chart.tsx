import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgingBlock } from '@recoup/contracts';
import { money, share } from './kpi-format.ts';

const WIDTH = 540;
const ROW = 30;

interface AgingPoint {
  label: string;
  /** The bucket's share of the largest bucket, 0 to 1: what the bar's length shows. Money stays in minor units. */
  share: number;
  amountMinor: string;
  invoiceCount: number;
}

/** Open AR per aging bucket: bars to compare at a glance, and the exact figures in a table beside them. */
export function AgingChart({ aging, currency }: { aging: AgingBlock; currency: string }) {
  const max = aging.buckets.reduce((m, b) => (BigInt(b.amountMinor) > m ? BigInt(b.amountMinor) : m), 0n);
  const points: AgingPoint[] = aging.buckets.map((b) => ({ label: b.label, share: share(b.amountMinor, max), amountMinor: b.amountMinor, invoiceCount: b.invoiceCount }));
  return (
    <div className="kpi-chart">
      <figure className="kpi-chart__figure" role="img" aria-label={`Open receivables per aging bucket on ${aging.asOf}`}>
        <BarChart width={WIDTH} height={aging.buckets.length * ROW + 10} data={points} layout="vertical" margin={{ top: 5, right: 10, bottom: 5, left: 10 }}>
          <XAxis type="number" domain={[0, 1]} hide />
          <YAxis type="category" dataKey="label" width={110} interval={0} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fillOpacity: 0.1 }}
            formatter={(_share, _name, item) => {
              const point = item.payload as AgingPoint;
              return [`${money(point.amountMinor, currency)} in ${point.invoiceCount} invoice(s)`, 'Open'];
            }}
          />
          <Bar dataKey="share" minPointSize={1} isAnimationActive={false}>
            {points.map((point, i) => (
              // Older buckets are drawn warmer (see dashboards.css).
              <Cell key={point.label} className={`kpi-chart__bar kpi-chart__bar--${i}`} />
            ))}
          </Bar>
        </BarChart>
      </figure>
      <table className="table kpi-table" aria-label="Aging buckets">
        <thead>
          <tr>
            <th scope="col">Bucket</th>
            <th scope="col">Invoices</th>
            <th scope="col">Open amount</th>
          </tr>
        </thead>
        <tbody>
          {aging.buckets.map((bucket) => (
            <tr key={bucket.key} data-bucket={bucket.key}>
              <th scope="row">{bucket.label}</th>
              <td>{bucket.invoiceCount}</td>
              <td data-amount-minor={bucket.amountMinor}>{money(bucket.amountMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{aging.invoiceCount}</td>
            <td>{money(aging.totalMinor, currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
