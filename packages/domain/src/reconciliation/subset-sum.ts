import type { OpenInvoice } from './match-types.ts';

/**
 * The invoices among `invoices` (at most `limit` of them, oldest first) whose open amounts add up exactly to
 * `target`: the subset with the fewest invoices, then the oldest. Null when none does. The search is bounded:
 * 2^limit subsets at worst, pruned by running sums.
 */
export function exactSubset(invoices: readonly OpenInvoice[], target: bigint, limit: number): OpenInvoice[] | null {
  const pool = [...invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number)).slice(0, limit);
  // Suffix sums let a branch stop once the rest could not reach the target.
  const rest: bigint[] = new Array<bigint>(pool.length + 1).fill(0n);
  for (let i = pool.length - 1; i >= 0; i--) rest[i] = (rest[i + 1] ?? 0n) + (pool[i]?.openMinor ?? 0n);
  const found: { best: number[] | null } = { best: null };
  const chosen: number[] = [];
  const search = (index: number, remaining: bigint): void => {
    if (remaining === 0n) {
      if (found.best === null || chosen.length < found.best.length) found.best = [...chosen];
      return;
    }
    if (index >= pool.length || remaining < 0n || (rest[index] ?? 0n) < remaining) return;
    if (found.best !== null && chosen.length + 1 >= found.best.length) return;
    const invoice = pool[index];
    if (!invoice) return;
    chosen.push(index);
    search(index + 1, remaining - invoice.openMinor);
    chosen.pop();
    search(index + 1, remaining);
  };
  if (target > 0n) search(0, target);
  return found.best === null ? null : found.best.map((i) => pool[i]).filter((inv): inv is OpenInvoice => inv !== undefined);
}
