import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Account, AppUser, CollectorTask } from '@recoup/db';
import type { CreateTaskInput, CreateTaskResult } from './activity-types.ts';
import { pickAssignee } from './assign-collector.ts';
import type { ActivityDeps } from './deps.ts';

/** Creates a collector task once per key and assigns it; the account's collector is kept when they can take it. */
export async function createTask(deps: ActivityDeps, input: CreateTaskInput): Promise<CreateTaskResult> {
  const em = deps.orm.em.fork();
  const existing = await em.findOne(CollectorTask, { key: input.key });
  if (existing) return { taskId: existing.id, assigneeId: existing.assignee?.id ?? null, created: false };
  try {
    return await em.transactional(async (tx) => {
      const account = await tx.findOneOrFail(Account, { id: input.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const assigneeId = account.assignedCollector?.id ?? (await pickAssignee(tx, 'collector', input.assignment));
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
        completedAt: null,
        completedBy: null,
      });
      if (!account.assignedCollector && assigneeId) account.assignedCollector = tx.getReference(AppUser, assigneeId);
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
