import type { MikroORM } from '@mikro-orm/postgresql';
import { StrategyVersion } from '@recoup/db';
import { strategyGraphSchema } from '@recoup/domain';
import { MAX_LIVE_ACCOUNTS, type StrategyLiveCounts } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import { NotFoundError } from '../errors.ts';
import { latestRunsOn } from './latest-runs.ts';

/**
 * How many running accounts sit at each node of a published version, asked of the workflows themselves: the
 * database knows which accounts run a version, only each workflow knows where in it it is.
 */
export class LiveOverlayService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;

  constructor(orm: MikroORM, collections: CollectionClient) {
    this.#orm = orm;
    this.#collections = collections;
  }

  async counts(versionId: string, now = new Date()): Promise<StrategyLiveCounts> {
    const em = this.#orm.em.fork();
    const version = await em.findOne(StrategyVersion, { id: versionId });
    if (!version) throw new NotFoundError('strategy version');
    const graph = strategyGraphSchema.parse(version.graph);
    // One more than the cap tells whether there were more.
    const cohort = await latestRunsOn(em, versionId, MAX_LIVE_ACCOUNTS + 1);
    const accountIds = cohort.slice(0, MAX_LIVE_ACCOUNTS).map((row) => row.account_id);
    const report = await this.#collections.currentNodes(accountIds);
    const counts: Record<string, number> = Object.fromEntries(graph.nodes.map((node) => [node.id, 0]));
    let running = 0;
    for (const current of report.running) {
      // A workflow moved to another version whose run row has not been written yet is not at this version's nodes.
      if (current.strategyVersionId !== versionId) continue;
      counts[current.nodeId] = (counts[current.nodeId] ?? 0) + 1;
      running += 1;
    }
    return {
      strategyVersionId: versionId,
      counts,
      running,
      queried: accountIds.length,
      failed: report.failed.length,
      truncated: cohort.length > MAX_LIVE_ACCOUNTS,
      at: now.toISOString(),
    };
  }
}
