import { differenceText } from './cash-money.ts';
import type { Imbalance } from './statements.api.ts';

/** Where a held statement does not add up, and by how much. */
export function ImbalanceList({ imbalances }: { imbalances: readonly Imbalance[] }) {
  return (
    <ul className="cash-imbalances" aria-label="Why it does not balance">
      {imbalances.map((imbalance) => (
        <li key={`${imbalance.where}-${imbalance.account}-${imbalance.currency}`}>
          <strong>{differenceText(imbalance.differenceMinor, imbalance.currency)}</strong> on {imbalance.account} at {imbalance.where}: {imbalance.message}
        </li>
      ))}
    </ul>
  );
}
