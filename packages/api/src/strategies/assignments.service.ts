import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Strategy, StrategyAssignment, StrategyVersion, type IStrategyAssignment, type StoredArmSplit } from '@recoup/db';
import type {
  ArmSplitView,
  StrategyAssignmentPut,
  StrategyAssignmentView,
  StrategyAssignmentsResponse,
  StrategyFallbackView,
} from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, NotFoundError } from '../errors.ts';

interface VersionInfo {
  strategyId: string;
  strategyName: string;
  version: number;
}

/** Manages which strategy versions each segment's new collection runs use (see the arm resolver in @recoup/workflows for the choice). */
export class StrategyAssignmentsService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async list(): Promise<StrategyAssignmentsResponse> {
    const em = this.#orm.em.fork();
    const assignments = await em.find(StrategyAssignment, {}, { orderBy: { segment: 'asc' } });
    const versions = await versionInfo(em, assignments.flatMap((a) => a.splits.map((s) => s.strategyVersionId)));
    return {
      assignments: assignments.map((a) => toView(a, versions)),
      fallback: await fallbackView(em),
    };
  }

  /** Creates or replaces the segment's split; refused when a version does not exist. */
  async put(segment: string, input: StrategyAssignmentPut, user: AuthUser): Promise<StrategyAssignmentView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const splits: StoredArmSplit[] = input.splits.map((s) =>
        s.label === undefined ? { strategyVersionId: s.strategyVersionId, percent: s.percent } : { ...s, label: s.label },
      );
      const versions = await versionInfo(em, splits.map((s) => s.strategyVersionId));
      const missing = splits.flatMap((s, index) =>
        versions.has(s.strategyVersionId)
          ? []
          : [{ in: 'body', path: `splits.${index}.strategyVersionId`, reason: `Arm ${index + 1}: no published strategy version ${s.strategyVersionId}.` }],
      );
      if (missing.length > 0) {
        throw new BusinessRuleError(
          'strategy-version-unknown',
          'Every arm must use a published strategy version.',
          { fields: missing },
        );
      }
      // The row lock serialises two managers editing the same segment; the audit then records the true predecessor.
      const existing = await em.findOne(StrategyAssignment, { segment }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const previous = existing ? existing.splits : null;
      let assignment: IStrategyAssignment;
      if (existing) {
        existing.splits = splits;
        assignment = existing;
      } else {
        assignment = em.create(StrategyAssignment, { segment, splits, createdBy: user.id });
        em.persist(assignment);
      }
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'strategy-assignment.saved',
        entity: 'strategy_assignment',
        entityId: assignment.id,
        details: { segment, splits, previous },
      });
      return toView(assignment, versions);
    });
  }

  /** Removes the segment's split: its new runs fall back to the default strategy. */
  async remove(segment: string, user: AuthUser): Promise<void> {
    await this.#orm.em.fork().transactional(async (em) => {
      const existing = await em.findOne(StrategyAssignment, { segment }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!existing) throw new NotFoundError('strategy assignment', `Segment "${segment}" has no strategy assignment.`);
      const { id, splits } = existing;
      em.remove(existing);
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'strategy-assignment.deleted',
        entity: 'strategy_assignment',
        entityId: id,
        details: { segment, splits },
      });
    });
  }
}

/** Strategy name and version number of each existing version among `ids`; unknown ids are left out. */
const versionInfo = async (em: EntityManager, ids: string[]): Promise<Map<string, VersionInfo>> => {
  const out = new Map<string, VersionInfo>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const versions = await em.find(
    StrategyVersion,
    { id: { $in: unique } },
    { populate: ['strategy'], exclude: ['graph', 'strategy.draft'] },
  );
  for (const v of versions) out.set(v.id, { strategyId: v.strategy.id, strategyName: v.strategy.name, version: v.version });
  return out;
};

const fallbackView = async (em: EntityManager): Promise<StrategyFallbackView | null> => {
  const strategy = await em.findOne(Strategy, { isDefault: true }, { exclude: ['draft'] });
  if (!strategy) return null;
  const version = await em.findOne(StrategyVersion, { strategy: strategy.id }, { orderBy: { version: 'desc' }, exclude: ['graph'] });
  if (!version) return null;
  return { strategyId: strategy.id, strategyName: strategy.name, strategyVersionId: version.id, version: version.version };
};

const toView = (a: IStrategyAssignment, versions: ReadonlyMap<string, VersionInfo>): StrategyAssignmentView => ({
  id: a.id,
  segment: a.segment,
  splits: a.splits.map(
    (s): ArmSplitView => ({
      strategyVersionId: s.strategyVersionId,
      percent: s.percent,
      label: s.label ?? null,
      // Versions are immutable and cannot be deleted, so a stored id always resolves.
      strategyId: versions.get(s.strategyVersionId)?.strategyId ?? '',
      strategyName: versions.get(s.strategyVersionId)?.strategyName ?? '',
      version: versions.get(s.strategyVersionId)?.version ?? 0,
    }),
  ),
  createdBy: a.createdBy ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
