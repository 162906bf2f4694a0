import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Account, AccountNote, AppUser, CollectorTask, judgeCall, type IAccount, type ICollectorTask } from '@recoup/db';
import { CALL_BACK, PLAN_OUTCOME, type CallCheckView, type CompleteTaskRequest, type Page, type TaskListQuery, type TaskView } from '@recoup/contracts';
import {
  type CollectionClient,
  type PlanMessage,
  type PromiseMessage,
} from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import { isManagerOrAdmin, type AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../errors.ts';
import { callRefusalError, logCallAttempt, manualRefusalKey, ownInvoiceIds, placedAtOf, recordRefusedCall } from '../compliance/call-log.ts';
import type { DisputesService } from '../disputes/disputes.service.ts';
import { storeAgreedPlan } from '../promises/plan-recorder.ts';
import { cancelPromise, storePromise, userActor, workflowRefusal } from '../promises/promise-recorder.ts';
import { toPromiseMessage } from '../promises/promise-view.ts';
import { accessScope, accessibleTask, mayAccessTask, taskFilter } from '../shared/access-scope.ts';
import { toTaskView } from './task-view.ts';
import { hasErrorCode, isRecoupError } from '@recoup/domain';


export class TasksService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;
  readonly #disputes: DisputesService;
  readonly #now: () => Date;

  constructor(orm: MikroORM, collections: CollectionClient, disputes: DisputesService, now: () => Date = () => new Date()) {
    this.#orm = orm;
    this.#collections = collections;
    this.#disputes = disputes;
    this.#now = now;
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
   * cancelled again when the outcome is not accepted. A plan and the call itself are written inside the
   * completion, so a refused outcome leaves neither. A dispute is opened before, through the disputes service,
   * and stands even when the task cannot be closed: the debtor disputed, whatever became of the task.
   * 'call-back' is not an outcome: the task stays open and falls due again (see callBack).
   */
  async complete(id: string, input: CompleteTaskRequest, user: AuthUser): Promise<TaskView> {
    if (input.outcome === CALL_BACK) return this.#callBack(id, input, user);
    const task = await accessibleTask(this.#orm.em.fork(), user, id);
    checkCompletable(task, input);
    // Refused calls refuse the whole completion before anything but the refusal is written.
    if (input.call) await this.#refuseForbiddenCall(task, input, user);
    if (input.dispute) await this.#disputes.open(task.account.id, input.dispute, user);
    if (input.promise === undefined) return this.#complete(id, input, user, undefined);
    const promise = await storePromise(this.#orm, task.account.id, input.promise, {
      source: 'task',
      taskId: task.id,
      actor: userActor(user),
      fieldPrefix: 'promise.',
    });
    try {
      return await this.#complete(id, input, user, toPromiseMessage(promise));
    } catch (error) {
      const reason = isRecoupError(error) && error.kind !== 'unexpected' ? error.message : 'the task could not be completed';
      await cancelPromise(this.#orm, promise.id, userActor(user), reason);
      throw error;
    }
  }

  /**
   * Whether calling the task's debtor now would keep to every rule on calls; asked before dialling. A refusal is a
   * contact attempt stopped by the rules and is recorded like any other, once per task and refusal, however often
   * the collector's screen asks again.
   */
  async callCheck(id: string, user: AuthUser): Promise<CallCheckView> {
    const em = this.#orm.em.fork();
    const task = await accessibleTask(em, user, id);
    await em.populate(task, ['account']);
    const now = this.#now();
    const judgement = await judgeCall(em, task.account, { at: now });
    if (judgement.allowed) return { allowed: true, checkedAt: now.toISOString() };
    const next = judgement.nextAllowedAt?.toISOString() ?? null;
    await em.transactional(async (tx) => {
      await recordRefusedCall(tx, task.account, judgement, {
        key: `call-check/${task.id}/${judgement.rules.join('+')}/${next ?? now.toISOString().slice(0, 10)}`,
        what: task.title,
        placedAt: now,
        user,
        taskId: task.id,
        now,
      });
    });
    const refusal = callRefusalError(judgement);
    return { allowed: false, checkedAt: now.toISOString(), rules: judgement.rules, reason: refusal.message, nextAllowedAt: next };
  }

  /**
   * Takes an unassigned open task of the user's pools. The assignment is one conditional UPDATE, so of two
   * collectors claiming at once exactly one wins; the other gets 409.
   */
  async claim(id: string, user: AuthUser): Promise<TaskView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const task = await em.findOne(CollectorTask, { id }, { populate: ['account'] });
      if (!task || !(await mayClaim(em, user, task))) throw new NotFoundError('task');
      const claimed = await em.nativeUpdate(CollectorTask, { id, status: 'open', assignee: null }, { assignee: user.id });
      if (claimed === 0) {
        const now = await em.findOneOrFail(CollectorTask, { id }, { refresh: true });
        if (now.status !== 'open') throw new ConflictError('task-not-open', `The task is already ${now.status}.`, { status: now.status });
        throw new ConflictError('task-taken', 'Someone else claimed the task first.', { assigneeId: now.assignee?.id ?? null });
      }
      await audit(em, { actorId: user.id, action: 'task.claimed', entity: 'collector_task', entityId: id, details: { accountId: task.account.id } });
      const fresh = await em.findOneOrFail(CollectorTask, { id }, { refresh: true, populate: ['account'] });
      return toTaskView(fresh, fresh.account.name);
    });
  }

  /** Hands one's own open task back to the unassigned queue of its pool. */
  async release(id: string, user: AuthUser): Promise<TaskView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const task = await accessibleTask(em, user, id);
      // Read while the task is theirs: once released, a collector's scope may no longer reach its account.
      const { name: accountName } = await em.findOneOrFail(Account, { id: task.account.id });
      const released = await em.nativeUpdate(CollectorTask, { id, status: 'open', assignee: user.id }, { assignee: null });
      if (released === 0) {
        const now = await em.findOneOrFail(CollectorTask, { id }, { refresh: true });
        if (now.status !== 'open') throw new ConflictError('task-not-open', `The task is already ${now.status}.`, { status: now.status });
        throw new ConflictError('task-not-yours', 'Only the collector the task is assigned to can release it.');
      }
      await audit(em, { actorId: user.id, action: 'task.released', entity: 'collector_task', entityId: id, details: { accountId: task.account.id } });
      return toTaskView(await em.findOneOrFail(CollectorTask, { id }, { refresh: true }), accountName);
    });
  }

  async #refuseForbiddenCall(task: ICollectorTask, input: CompleteTaskRequest, user: AuthUser): Promise<void> {
    const em = this.#orm.em.fork();
    const now = this.#now();
    const placedAt = placedAtOf(input.call?.placedAt, now, 'call.placedAt');
    const invoiceIds = await ownInvoiceIds(em, task.account.id, input.call?.invoiceIds, 'call.invoiceIds');
    const account = await em.findOneOrFail(Account, { id: task.account.id });
    const judgement = await judgeCall(em, account, {
      at: placedAt,
      conversation: input.call?.result === 'conversation',
      ...(invoiceIds ? { invoiceIds } : {}),
    });
    if (judgement.allowed) return;
    await em.transactional(async (tx) => {
      await recordRefusedCall(tx, account, judgement, { key: manualRefusalKey(), what: task.title, placedAt, user, taskId: task.id, now });
    });
    throw callRefusalError(judgement);
  }

  /** Logs the task's call inside the caller's transaction; a refusal is recorded there and returned, not thrown. */
  async #logTaskCall(em: EntityManager, account: IAccount, task: ICollectorTask, input: CompleteTaskRequest, user: AuthUser, now: Date) {
    if (!input.call) return null;
    const invoiceIds = await ownInvoiceIds(em, account.id, input.call.invoiceIds, 'call.invoiceIds');
    return logCallAttempt(
      em,
      account,
      {
        outcome: input.call.result,
        placedAt: placedAtOf(input.call.placedAt, now, 'call.placedAt'),
        taskId: task.id,
        what: task.title,
        ...(invoiceIds ? { invoiceIds } : {}),
      },
      user,
      now,
    );
  }

  /**
   * The debtor asked to be called at another time. The task stays open and falls due again then, and the
   * workflow goes on waiting at the task node: the strategy's next step is still the answer to this call.
   * The request is kept as an account note, and the call that led to it is logged.
   */
  async #callBack(id: string, input: CompleteTaskRequest, user: AuthUser): Promise<TaskView> {
    const now = this.#now();
    const callBackAt = new Date(input.callBackAt ?? '');
    if (!(callBackAt.getTime() > now.getTime())) {
      throw new BusinessRuleError('call-back-invalid', 'callBackAt must be in the future.', {
        fields: [{ in: 'body', path: 'callBackAt', reason: 'must be in the future' }],
      });
    }
    if (callBackAt.getTime() > now.getTime() + MAX_CALL_BACK_MS) {
      throw new BusinessRuleError('call-back-invalid', 'callBackAt must be within 30 days.', {
        fields: [{ in: 'body', path: 'callBackAt', reason: 'must be within 30 days' }],
      });
    }
    const result = await this.#orm.em.fork().transactional(async (em) => {
      const task = await accessibleTask(em, user, id, { lock: true });
      checkCompletable(task, input);
      const account = await em.findOneOrFail(Account, { id: task.account.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const call = await this.#logTaskCall(em, account, task, input, user, now);
      if (call && 'refused' in call) return call;
      const previousDueAt = task.dueAt.toISOString();
      task.dueAt = callBackAt;
      const note = em.create(AccountNote, {
        account,
        body: `Call back requested for ${callBackAt.toISOString()}.${input.note ? ` ${input.note}` : ''}`,
        author: em.getReference(AppUser, user.id),
        task,
      });
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'task.call-back',
        entity: 'collector_task',
        entityId: task.id,
        details: { accountId: account.id, previousDueAt, callBackAt: callBackAt.toISOString(), noteId: note.id },
      });
      await em.populate(task, ['account']);
      return { view: toTaskView(task, task.account.name) };
    });
    if ('refused' in result) throw callRefusalError(result.refused);
    return result.view;
  }

  async #complete(id: string, input: CompleteTaskRequest, user: AuthUser, promise: PromiseMessage | undefined): Promise<TaskView> {
    const result = await this.#orm.em.fork().transactional(async (em) => {
      const task = await accessibleTask(em, user, id, { lock: true });
      checkCompletable(task, input);
      const now = this.#now();
      let plan: PlanMessage | undefined;
      if (input.call || input.plan) {
        // Task, then account: the order every path that takes both locks uses.
        const account = await em.findOneOrFail(Account, { id: task.account.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const call = await this.#logTaskCall(em, account, task, input, user, now);
        // Another call logged since the check above may have filled the window: the refusal is kept, nothing else.
        if (call && 'refused' in call) return call;
        if (input.plan) plan = await storeAgreedPlan(em, account, task, input.plan, user, now);
      }
      task.status = 'done';
      task.outcome = input.outcome;
      task.note = input.note ?? null;
      task.completedAt = now;
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
          ...(plan ? { planId: plan.planId } : {}),
          ...(input.call ? { call: input.call.result } : {}),
        },
      });
      // The audit row is written before the workflow hears the outcome, so a failure of either commits nothing.
      // Escalation reviews are records for managers: the workflow went on when it raised them. A portal request's
      // outcome is not awaited either; a promise or plan agreed on it reaches the workflow as an arrangement.
      if (task.taskType === 'portal-request') await this.#sendArrangement(task, promise, plan);
      else if (task.taskType !== 'escalation') await this.#sendOutcome(task, input.outcome, promise, plan);
      await em.populate(task, ['account']);
      return { view: toTaskView(task, task.account.name) };
    });
    if ('refused' in result) throw callRefusalError(result.refused);
    return result.view;
  }

  async #sendArrangement(task: ICollectorTask, promise: PromiseMessage | undefined, plan: PlanMessage | undefined): Promise<void> {
    if (!promise && !plan) return;
    try {
      await this.#collections.recordArrangement(task.account.id, { origin: 'review', ...(promise ? { promise } : {}), ...(plan ? { plan } : {}) });
    } catch (error) {
      throw workflowRefusal(error);
    }
  }

  async #sendOutcome(task: ICollectorTask, outcome: string, promise: PromiseMessage | undefined, plan: PlanMessage | undefined): Promise<void> {
    try {
      await this.#collections.completeTask(task.account.id, {
        taskKey: task.key,
        outcome,
        ...(promise ? { promise } : {}),
        ...(plan ? { plan } : {}),
      });
    } catch (error) {
      if (hasErrorCode(error, 'workflow-refused-outcome')) {
        throw new ConflictError('workflow-refused-outcome', `The collection workflow refused the outcome: ${error.message}`);
      }
      if (hasErrorCode(error, 'workflow-missing')) {
        throw new ConflictError('workflow-missing', 'The account has no running collection workflow for this task.');
      }
      throw new UnavailableError('workflow-unavailable', 'The workflow service did not answer; the task stays open. Try again shortly.');
    }
  }
}

