import type { RecoupOrm } from '@recoup/db';
import type { CollectionClient } from '@recoup/workflows';
import type { Logger } from '../http/logger.ts';
import { startCollections, type StartReport } from '@recoup/workflows';

/** Starts (idempotently) the collection workflow of every account with open receivables, e.g. after seeding. */
export async function startOpenAccountWorkflows(
  orm: RecoupOrm,
  collections: CollectionClient,
  logger: Logger,
): Promise<StartReport & { total: number }> {
  const rows = await orm.em.fork().execute<{ id: string; segment: string }[]>(
    `select a.id, a.segment from account a
      where exists (select 1 from invoice i where i.account_id = a.id and i.status = 'open' and i.open_minor > 0)
      order by a.id`,
  );
  const report = await startCollections(orm, collections, rows, logger);
  return { ...report, total: rows.length };
}
