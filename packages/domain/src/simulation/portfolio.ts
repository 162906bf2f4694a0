import { accountRandom } from './prng.ts';
import type { SimulatedAccount } from './simulation-types.ts';
import { SimulationInputError } from './simulation-errors.ts';

const DAY_MS = 86_400_000;
/** Production turns a due date into 09:00 in the debtor's time zone; the synthetic portfolio uses 09:00 UTC. */
const DUE_HOUR_MS = 9 * 3_600_000;
const MIN_BALANCE_MINOR = 5_000;
const MAX_BALANCE_MINOR = 500_000;
const DUE_SPREAD_DAYS = 30;

/**
 * A synthetic portfolio for trying strategies: one open invoice per account, due from 30 days before to 30 days
 * after `start`, with balances from 50.00 to 5,000.00 EUR. The same arguments always give the same accounts.
 */
export function generatePortfolio(count: number, start: Date, seed: number): SimulatedAccount[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new SimulationInputError('The account count must be a whole number of at least 0.');
  }
  const startMs = start.getTime();
  if (Number.isNaN(startMs)) throw new SimulationInputError('The portfolio start is not a valid date.');
  const random = accountRandom(seed, 'portfolio');
  const startDay = Math.floor(startMs / DAY_MS) * DAY_MS;
  const width = String(Math.max(count, 1)).length;
  const accounts: SimulatedAccount[] = [];
  for (let i = 0; i < count; i++) {
    const offsetDays = Math.floor(random() * (2 * DUE_SPREAD_DAYS + 1)) - DUE_SPREAD_DAYS;
    const balance = MIN_BALANCE_MINOR + Math.floor(random() * (MAX_BALANCE_MINOR - MIN_BALANCE_MINOR + 1));
    accounts.push({
      id: `sim-${String(i + 1).padStart(width, '0')}`,
      balanceMinor: BigInt(balance),
      currency: 'EUR',
      oldestDueAt: new Date(startDay + offsetDays * DAY_MS + DUE_HOUR_MS).toISOString(),
    });
  }
  return accounts;
}
