import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { StrategyGraph } from '@recoup/domain';

export const Strategy = defineEntity({
  name: 'Strategy',
  tableName: 'strategy',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.text().unique(),
    description: p.text().default(''),
    /** The StrategyGraph document being edited; only published versions run. */
    draft: p.json<StrategyGraph>(),
    isDefault: p.boolean().default(false),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type IStrategy = InferEntity<typeof Strategy>;
