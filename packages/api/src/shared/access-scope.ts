import { LockMode, raw, RequestContext, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { Account, AppUser, CollectorTask, type IAccount, type ICollectorTask } from '@recoup/db';
import { currentUser, type AuthUser } from '../auth/current-user.ts';
import { NotFoundError } from '../errors.ts';

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

/**
 * The one definition of the accounts a scope reaches, as a condition on an account row: assigned to a member (a
 * team also reaches unassigned accounts, the queue it hands out), or holding a task assigned to one. null: every
 * account. The ORM filter and the raw SQL of reports are both made from it, so they cannot disagree.
 */
export const accountScopeSql = (scope: AccessScope, alias: string): { sql: string; params: string[] } | null => {
  if (scope.kind === 'all') return null;
  const holders = scope.kind === 'team' ? [...scope.members] : [scope.userId];
  const list = holders.map(() => '?').join(', ');
  const assigned =
    scope.kind === 'team' ? `(${alias}."assigned_collector_id" is null or ${alias}."assigned_collector_id" in (${list}))` : `${alias}."assigned_collector_id" = ?`;
  const holdsTask = `exists (select 1 from "collector_task" t where t."account_id" = ${alias}."id" and t."assignee_id" in (${list}))`;
  return { sql: `(${assigned} or ${holdsTask})`, params: [...holders, ...holders] };
};

/** The accounts a user in this scope may see, as a filter to AND with a query's own conditions. */
export const accountFilter = (scope: AccessScope): FilterQuery<IAccount> => {
  const sql = accountScopeSql(scope, 'a');
  if (sql === null) return {};
  return { [raw((alias: string) => accountScopeSql(scope, alias)?.sql ?? 'true', sql.params)]: [] } as FilterQuery<IAccount>;
};

/** The name of the ORM filter that keeps every account query of a request inside its user's scope. */
export const ACCOUNT_SCOPE_FILTER = 'accountScope';

/**
 * Registered on the API's entity manager: every query for accounts made while serving a signed-in user's request
 * is kept to that user's scope, without the call site asking for it. Outside a request (no scope set) it adds
 * nothing: the workers and the import's own lookups see every account.
 */
export const accountScopeFilter = {
  name: ACCOUNT_SCOPE_FILTER,
  entity: [Account],
  default: true,
  args: false,
  cond: (args: { scope?: AccessScope }) => (args?.scope ? accountFilter(args.scope) : {}),
};

/**
 * The scope the entity manager serves, as SQL for raw queries over accounts: the same condition the ORM filter adds
 * to its own queries. "true" when it serves no signed-in user (a worker, a public link) or an admin.
 */
export const scopedAccountsSql = (em: EntityManager, alias: string): { sql: string; params: string[] } => {
  const scope = em.getFilterParams<{ scope?: AccessScope }>(ACCOUNT_SCOPE_FILTER)?.scope;
  return (scope ? accountScopeSql(scope, alias) : null) ?? { sql: 'true', params: [] };
};

/**
 * Serves the rest of the request with an entity manager scoped to its user: `orm.em.fork()` anywhere below then
 * carries the user's account scope. Mounted after sign-in is checked.
 */
export const scopeToUser =
  (orm: MikroORM): RequestHandler =>
  async (req, _res, next) => {
    const em = orm.em.fork();
    em.setFilterParams(ACCOUNT_SCOPE_FILTER, { scope: await accessScope(em, currentUser(req)) });
    RequestContext.create(em, next);
  };

export const mayAccessAccountIn = async (em: EntityManager, scope: AccessScope, account: IAccount): Promise<boolean> =>
  scope.kind === 'all' || (await em.count(Account, { $and: [{ id: account.id }, accountFilter(scope)] })) > 0;

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
