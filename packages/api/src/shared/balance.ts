import type { EntityManager } from '@mikro-orm/postgresql';
import type { Money } from '@recoup/contracts';

/** Open receivables per currency, read from the database (the allocation trigger keeps open_minor current). */
export const openBalance = async (em: EntityManager, accountId: string): Promise<Money[]> => {
  const rows = await em.execute<{ currency: string; open: string }[]>(
    `select currency, sum(open_minor)::text as open from invoice
      where account_id = ? and status = 'open' group by currency order by currency`,
    [accountId],
  );
  return rows.map((row) => ({ amountMinor: row.open, currency: row.currency }));
};
