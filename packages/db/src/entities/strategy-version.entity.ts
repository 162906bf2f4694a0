import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { StrategyGraph } from '@recoup/domain';
import { Strategy } from './strategy.entity.ts';

// Immutable once inserted: a database trigger refuses UPDATE and DELETE, because running workflows pin a version.
export const StrategyVersion = defineEntity({
  name: 'StrategyVersion',
  tableName: 'strategy_version',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    strategy: () => p.manyToOne(Strategy),
    version: p.integer(),
    graph: p.json<StrategyGraph>(),
    /** sha256 of the canonical JSON of `graph` (see checksumGraph). */
    checksum: p.text(),
    publishedAt: p.datetime().onCreate(() => new Date()),
    publishedBy: p.uuid().nullable(),
  },
  uniques: [{ properties: ['strategy', 'version'] }],
});

export type IStrategyVersion = InferEntity<typeof StrategyVersion>;