/**
 * Who may try to claim a task: managers and admins what their scope shows them; a collector the calls and reviews of
 * their pools. Whether it is still free is the conditional update's business, so a collector who lost a race hears
 * 409 rather than 404.
 */
async function mayClaim(em: EntityManager, user: AuthUser, task: ICollectorTask): Promise<boolean> {
  if (task.assignee?.id === user.id) return true;
  if (isManagerOrAdmin(user)) return mayAccessTask(await accessScope(em, user), task);
  // Someone else's task is missing to a collector, as everywhere else.
  if (task.assignee) return false;
  if (task.taskType === 'escalation') return false;
  const pool = task.account.pool;
  if (!pool) return true;
  const me = await em.findOne(AppUser, { id: user.id }, { fields: ['pools'] });
  return me?.pools.includes(pool) ?? false;
}

/** A call back further out than this is a new task for the strategy, not a rescheduled call. */
const MAX_CALL_BACK_MS = 30 * 86_400_000;

/** Throws unless the task takes this outcome now; whether the user may work on it is accessibleTask's question. */
function checkCompletable(task: ICollectorTask, input: CompleteTaskRequest): void {
  if (task.status !== 'open') {
    throw new ConflictError('task-not-open', `The task is already ${task.status}.`, { status: task.status });
  }
  if (input.outcome === CALL_BACK || input.call) {
    if (task.taskType !== 'call') {
      throw new BusinessRuleError('not-a-call', `A ${task.taskType} task has no call to log or call back.`, {
        fields: [{ in: 'body', path: input.outcome === CALL_BACK ? 'outcome' : 'call', reason: `the task is a ${task.taskType}, not a call` }],
      });
    }
    if (input.outcome === CALL_BACK) return;
  }
  if (!task.outcomes.includes(input.outcome)) {
    throw new BusinessRuleError('unknown-outcome', `"${input.outcome}" is not an outcome of this task.`, {
      allowed: [...task.outcomes, ...(task.taskType === 'call' ? [CALL_BACK] : [])],
    });
  }
  // A plan the debtor asked for is agreed with its schedule, or declined without one.
  if (task.taskType === 'portal-request' && input.outcome === PLAN_OUTCOME && !input.plan) {
    throw new BusinessRuleError('plan-required', 'plan is required to agree the plan the debtor asked for.', {
      fields: [{ in: 'body', path: 'plan', reason: 'is required with the outcome "payment-plan"' }],
    });
  }
  if (task.taskType === 'portal-request' && input.outcome === 'declined' && (input.plan || input.promise)) {
    throw new BusinessRuleError('plan-not-expected', 'A declined request agrees no plan or promise.', {
      fields: [{ in: 'body', path: input.plan ? 'plan' : 'promise', reason: 'must be absent with the outcome "declined"' }],
    });
  }
}
