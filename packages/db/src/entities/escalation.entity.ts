import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';

export const Escalation = defineEntity({
  name: 'Escalation',
  tableName: 'escalation',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    key: p.text().unique(),
    level: p.integer(),
    action: p.text(),
    workflowId: p.text(),
    nodeId: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IEscalation = InferEntity<typeof Escalation>;
