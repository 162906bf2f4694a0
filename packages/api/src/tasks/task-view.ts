import type { ICollectorTask } from '@recoup/db';
import type { TaskView } from '@recoup/contracts';

export const toTaskView = (task: ICollectorTask, accountName: string | null): TaskView => ({
  id: task.id,
  accountId: task.account.id,
  accountName,
  key: task.key,
  workflowId: task.workflowId,
  nodeId: task.nodeId,
  taskType: task.taskType,
  title: task.title,
  status: task.status,
  assigneeId: task.assignee?.id ?? null,
  outcomes: [...task.outcomes],
  outcome: task.outcome ?? null,
  note: task.note ?? null,
  dueAt: task.dueAt.toISOString(),
  priority: task.priority,
  createdAt: task.createdAt.toISOString(),
  completedAt: task.completedAt?.toISOString() ?? null,
  completedBy: task.completedBy ?? null,
});
