import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { COLLECTOR_TASK_STATUSES, COLLECTOR_TASK_TYPES, TASK_PRIORITIES } from '@recoup/domain';
import { Account } from './account.entity.ts';
import { AppUser } from './app-user.entity.ts';


export const CollectorTask = defineEntity({
  name: 'CollectorTask',
  tableName: 'collector_task',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    /** Idempotency key chosen by the workflow, so a retried activity never creates a second task. */
    key: p.text().unique(),
    workflowId: p.text(),
    nodeId: p.text(),
    taskType: p.enum(COLLECTOR_TASK_TYPES),
    title: p.text(),
    status: p.enum(COLLECTOR_TASK_STATUSES).default('open'),
    assignee: () => p.manyToOne(AppUser).nullable(),
    outcomes: p.array(),
    outcome: p.text().nullable(),
    note: p.text().nullable(),
    dueAt: p.datetime(),
    /** What the strategy's task node said about urgency; the inbox weighs it beside the account's figures. */
    priority: p.enum(TASK_PRIORITIES).default('normal'),
    createdAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
    completedBy: p.uuid().nullable(),
  },
});

export type ICollectorTask = InferEntity<typeof CollectorTask>;
