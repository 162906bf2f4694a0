import type { MikroORM } from '@mikro-orm/postgresql';
import { CollectionRun, StrategyVersion } from '@recoup/db';
import { hasErrorCode, strategyGraphSchema } from '@recoup/domain';
import type { CohortMigrationRequest, CohortMigrationResult } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { NotFoundError } from '../errors.ts';
import { mapBounded } from '@recoup/workflows';
import { latestRunsOn } from './latest-runs.ts';

/** How many accounts are asked at once; each is one Update round trip to its workflow. */
const CONCURRENCY = 8;

/**
 * Moves the running accounts of one published version to another. Each workflow checks for itself whether its
 * current node has a counterpart (by id or through the mapping) and refuses with the reason when not; accounts that
 * moved get a new collection-run row, so per-version reports follow them.
 */
export class CohortMigrationService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;

  constructor(orm: MikroORM, collections: CollectionClient) {
    this.#orm = orm;
    this.#collections = collections;
  }

  async migrate(targetId: string, request: CohortMigrationRequest, user: AuthUser): Promise<CohortMigrationResult> {
    const em = this.#orm.em.fork();
    const target = await em.findOne(StrategyVersion, { id: targetId });
    if (!target) throw new NotFoundError('strategy version');
    if ((await em.count(StrategyVersion, { id: request.fromVersionId })) === 0) throw new NotFoundError('strategy version');
    const graph = strategyGraphSchema.parse(target.graph);
    const cohort = await latestRunsOn(em, request.fromVersionId);
    const accounts = request.accountIds ? cohort.filter((row) => request.accountIds?.includes(row.account_id)) : cohort;
    const result: CohortMigrationResult = { targetVersionId: targetId, cohort: accounts.length, migrated: [], refused: [], notRunning: [] };
    await mapBounded(accounts, CONCURRENCY, async (row) => {
      try {
        const moved = await this.#collections.migrateStrategy(row.account_id, {
          strategyVersionId: targetId,
          graph,
          checksum: target.checksum,
          ...(request.nodeMapping ? { nodeMapping: request.nodeMapping } : {}),
        });
        await this.#orm.em.fork().insert(CollectionRun, {
          account: row.account_id,
          workflowId: row.workflow_id,
          strategyVersion: targetId,
          armLabel: row.arm_label,
          assigned: row.assigned,
          segment: row.segment,
          startedAt: new Date(),
        });
        result.migrated.push({ accountId: row.account_id, nodeId: moved.nodeId });
      } catch (error) {
        if (hasErrorCode(error, 'workflow-refused-migration')) result.refused.push({ accountId: row.account_id, reason: error.message });
        else if (hasErrorCode(error, 'workflow-missing')) result.notRunning.push(row.account_id);
        else throw error;
      }
    });
    await audit(this.#orm.em.fork(), {
      actorId: user.id,
      action: 'strategy.cohort-migrated',
      entity: 'strategy_version',
      entityId: targetId,
      details: {
        fromVersionId: request.fromVersionId,
        cohort: result.cohort,
        migrated: result.migrated.length,
        refused: result.refused.length,
        notRunning: result.notRunning.length,
        nodeMapping: request.nodeMapping ?? {},
      },
    });
    return result;
  }
}
