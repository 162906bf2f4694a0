import type { EntityManager } from '@mikro-orm/postgresql';
import { StrategyAssignment, type StoredArmSplit } from '@recoup/db';
import { pickArm, type ArmSplit } from '@recoup/domain';
import { findDefaultStrategyVersionId } from './default-strategy-version.ts';

/** What a collection workflow needs to know to start: the account and its segment. */
export interface AccountToStart {
  id: string;
  segment: string;
}

/** The version an account's new collection run uses, and where that choice came from. */
export interface ArmChoice {
  strategyVersionId: string;
  /** The arm's label; null for the fallback and for arms without one. */
  armLabel: string | null;
  /** true: from the segment's assignment; false: the default strategy's latest version. */
  assigned: boolean;
  segment: string;
}

export interface ArmResolver {
  /** null when the segment has no assignment and no default strategy has been published. */
  versionFor(account: AccountToStart): ArmChoice | null;
}

const toSplits = (stored: readonly StoredArmSplit[]): ArmSplit[] =>
  stored.map((s) => ({ strategyVersionId: s.strategyVersionId, percent: s.percent, label: s.label }));

/**
 * Reads every assignment and the fallback version once, so that starting thousands of workflows costs two queries
 * rather than one per account. The choice itself is pure: the same account and assignments give the same arm.
 */
export const loadArmResolver = async (em: EntityManager): Promise<ArmResolver> => {
  const assignments = await em.find(StrategyAssignment, {});
  const bySegment = new Map(assignments.map((a) => [a.segment, toSplits(a.splits)] as const));
  const fallback = await findDefaultStrategyVersionId(em);
  return {
    versionFor(account) {
      const splits = bySegment.get(account.segment);
      if (splits) {
        const { arm } = pickArm(account.id, splits);
        return { strategyVersionId: arm.strategyVersionId, armLabel: arm.label ?? null, assigned: true, segment: account.segment };
      }
      if (fallback === null) return null;
      return { strategyVersionId: fallback, armLabel: null, assigned: false, segment: account.segment };
    },
  };
};
