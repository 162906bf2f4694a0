import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { ImportBatch } from './import-batch.entity.ts';
import { StrategyVersion } from './strategy-version.entity.ts';

// One row per collection workflow execution that was started: which version (and which arm of the segment's
// assignment) it began with. Reports compare arms by joining outcomes to these rows; an account that is restarted
// later gets a second row, so its earlier run keeps the arm it was measured in.
export const CollectionRun = defineEntity({
  name: 'CollectionRun',
  tableName: 'collection_run',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    workflowId: p.text(),
    strategyVersion: () => p.manyToOne(StrategyVersion),
    /** The arm's label; null for the default-strategy fallback and for arms without a label. */
    armLabel: p.text().nullable(),
    /** Whether the version came from the segment's assignment (false: the default-strategy fallback). */
    assigned: p.boolean(),
    /** The account's segment when the run started. */
    segment: p.text(),
    startedAt: p.datetime().onCreate(() => new Date()),
    /** The import whose accounts' workflows this run was started for; null when something else started it. */
    importBatch: () => p.manyToOne(ImportBatch).nullable(),
  },
});

export type ICollectionRun = InferEntity<typeof CollectionRun>;
