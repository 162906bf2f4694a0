import { LockMode, raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, AppUser, CollectorTask, type IAccount, type ICollectorTask } from '@recoup/db';
import type { AuthUser } from '../auth/current-user.ts';
import { NotFoundError } from '../http/errors.ts';

// Object-level authorization in one place. Every route that reads or changes an account, or anything hanging off
// one (tasks, promises, disputes, payments, calls), asks this module: a predicate for one object, a filter for
// lists. Both answer from the same definition, so a list never shows what the detail would refuse.
//
//   admin     every account and task
//   manager   the accounts and tasks of their team's collectors, their own, and unassigned ones (the queue they
//             hand out)
//   collector the accounts and tasks assigned to them; an account also when it holds a task of theirs, since they
//             cannot work the task without it
//
// Someone else's object is reported as missing (404), never as forbidden, so ids cannot be probed.

export type AccessScope =
  | { kind: 'all' }
  /** `members`: the manager and the collectors on their team. Unassigned objects are in scope too. */
  | { kind: 'team'; members: readonly string[] }
  | { kind: 'own'; userId: string };

export const accessScope = async (em: EntityManager, user: AuthUser): Promise<AccessScope> => {
  switch (user.role) {
    case 'admin':
      return { kind: 'all' };
    case 'manager': {
      const team = await em.find(AppUser, { managerId: user.id }, { fields: ['id'] });
      return { kind: 'team', members: [user.id, ...team.map((member) => member.id)] };
    }
    case 'collector':
      return { kind: 'own', userId: user.id };
  }
};

const isMember = (scope: Extract<AccessScope, { kind: 'team' }>, userId: string | null): boolean =>
  userId === null || scope.members.includes(userId);

/** Whether a user in this scope may see and work on a task assigned to `assigneeId` (null: unassigned). */
export const mayAccessTaskOf = (scope: AccessScope, assigneeId: string | null): boolean => {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'team':
      return isMember(scope, assigneeId);
    case 'own':
      return assigneeId === scope.userId;
  }
};

export const mayAccessTask = (scope: AccessScope, task: ICollectorTask): boolean => mayAccessTaskOf(scope, task.assignee?.id ?? null);

/** The tasks a user in this scope may see, as a filter to AND with the list's own conditions. */
export const taskFilter = (scope: AccessScope): FilterQuery<ICollectorTask> => {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'team':
      return { $or: [{ assignee: null }, { assignee: { $in: [...scope.members] } }] };
    case 'own':
      return { assignee: scope.userId };
  }
};

/** The users whose tasks on an account open the account to this scope, or null when any account is open. */
const taskHolders = (scope: AccessScope): readonly string[] | null => {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'team':
      return scope.members;
    case 'own':
      return [scope.userId];
  }
};

/** The accounts a user in this scope may see, as a filter to AND with the list's own conditions. */
export const accountFilter = (scope: AccessScope): FilterQuery<IAccount> => {
  const holders = taskHolders(scope);
  if (holders === null) return {};
  const placeholders = holders.map(() => '?').join(', ');
  const holdsTask = raw(
    (alias: string) => `exists (select 1 from "collector_task" t where t."account_id" = ${alias}."id" and t."assignee_id" in (${placeholders}))`,
    [...holders],
  );
  const assigned: FilterQuery<IAccount>[] =
    scope.kind === 'team' ? [{ assignedCollector: null }, { assignedCollector: { $in: [...holders] } }] : [{ assignedCollector: holders[0] ?? null }];
  return { $or: [...assigned, { [holdsTask]: [] }] } as FilterQuery<IAccount>;
};

export const mayAccessAccountIn = async (em: EntityManager, scope: AccessScope, account: IAccount): Promise<boolean> => {
  const holders = taskHolders(scope);
  if (holders === null) return true;
  const assignee = account.assignedCollector?.id ?? null;
  if (scope.kind === 'team' ? isMember(scope, assignee) : assignee !== null && holders.includes(assignee)) return true;
  return (await em.count(CollectorTask, { account: account.id, assignee: { $in: [...holders] } })) > 0;
};

export const mayAccessAccount = async (em: EntityManager, user: AuthUser, account: IAccount): Promise<boolean> =>
  mayAccessAccountIn(em, await accessScope(em, user), account);

/** For objects hanging off an account (a payment, a dispute): whether the user may work on that account. */
export const mayAccessAccountById = async (em: EntityManager, user: AuthUser, accountId: string): Promise<boolean> => {
  const account = await em.findOne(Account, { id: accountId });
  return account !== null && (await mayAccessAccount(em, user, account));
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
  const account = await em.findOne(Account, { id: accountId }, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!account || !(await mayAccessAccount(em, user, account))) throw new NotFoundError('account');
  return account;
};

/** The task, when the user may work on it; someone else's is reported as missing, like a missing one. */
export const accessibleTask = async (
  em: EntityManager,
  user: AuthUser,
  taskId: string,
  options: { lock?: boolean } = {},
): Promise<ICollectorTask> => {
  const task = await em.findOne(CollectorTask, { id: taskId }, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!task || !mayAccessTask(await accessScope(em, user), task)) throw new NotFoundError('task');
  return task;
};
