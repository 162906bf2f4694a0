import type { MikroORM } from '@mikro-orm/postgresql';
import { query, type WorkflowStartError } from '@recoup/db';
import type { CollectionClient } from '../collection-client.ts';
import type { AccountToStart } from './arm-resolver.ts';
import { startCollections } from './start-collections.ts';
import type { StartLogger } from './start-logger.ts';

// The collection workflows of an import start after it commits, a chunk of its accounts at a time, from the batch
// row that the import wrote in the same transaction as its accounts. The row is the only cursor: a chunk reads where
// the batch stands, starts those accounts' workflows (starting one twice finds it running), counts the runs marked
// with the batch, and advances the cursor only if it still stands where the chunk read it. So an attempt lost after
// it started workflows is repeated without starting or counting anything twice.

/** Accounts per chunk: its starts take seconds, so a retried chunk repeats little. */
export const IMPORT_START_CHUNK = 500;
/** The per-account errors a batch keeps; enough to act on without letting one batch's row grow without bound. */
export const IMPORT_START_ERRORS_KEPT = 1_000;

export interface ImportStartDeps {
  orm: MikroORM;
  collections: CollectionClient;
  logger: StartLogger;
}

export interface ImportChunkResult {
  processed: number;
  total: number;
  done: boolean;
}

interface BatchCursor {
  processed: number;
  total: number;
  errors: number;
  ids: string[] | null;
}

/** Starts the workflows of the next chunk of the batch's accounts that still owe something, and moves the cursor on. */
export const startImportChunk = async (deps: ImportStartDeps, batchId: string, limit = IMPORT_START_CHUNK): Promise<ImportChunkResult> => {
  const em = deps.orm.em.fork();
  const [batch] = await query<BatchCursor>(
    em,
    `select "workflows_processed" as processed, "workflows_total" as total, jsonb_array_length("workflow_errors") as errors,
            "workflow_account_ids"["workflows_processed" + 1 : "workflows_processed" + ?] as ids
       from "import_batch" where "id" = ?`,
    [limit, batchId],
  );
  if (!batch) throw new Error(`Import batch ${batchId} does not exist.`);
  const ids = batch.ids ?? [];
  if (ids.length === 0) return { processed: batch.processed, total: batch.total, done: true };
  const open = await query<AccountToStart>(
    em,
    `select a."id", a."segment" from "account" a
      where a."id" = any(?::uuid[])
        and exists (select 1 from "invoice" i where i."account_id" = a."id" and i."status" = 'open' and i."open_minor" > 0)`,
    [ids],
  );
  const report = await startCollections(deps.orm, deps.collections, open, deps.logger, { importBatchId: batchId });
  if (open.length > 0 && report.errors.length === open.length) {
    // Not one start went through: Temporal is away, not these accounts at fault. The caller tries again later.
    throw new Error(`None of ${open.length} collection workflows could be started: ${report.errors[0]?.message ?? 'unknown error'}`);
  }
  const [runs] = await query<{ started: number }>(
    em,
    `select count(distinct "account_id")::int as started from "collection_run" where "import_batch_id" = ? and "account_id" = any(?::uuid[])`,
    [batchId, ids],
  );
  const kept: WorkflowStartError[] = report.errors.slice(0, Math.max(0, IMPORT_START_ERRORS_KEPT - batch.errors));
  const processed = batch.processed + ids.length;
  await query(
    em,
    `update "import_batch"
        set "workflows_processed" = ?, "workflows_started" = "workflows_started" + ?,
            "workflows_without_strategy" = "workflows_without_strategy" + ?, "workflow_errors" = "workflow_errors" || ?::jsonb,
            "workflow_status" = 'starting'
      where "id" = ? and "workflows_processed" = ?`,
    [processed, runs?.started ?? 0, report.withoutStrategy, JSON.stringify(kept), batchId, batch.processed],
  );
  return { processed, total: batch.total, done: processed >= batch.total };
};

/** Marks the batch's starting finished, or given up with the reason. */
export const endImportStarts = async (orm: MikroORM, batchId: string, failure: string | null): Promise<void> => {
  await query(orm.em.fork(), `update "import_batch" set "workflow_status" = ?, "workflow_note" = ? where "id" = ?`, [
    failure === null ? 'started' : 'failed',
    failure === null ? null : `Starting the collection workflows stopped: ${failure}`,
    batchId,
  ]);
};

/** Batches whose starting has not finished, oldest first: those a crash or an unreachable Temporal left behind. */
export const unfinishedImportBatches = async (orm: MikroORM): Promise<string[]> =>
  (
    await query<{ id: string }>(
      orm.em.fork(),
      `select "id" from "import_batch" where "workflow_status" in ('pending', 'starting') order by "created_at" limit 100`,
    )
  ).map((row) => row.id);
