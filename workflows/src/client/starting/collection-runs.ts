import type { EntityManager } from '@mikro-orm/postgresql';
import { CollectionRun } from '@recoup/db';
import type { ArmChoice } from './arm-resolver.ts';

/**
 * Records that a collection workflow execution began with the chosen version. Called only for a start that really
 * began a new execution: a start that found the workflow already running changes nothing, so repeating an import
 * or a launch never adds a second row for the same execution.
 */
export const recordCollectionRun = async (
  em: EntityManager,
  run: { accountId: string; workflowId: string; choice: ArmChoice; importBatchId?: string | null },
): Promise<void> => {
  await em.insert(CollectionRun, {
    account: run.accountId,
    workflowId: run.workflowId,
    strategyVersion: run.choice.strategyVersionId,
    armLabel: run.choice.armLabel,
    assigned: run.choice.assigned,
    segment: run.choice.segment,
    startedAt: new Date(),
    importBatch: run.importBatchId ?? null,
  });
};
