import type { MikroORM } from '@mikro-orm/postgresql';
import { Account } from '@recoup/db';
import { startCollections, type CollectionClient } from '@recoup/workflows';
import type { Logger } from '../http/logger.ts';

/**
 * After a payment was taken back the account owes again: its workflow is told, and if its collection had ended
 * (settled by that payment), collection starts again the way every start does. The reversal is committed either
 * way; a failure here is logged, and the launcher or the next import starts collection for open accounts.
 */
export async function collectAfterReversal(orm: MikroORM, collections: CollectionClient, logger: Logger, accountId: string): Promise<void> {
  try {
    await collections.accountChanged(accountId);
    const account = await orm.em.fork().findOneOrFail(Account, { id: accountId }, { fields: ['id', 'segment'] });
    const report = await startCollections(orm, collections, [{ id: account.id, segment: account.segment }], logger);
    for (const error of report.errors) logger.warn('could not start collection again after a reversal', { ...error });
  } catch (error) {
    logger.warn('could not tell collection about a reversal', { accountId, error: error instanceof Error ? error.message : String(error) });
  }
}
