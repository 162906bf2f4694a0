import type { EntityManager } from '@mikro-orm/postgresql';
import { scopedAccountsSql } from '../shared/access-scope.ts';
import { zonedWallTime, type FactValues, type SimulatedAccount } from '@recoup/domain';

/** The facts the simulator takes per simulation rather than per account. */
export type StaticFacts = Pick<FactValues, 'customerType' | 'segment' | 'riskScore' | 'openInvoiceCount'>;

export interface RealAccount {
  account: SimulatedAccount;
  facts: StaticFacts;
}

interface Row {
  id: string;
  customer_type: 'consumer' | 'business';
  segment: string;
  risk_score: number | null;
  currency: string;
  time_zone: string;
  total_open: string | null;
  open_count: string;
  oldest_due: string | null;
}

const CHUNK = 1_000;

/**
 * The accounts as a collection run would see them today: the open balance in the account currency, the oldest open
 * due date at 09:00 on the debtor's wall clock (as the workflow's snapshot has it) and the facts conditions test.
 * Ids that do not exist, or name accounts outside the user's scope, are returned separately as missing.
 */
export async function loadRealAccounts(em: EntityManager, ids: readonly string[]): Promise<{ found: RealAccount[]; missing: string[] }> {
  const unique = [...new Set(ids)];
  const byId = new Map<string, RealAccount>();
  const scope = scopedAccountsSql(em, 'a');
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const rows = await em.execute<Row[]>(
      `select a.id, a.customer_type, a.segment, a.risk_score, a.currency, a.time_zone,
              sum(inv.open_minor) filter (where inv.status = 'open')::text as total_open,
              count(inv.id) filter (where inv.status = 'open')::text as open_count,
              to_char(min(inv.due_date) filter (where inv.status = 'open'), 'YYYY-MM-DD') as oldest_due
         from account a
         left join invoice inv on inv.account_id = a.id and inv.currency = a.currency
        where a.id in (?) and ${scope.sql}
        group by a.id`,
      [chunk, ...scope.params],
    );
    for (const row of rows) {
      byId.set(row.id, {
        account: {
          id: row.id,
          balanceMinor: BigInt(row.total_open ?? '0'),
          currency: row.currency.trim(),
          oldestDueAt: row.oldest_due === null ? null : zonedWallTime(row.oldest_due, 9, 0, row.time_zone).toISOString(),
        },
        facts: {
          customerType: row.customer_type,
          segment: row.segment,
          riskScore: row.risk_score,
          openInvoiceCount: Number(row.open_count),
        },
      });
    }
  }
  const found: RealAccount[] = [];
  const missing: string[] = [];
  for (const id of unique) {
    const real = byId.get(id);
    if (real) found.push(real);
    else missing.push(id);
  }
  return { found, missing };
}
