import type { CollectionClient } from '@recoup/workflows';
import type { Logger } from '../http/logger.ts';
import { mapBounded } from '../shared/bounded.ts';

/** Enough to keep Temporal busy without opening one call per account for a 10,000-account import. */
export const START_CONCURRENCY = 32;

export interface StartReport {
  started: number;
  alreadyRunning: number;
  errors: { accountId: string; message: string }[];
}

export const startCollections = async (
  collections: CollectionClient,
  accountIds: readonly string[],
  strategyVersionId: string,
  logger: Logger,
): Promise<StartReport> => {
  const report: StartReport = { started: 0, alreadyRunning: 0, errors: [] };
  await mapBounded(accountIds, START_CONCURRENCY, async (accountId) => {
    try {
      const result = await collections.start(accountId, strategyVersionId);
      if (result.started) report.started += 1;
      else report.alreadyRunning += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn('could not start a collection workflow', { accountId, error: message });
      report.errors.push({ accountId, message });
    }
  });
  return report;
};
