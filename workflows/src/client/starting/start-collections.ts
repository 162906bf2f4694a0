import type { MikroORM } from '@mikro-orm/postgresql';
import type { CollectionClient, StartResult } from '../collection-client.ts';
import type { StartLogger } from './start-logger.ts';
import { mapBounded } from './bounded.ts';
import { loadArmResolver, type AccountToStart, type ArmChoice } from './arm-resolver.ts';
import { recordCollectionRun } from './collection-runs.ts';
import { errorMessage } from '@recoup/domain';

/** Enough to keep Temporal busy without opening one call per account for a 10,000-account import. */
export const START_CONCURRENCY = 32;

export interface StartReport {
  started: number;
  alreadyRunning: number;
  /** Accounts whose segment has no assignment while no default strategy is published: nothing to run. */
  withoutStrategy: number;
  errors: { accountId: string; message: string }[];
}


/**
 * Starts (idempotently) the collection workflow of each account with the version its segment's assignment picks
 * for it (or the default strategy's), and records each new run with its arm. Every caller that starts collection
 * workflows goes through here, so no run escapes the assignment or the record.
 */
export const startCollections = async (
  orm: MikroORM,
  collections: CollectionClient,
  accounts: readonly AccountToStart[],
  logger: StartLogger,
  /** The import the accounts come from: each run it starts is marked with it. */
  options: { importBatchId?: string } = {},
): Promise<StartReport> => {
  const report: StartReport = { started: 0, alreadyRunning: 0, withoutStrategy: 0, errors: [] };
  const resolver = await loadArmResolver(orm.em.fork());
  await mapBounded(accounts, START_CONCURRENCY, async (account) => {
    let choice: ArmChoice | null;
    try {
      choice = resolver.versionFor(account);
    } catch (error) {
      logger.warn('could not choose a strategy version', { accountId: account.id, error: errorMessage(error) });
      report.errors.push({ accountId: account.id, message: errorMessage(error) });
      return;
    }
    if (choice === null) {
      report.withoutStrategy += 1;
      return;
    }
    let result: StartResult;
    try {
      result = await collections.start(account.id, choice.strategyVersionId, { segment: account.segment });
    } catch (error) {
      logger.warn('could not start a collection workflow', { accountId: account.id, error: errorMessage(error) });
      report.errors.push({ accountId: account.id, message: errorMessage(error) });
      return;
    }
    if (!result.started) {
      report.alreadyRunning += 1;
      return;
    }
    report.started += 1;
    try {
      await recordCollectionRun(orm.em.fork(), { accountId: account.id, workflowId: result.workflowId, choice, importBatchId: options.importBatchId ?? null });
    } catch (error) {
      // The workflow runs either way; only the arm report misses it, which the operator should hear about.
      logger.error('started a collection workflow but could not record its run', {
        accountId: account.id,
        error: errorMessage(error),
      });
      report.errors.push({ accountId: account.id, message: `Started, but its run was not recorded: ${errorMessage(error)}` });
    }
  });
  return report;
};
