import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from './sql.ts';

/**
 * Runs one dashboard query with room to aggregate in memory. The ledger sums group every allocation by invoice;
 * at 100,000 invoices that hash table outgrows PostgreSQL's default 4 MB work_mem, and the planner falls back to
 * sorting the allocations on disk (external merge) before grouping. `set local` lasts only for this read-only
 * transaction, so no other query of the connection pool is affected.
 */
export const readLedger = async <T>(em: EntityManager, query: Sql): Promise<T[]> =>
  em.transactional(async (tx) => {
    await tx.execute(`set local work_mem = '64MB'`);
    return tx.execute<T[]>(query.text, [...query.params]);
  });
