import type { FilterQuery } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CollectorTask, type ICollectorTask } from '@recoup/db';
import type { CompleteTaskRequest, Page, TaskListQuery, TaskView } from '@recoup/contracts';
import { TaskOutcomeRefusedError, WorkflowMissingError, type CollectionClient, type PromiseMessage } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import { isManagerOrAdmin, type AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, ForbiddenError, HttpError, ServiceUnavailableError } from '../http/errors.ts';
import { cancelPromise, storePromise } from '../promises/promise-recorder.ts';
import { toPromiseMessage } from '../promises/promise-view.ts';
import { accessScope, accessibleTask, taskFilter } from '../shared/access-scope.ts';
import { toTaskView } from './task-view.ts';

const isNamed = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;

export class TasksService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;

  constructor(orm: MikroORM, collections: CollectionClient) {
    this.#orm = orm;
    this.#collections = collections;
  }

  async list(user: AuthUser, query: TaskListQuery): Promise<Page<TaskView>> {
    const em = this.#orm.em.fork();
    const where: FilterQuery<ICollectorTask> = {};
    if (query.status) where.status = query.status;
    if (!isManagerOrAdmin(user) && query.assignee && query.assignee !== 'me' && query.assignee !== user.id) {
      throw new ForbiddenError('forbidden-assignee', 'Collectors see only their own tasks.');
    }
    if (query.assignee === 'me') where.assignee = user.id;
    else if (query.assignee === 'none') where.assignee = null;
    else if (query.assignee) where.assignee = query.assignee;
    // A manager asking for another team's collector gets an empty page: the scope narrows every filter.
    const [tasks, total] = await em.findAndCount(CollectorTask, { $and: [where, taskFilter(await accessScope(em, user))] }, {
      populate: ['account'],
      orderBy: { dueAt: 'asc', createdAt: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: tasks.map((t) => toTaskView(t, t.account.name)), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string, user: AuthUser): Promise<TaskView> {
    const em = this.#orm.em.fork();
    const task = await accessibleTask(em, user, id);
    await em.populate(task, ['account']);
    return toTaskView(task, task.account.name);
  }

  /**
   * Marks the task done and hands the outcome to the workflow in the same transaction: the row is committed only
   * when the workflow accepted the outcome, so the database and the workflow never disagree about the task.
   * A promise made on the call is stored first (the workflow may judge it at once, so it must be committed) and
   * cancelled again when the outcome is not accepted.
   */
  async complete(id: string, input: CompleteTaskRequest, user: AuthUser): Promise<TaskView> {
    if (input.promise === undefined) return this.#complete(id, input, user, undefined);
    const task = await accessibleTask(this.#orm.em.fork(), user, id);
    checkCompletable(task, input);
    const promise = await storePromise(this.#orm, task.account.id, input.promise, {
      source: 'task',
      taskId: task.id,
      user,
      fieldPrefix: 'promise.',
    });
    try {
      return await this.#complete(id, input, user, toPromiseMessage(promise));
    } catch (error) {
      const reason = error instanceof HttpError ? error.message : 'the task could not be completed';
      await cancelPromise(this.#orm, promise.id, user, reason);
      throw error;
    }
  }

  async #complete(id: string, input: CompleteTaskRequest, user: AuthUser, promise: PromiseMessage | undefined): Promise<TaskView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const task = await accessibleTask(em, user, id, { lock: true });
      checkCompletable(task, input);
      task.status = 'done';
      task.outcome = input.outcome;
      task.note = input.note ?? null;
      task.completedAt = new Date();
      task.completedBy = user.id;
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'task.completed',
        entity: 'collector_task',
        entityId: task.id,
        details: {
          accountId: task.account.id,
          key: task.key,
          outcome: input.outcome,
          ...(promise ? { promiseId: promise.promiseId } : {}),
        },
      });
      // The audit row is written before the workflow hears the outcome, so a failure of either commits nothing.
      // Escalation reviews are records for managers: the workflow went on when it raised them.
      if (task.taskType !== 'escalation') await this.#sendOutcome(task, input.outcome, promise);
      await em.populate(task, ['account']);
      return toTaskView(task, task.account.name);
    });
  }

  async #sendOutcome(task: ICollectorTask, outcome: string, promise: PromiseMessage | undefined): Promise<void> {
    try {
      await this.#collections.completeTask(task.account.id, { taskKey: task.key, outcome, ...(promise ? { promise } : {}) });
    } catch (error) {
      if (error instanceof TaskOutcomeRefusedError || isNamed(error, 'TaskOutcomeRefusedError')) {
        throw new ConflictError('workflow-refused-outcome', `The collection workflow refused the outcome: ${(error as Error).message}`);
      }
      if (error instanceof WorkflowMissingError || isNamed(error, 'WorkflowMissingError')) {
        throw new ConflictError('workflow-missing', 'The account has no running collection workflow for this task.');
      }
      throw new ServiceUnavailableError('workflow-unavailable', 'The workflow service did not answer; the task stays open. Try again shortly.');
    }
  }
}

/** Throws unless the task takes this outcome now; whether the user may work on it is accessibleTask's question. */
function checkCompletable(task: ICollectorTask, input: CompleteTaskRequest): void {
  if (task.status !== 'open') {
    throw new ConflictError('task-not-open', `The task is already ${task.status}.`, { status: task.status });
  }
  if (!task.outcomes.includes(input.outcome)) {
    throw new BusinessRuleError('unknown-outcome', `"${input.outcome}" is not an outcome of this task.`, {
      allowed: [...task.outcomes],
    });
  }
}
