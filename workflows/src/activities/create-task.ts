import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Account, AppUser, CollectorTask, judgeCall, recordUnsentContact } from '@recoup/db';
import type { CreateTaskInput, CreateTaskResult } from './activity-types.ts';
import { pickAssignee } from './assign-collector.ts';
import type { ActivityDeps } from './deps.ts';

/** Creates a collector task once per key and assigns it; the account's collector is kept when they can take it. */
export async function createTask(deps: ActivityDeps, input: CreateTaskInput): Promise<CreateTaskResult> {
  const em = deps.orm.em.fork();
  const existing = await em.findOne(CollectorTask, { key: input.key });
  if (existing) return { taskId: existing.id, assigneeId: existing.assignee?.id ?? null, created: false };
  const role = input.role ?? 'collector';
  if (input.taskType === 'call') {
    const refused = await callRefusal(deps, input.accountId);
    if (refused) {
      await logCallDeferral(deps.orm.em.fork(), input, refused, deps.now?.() ?? new Date());
      return refused;
    }
  }
  try {
    return await em.transactional(async (tx) => {
      const account = await tx.findOneOrFail(Account, { id: input.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Managers' tasks (write-off approvals) go to the least-loaded manager, never to the account's collector.
      const own = role === 'collector' ? (account.assignedCollector?.id ?? null) : null;
      const assigneeId = own ?? (await pickAssignee(tx, role, input.assignment));
      const task = tx.create(CollectorTask, {
        account: input.accountId,
        key: input.key,
        workflowId: input.workflowId,
        nodeId: input.nodeId,
        taskType: input.taskType,
        title: input.title,
        status: 'open',
        assignee: assigneeId ? tx.getReference(AppUser, assigneeId) : null,
        outcomes: input.outcomes,
        outcome: null,
        note: null,
        dueAt: new Date(input.dueAt),
        priority: input.priority ?? 'normal',
        completedAt: null,
        completedBy: null,
      });
      if (role === 'collector' && !account.assignedCollector && assigneeId) account.assignedCollector = tx.getReference(AppUser, assigneeId);
      await tx.flush();
      return { taskId: task.id, assigneeId, created: true };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const row = await em.fork().findOneOrFail(CollectorTask, { key: input.key });
      return { taskId: row.id, assigneeId: row.assignee?.id ?? null, created: false };
    }
    throw error;
  }
}

const CEASE_RECHECK_MS = 7 * 86_400_000;
/** Zones that share no allowed hour: look again tomorrow, when someone may have recorded the contact's zone. */
const NO_COMMON_HOUR_RECHECK_MS = 86_400_000;

/** A deferred call task is recorded like a deferred reminder, so the account's communication log shows it. */
async function logCallDeferral(
  em: EntityManager,
  input: CreateTaskInput,
  deferral: { deferredUntil: string; reason: string },
  now: Date,
): Promise<void> {
  await recordUnsentContact(em, {
    accountId: input.accountId,
    key: `${input.key}/deferred/${deferral.deferredUntil}`,
    channel: 'call',
    status: 'deferred',
    templateKey: input.title,
    toAddress: '',
    subject: `Deferred until ${deferral.deferredUntil}`,
    reason: deferral.reason,
    workflowId: input.workflowId,
    nodeId: input.nodeId,
    at: now,
  });
}

/**
 * A call task is created only when a call may be placed now, under the same rules as a call a collector logs
 * (see judgeCall): no request to cease communication, inside the contact hours in every zone the debtor may be
 * in, and within the call-frequency limits of the account's customer type. Otherwise the task waits for the next
 * allowed moment.
 */
async function callRefusal(deps: ActivityDeps, accountId: string): Promise<Extract<CreateTaskResult, { status: 'deferred' }> | null> {
  const em = deps.orm.em.fork();
  const now = deps.now?.() ?? new Date();
  const account = await em.findOneOrFail(Account, { id: accountId });
  const judgement = await judgeCall(em, account, { at: now });
  if (judgement.allowed) return null;
  if (judgement.rules.includes('cease-communication')) {
    // The debtor asked for no contact: look again in a week, in case the request is withdrawn.
    return { status: 'deferred', deferredUntil: new Date(now.getTime() + CEASE_RECHECK_MS).toISOString(), reason: 'cease-communication requested' };
  }
  const until = judgement.nextAllowedAt ?? new Date(now.getTime() + NO_COMMON_HOUR_RECHECK_MS);
  return { status: 'deferred', deferredUntil: until.toISOString(), reason: judgement.reason };
}
