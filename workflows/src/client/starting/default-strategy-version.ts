import type { EntityManager } from '@mikro-orm/postgresql';
import { Strategy, StrategyVersion } from '@recoup/db';

/** The version new workflows run: the latest published version of the default strategy, or null. */
export const findDefaultStrategyVersionId = async (em: EntityManager): Promise<string | null> => {
  const strategy = await em.findOne(Strategy, { isDefault: true }, { orderBy: { updatedAt: 'desc' } });
  if (!strategy) return null;
  const version = await em.findOne(StrategyVersion, { strategy: strategy.id }, { orderBy: { version: 'desc' } });
  return version?.id ?? null;
};
