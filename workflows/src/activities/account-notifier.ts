import { log } from '@temporalio/activity';
import { Account, type MikroORM } from '@recoup/db';
import type { CollectionClient } from '../client/collection-client.ts';
import { runningCollections } from '../client/running-collections.ts';
import { startCollections } from '../client/starting/start-collections.ts';
import type { StartLogger } from '../client/starting/start-logger.ts';
import type { AccountNotifier } from './reconciliation.ts';
import { errorMessage } from '@recoup/domain';

/** The activity's own logger: entries carry the workflow and activity they came from. */
export const activityLogger: StartLogger = {
  warn: (message, fields) => log.warn(message, fields),
  error: (message, fields) => log.error(message, fields),
};

/** Tells collection workflows through the Temporal client, and starts collection again the way every start does. */
export function createAccountNotifier(orm: MikroORM, collections: CollectionClient, logger: StartLogger): AccountNotifier {
  return {
    async collecting(accountIds) {
      try {
        return await runningCollections(collections.temporal, orm.em.fork(), accountIds);
      } catch (error) {
        // Without a list, every account is told: slower, but no running workflow misses its payment.
        logger.warn('could not list running collection workflows; telling every account', { error: errorMessage(error) });
        return new Set(accountIds);
      }
    },
    paymentApplied: (accountId, message) => collections.paymentApplied(accountId, message),
    accountChanged: (accountId) => collections.accountChanged(accountId),
    async collectAgain(accountIds) {
      const accounts = await orm.em.fork().find(Account, { id: { $in: accountIds } }, { fields: ['id', 'segment'] });
      const report = await startCollections(orm, collections, accounts.map((a) => ({ id: a.id, segment: a.segment })), logger);
      if (report.errors.length > 0) {
        // Thrown so the activity retries: an account that owes again must not be left without collection.
        throw new Error(`Could not start collection again for ${report.errors.map((e) => `${e.accountId} (${e.message})`).join(', ')}`);
      }
      return { started: report.started };
    },
  };
}
