import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';

export const DISPUTE_STATUSES = ['open', 'resolved-valid', 'resolved-invalid'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const Dispute = defineEntity({
  name: 'Dispute',
  tableName: 'dispute',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    reason: p.text(),
    status: p.enum(DISPUTE_STATUSES).default('open'),
    openedBy: p.uuid().nullable(),
    openedAt: p.datetime().onCreate(() => new Date()),
    resolvedBy: p.uuid().nullable(),
    resolvedAt: p.datetime().nullable(),
    resolutionNote: p.text().nullable(),
  },
});

export type IDispute = InferEntity<typeof Dispute>;
