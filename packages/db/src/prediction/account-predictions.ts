import type { EntityManager } from '@mikro-orm/postgresql';
import { accountPrediction, type AccountPrediction, type PredictionReason, type RecentPayments } from '@recoup/domain';
import { query } from '../bound-query.ts';

// What the stored predictions say about whole accounts: the facts a strategy branches on, the inbox's risk and the
// sentence that explains it. Each account's figures weigh its open invoices by what can be collected of them (the
// disputed part left out).

export interface AccountPredictionView extends AccountPrediction {
  /** The customer's latest payments when the invoices were scored. */
  readonly recent: RecentPayments | null;
  /** The reasons of the invoice with the most to collect. */
  readonly reasons: readonly PredictionReason[];
  /** 'low' when every open invoice was answered by the population model. */
  readonly confidence: 'normal' | 'low';
}

interface Row {
  account_id: string;
  collectible: string;
  late_probability: number;
  very_late_probability: number;
  days_late: number;
  pay_date: string;
  confidence: 'normal' | 'low';
  reasons: PredictionReason[];
  recent: RecentPayments | null;
}

/** The accounts' predictions, by account id; an account none of whose open invoices is scored is absent. */
export async function loadAccountPredictions(em: EntityManager, accountIds: readonly string[]): Promise<Map<string, AccountPredictionView>> {
  const found = new Map<string, AccountPredictionView>();
  if (accountIds.length === 0) return found;
  const rows = await query<Row>(
    em,
    `select i.account_id, (i.open_minor - least(i.open_minor, coalesce(d.disputed, 0)))::text as collectible,
            p.late_probability, p.very_late_probability, p.days_late, to_char(p.pay_date, 'YYYY-MM-DD') as pay_date,
            p.confidence, p.reasons, p.recent
       from invoice i
       join invoice_prediction p on p.invoice_id = i.id
       left join (select di.invoice_id, sum(di.amount_minor) as disputed
                    from dispute_item di join dispute ds on ds.id = di.dispute_id
                   where ds.status = 'open' and ds.account_id = any(?::uuid[])
                   group by di.invoice_id) d on d.invoice_id = i.id
      where i.account_id = any(?::uuid[]) and i.status = 'open'
      order by i.account_id, (i.open_minor - least(i.open_minor, coalesce(d.disputed, 0))) desc, i.id`,
    [[...accountIds], [...accountIds]],
  );
  const byAccount = new Map<string, Row[]>();
  for (const row of rows) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
  for (const [accountId, invoices] of byAccount) {
    const prediction = accountPrediction(
      invoices.map((row) => ({
        openMinor: BigInt(row.collectible),
        lateProbability: row.late_probability,
        veryLateProbability: row.very_late_probability,
        daysLate: row.days_late,
        payDate: row.pay_date,
      })),
    );
    if (!prediction) continue;
    found.set(accountId, {
      ...prediction,
      // Rows come largest first: the biggest invoice speaks for the account.
      reasons: invoices[0]?.reasons ?? [],
      recent: invoices.find((row) => row.recent !== null)?.recent ?? null,
      confidence: invoices.every((row) => row.confidence === 'low') ? 'low' : 'normal',
    });
  }
  return found;
}
