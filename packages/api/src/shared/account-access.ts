import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, CollectorTask, type IAccount } from '@recoup/db';
import { isManagerOrAdmin, type AuthUser } from '../auth/current-user.ts';
import { NotFoundError } from '../http/errors.ts';

/** Managers and admins see every account; a collector the accounts assigned to them or holding a task of theirs. */
export const mayAccessAccount = async (em: EntityManager, user: AuthUser, account: IAccount): Promise<boolean> => {
  if (isManagerOrAdmin(user) || account.assignedCollector?.id === user.id) return true;
  return (await em.count(CollectorTask, { account: account.id, assignee: user.id })) > 0;
};

/**
 * The account, when the user may work on it. A missing account and someone else's are both reported as missing,
 * so ids cannot be probed. `lock` takes the row for the rest of the caller's transaction.
 */
export const accessibleAccount = async (
  em: EntityManager,
  user: AuthUser,
  accountId: string,
  options: { lock?: boolean } = {},
): Promise<IAccount> => {
  const account = await em.findOne(
    Account,
    { id: accountId },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!account || !(await mayAccessAccount(em, user, account))) throw new NotFoundError('account');
  return account;
};
