import type { RecoupOrm } from '@recoup/db';
import type { CollectionClient } from '@recoup/workflows';
import type { Logger } from '../http/logger.ts';
import { startCollections, type StartReport } from '../imports/workflow-starter.ts';
import { findDefaultStrategyVersionId } from '../shared/default-strategy-version.ts';

/** Starts (idempotently) the collection workflow of every account with open receivables, e.g. after seeding. */
export async function startOpenAccountWorkflows(
  orm: RecoupOrm,
  collections: CollectionClient,
  logger: Logger,
): Promise<StartReport & { total: number }> {
  const em = orm.em.fork();
  const versionId = await findDefaultStrategyVersionId(em);
  if (!versionId) return { total: 0, started: 0, alreadyRunning: 0, errors: [] };
  const rows = await em.execute<{ account_id: string }[]>(
    `select distinct account_id from invoice where status = 'open' and open_minor > 0 order by account_id`,
  );
  const report = await startCollections(collections, rows.map((r) => r.account_id), versionId, logger);
  return { ...report, total: rows.length };
}
