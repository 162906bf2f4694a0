import type { AgingBlock } from '@recoup/contracts';
import { money, share } from './kpi-format.ts';

const BAR_WIDTH = 420;
const ROW = 30;

/** Open AR per aging bucket: bars to compare at a glance, and the exact figures in a table beside them. */
export function AgingChart({ aging, currency }: { aging: AgingBlock; currency: string }) {
  const max = aging.buckets.reduce((m, b) => (BigInt(b.amountMinor) > m ? BigInt(b.amountMinor) : m), 0n);
  return (
    <div className="kpi-chart">
      <svg
        className="kpi-chart__svg"
        role="img"
        aria-label={`Open receivables per aging bucket on ${aging.asOf}`}
        viewBox={`0 0 ${BAR_WIDTH + 120} ${aging.buckets.length * ROW}`}
      >
        {aging.buckets.map((bucket, i) => (
          <g key={bucket.key} transform={`translate(0 ${i * ROW})`}>
            <text x="0" y={ROW / 2 + 5} className="kpi-chart__label">
              {bucket.label}
            </text>
            <rect x="110" y="5" height={ROW - 10} width={Math.max(share(bucket.amountMinor, max) * BAR_WIDTH, 1)} className={`kpi-chart__bar kpi-chart__bar--${i}`} />
          </g>
        ))}
      </svg>
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
