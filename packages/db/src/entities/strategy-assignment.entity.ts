import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One arm as stored: the same shape as the domain's ArmSplit, so the column is read back without mapping. */
export interface StoredArmSplit {
  strategyVersionId: string;
  percent: number;
  label?: string;
}

// Which strategy versions a segment's new collection runs use, and in what shares. One row per segment; a
// segment without a row runs the default strategy's latest published version.
export const StrategyAssignment = defineEntity({
  name: 'StrategyAssignment',
  tableName: 'strategy_assignment',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    segment: p.text().unique(),
    splits: p.json<StoredArmSplit[]>(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type IStrategyAssignment = InferEntity<typeof StrategyAssignment>;
