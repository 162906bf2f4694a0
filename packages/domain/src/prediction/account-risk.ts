// An account's predicted payment behaviour from its open invoices' predictions, each weighted by what it still has
// open: the facts a strategy branches on. A risk of 1000 means every open unit is predicted to be paid very late,
// 500 late but within 30 days, 0 on time.

export interface ScoredOpenInvoice {
  /** Collectible open amount in minor units (the disputed part left out). */
  readonly openMinor: bigint;
  readonly lateProbability: number;
  readonly veryLateProbability: number;
  readonly daysLate: number;
  /** Predicted payment date, YYYY-MM-DD. */
  readonly payDate: string;
}

export interface AccountPrediction {
  /** 0–1000. */
  readonly riskScore: number;
  /** Chance of late payment, 0–100 %. */
  readonly lateProbability: number;
  readonly predictedDaysLate: number;
  /** The day by which half of the open amount is predicted to be paid. */
  readonly predictedPayDate: string;
}

/** Weights in millionths of the total, exact for any amount, so that no float ever holds money. */
const PARTS = 1_000_000n;

export function accountPrediction(invoices: readonly ScoredOpenInvoice[]): AccountPrediction | null {
  const scored = invoices.filter((invoice) => invoice.openMinor > 0n);
  const total = scored.reduce((sum, invoice) => sum + invoice.openMinor, 0n);
  if (total === 0n) return null;
  const weights = scored.map((invoice) => Number((invoice.openMinor * PARTS) / total) / Number(PARTS));
  const weighted = (value: (invoice: ScoredOpenInvoice) => number) => scored.reduce((sum, invoice, i) => sum + value(invoice) * weights[i]!, 0);
  const byDate = scored.map((invoice, i) => ({ date: invoice.payDate, weight: weights[i]! })).sort((a, b) => a.date.localeCompare(b.date));
  let covered = 0;
  const half = byDate.find((entry) => (covered += entry.weight) >= 0.5 - 1e-9) ?? byDate.at(-1)!;
  return {
    riskScore: Math.round(1000 * weighted((invoice) => (invoice.lateProbability + invoice.veryLateProbability) / 2)),
    lateProbability: Math.round(100 * weighted((invoice) => invoice.lateProbability)),
    predictedDaysLate: Math.round(weighted((invoice) => invoice.daysLate)),
    predictedPayDate: half.date,
  };
}
