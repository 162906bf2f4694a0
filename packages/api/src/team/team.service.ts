import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Account, AppUser, CollectorTask, type IAppUser } from '@recoup/db';
import type {
  CollectorSettingsRequest,
  CollectorWorkload,
  ReassignAccountsRequest,
  ReassignResult,
  ReassignTasksRequest,
  TeamWorkload,
} from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors.ts';
import { accessScope, mayAccessAccountIn, mayAccessTask } from '../shared/access-scope.ts';
import { teamWorkload } from './team-workload.ts';

/** The collectors a manager leads; an admin's "team" is every collector. */
const teamManagerId = (user: AuthUser): string | null => (user.role === 'admin' ? null : user.id);

const isOnTeam = (user: AuthUser, collector: IAppUser): boolean =>
  collector.role === 'collector' && (user.role === 'admin' || collector.managerId === user.id);

export class TeamService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async workload(user: AuthUser, now = new Date()): Promise<TeamWorkload> {
    return teamWorkload(this.#orm.em.fork(), teamManagerId(user), now);
  }

  /** Moves open tasks to a collector of the team. Tasks already with that collector are left as they are. */
  async reassignTasks(input: ReassignTasksRequest, user: AuthUser): Promise<ReassignResult> {
    return this.#orm.em.fork().transactional(async (em) => {
      const collector = await targetCollector(em, user, input.collectorId);
      const scope = await accessScope(em, user);
      const tasks = await em.find(CollectorTask, { id: { $in: input.taskIds } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
      const missing = input.taskIds.filter((id) => !tasks.some((task) => task.id === id && mayAccessTask(scope, task)));
      if (missing.length > 0) throw new NotFoundError('task', `No such task: ${missing.join(', ')}.`);
      const closed = tasks.filter((task) => task.status !== 'open');
      if (closed.length > 0) {
        throw new ConflictError('task-not-open', 'Only open tasks can be reassigned; done and cancelled ones keep who worked them.', {
          taskIds: closed.map((task) => task.id),
        });
      }
      const moving = tasks.filter((task) => task.assignee?.id !== collector.id);
      const from = new Map(moving.map((task) => [task.id, task.assignee?.id ?? null]));
      for (const task of moving) task.assignee = em.getReference(AppUser, collector.id);
      await em.flush();
      for (const task of moving) {
        await audit(em, {
          actorId: user.id,
          action: 'task.reassigned',
          entity: 'collector_task',
          entityId: task.id,
          details: { accountId: task.account.id, from: from.get(task.id) ?? null, to: collector.id },
        });
      }
      return {
        collectorId: collector.id,
        reassigned: moving.map((task) => task.id),
        unchanged: tasks.filter((task) => !moving.includes(task)).map((task) => task.id),
        movedTasks: 0,
      };
    });
  }

  /**
   * Gives accounts to a collector of the team. The accounts' open tasks go with them, so the collector who owns an
   * account also works its calls and reviews; done tasks keep who worked them. A task the caller could not move on
   * its own (another team's) stays where it is: a manager does not take work away from another team.
   */
  async reassignAccounts(input: ReassignAccountsRequest, user: AuthUser): Promise<ReassignResult> {
    return this.#orm.em.fork().transactional(async (em) => {
      const collector = await targetCollector(em, user, input.collectorId);
      const scope = await accessScope(em, user);
      // Accounts before tasks, ordered by id: the order every other writer takes them in.
      const accounts = await em.find(Account, { id: { $in: input.accountIds } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
      const missing: string[] = [];
      for (const id of input.accountIds) {
        const account = accounts.find((a) => a.id === id);
        if (!account || !(await mayAccessAccountIn(em, scope, account))) missing.push(id);
      }
      if (missing.length > 0) throw new NotFoundError('account', `No such account: ${missing.join(', ')}.`);
      const tasks = await em.find(
        CollectorTask,
        { account: { $in: input.accountIds }, status: 'open' },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
      );
      const movingTasks = tasks.filter((task) => task.assignee?.id !== collector.id && mayAccessTask(scope, task));
      const moving = accounts.filter(
        (account) => account.assignedCollector?.id !== collector.id || movingTasks.some((task) => task.account.id === account.id),
      );
      const from = new Map(moving.map((account) => [account.id, account.assignedCollector?.id ?? null]));
      for (const account of moving) account.assignedCollector = em.getReference(AppUser, collector.id);
      for (const task of movingTasks) task.assignee = em.getReference(AppUser, collector.id);
      await em.flush();
      for (const account of moving) {
        await audit(em, {
          actorId: user.id,
          action: 'account.reassigned',
          entity: 'account',
          entityId: account.id,
          details: {
            from: from.get(account.id) ?? null,
            to: collector.id,
            movedTaskIds: movingTasks.filter((task) => task.account.id === account.id).map((task) => task.id),
          },
        });
      }
      return {
        collectorId: collector.id,
        reassigned: moving.map((account) => account.id),
        unchanged: accounts.filter((account) => !moving.includes(account)).map((account) => account.id),
        movedTasks: movingTasks.length,
      };
    });
  }

  /** Capacity, skills and pools of a collector on the team; what the assignment activities read. */
  async updateCollector(collectorId: string, input: CollectorSettingsRequest, user: AuthUser, now = new Date()): Promise<CollectorWorkload> {
    await this.#orm.em.fork().transactional(async (em) => {
      const collector = await em.findOne(AppUser, { id: collectorId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!collector || !isOnTeam(user, collector)) throw new NotFoundError('collector');
      const before = { capacity: collector.capacity, skills: [...collector.skills], pools: [...collector.pools] };
      if (input.capacity !== undefined) collector.capacity = input.capacity;
      if (input.skills !== undefined) collector.skills = [...input.skills].sort();
      if (input.pools !== undefined) collector.pools = [...input.pools].sort();
      const after = { capacity: collector.capacity, skills: [...collector.skills], pools: [...collector.pools] };
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      await em.flush();
      await audit(em, { actorId: user.id, action: 'collector.settings-changed', entity: 'app_user', entityId: collector.id, details: { before, after } });
    });
    const workload = await teamWorkload(this.#orm.em.fork(), teamManagerId(user), now);
    const row = workload.collectors.find((c) => c.id === collectorId);
    if (!row) throw new NotFoundError('collector');
    return row;
  }
}

/** The collector work is handed to: active, a collector, and on the caller's team (any collector for an admin). */
async function targetCollector(em: EntityManager, user: AuthUser, collectorId: string): Promise<IAppUser> {
  const collector = await em.findOne(AppUser, { id: collectorId });
  const refuse = (reason: string): never => {
    throw new BusinessRuleError('collector-outside-team', `collectorId: ${reason}`, {
      fields: [{ in: 'body', path: 'collectorId', reason }],
    });
  };
  if (!collector || collector.role !== 'collector') return refuse('is not a collector');
  if (!isOnTeam(user, collector)) return refuse(`${collector.name} is not on your team; ask their manager or an admin`);
  if (!collector.active) return refuse(`${collector.name} is deactivated and cannot take work`);
  return collector;
}
