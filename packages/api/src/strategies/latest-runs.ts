import type { EntityManager } from '@mikro-orm/postgresql';

export interface LatestRunRow {
  account_id: string;
  strategy_version_id: string;
  workflow_id: string;
  arm_label: string | null;
  assigned: boolean;
  segment: string;
}

/**
 * The accounts whose latest collection run is on the version, one row each, by account id. A run is superseded by
 * any later run of its account (a restart, a migration), so this is the version's cohort. Found through the
 * version's runs and each account's later ones, both indexed, rather than by ranking every run in the table.
 */
export const latestRunsOn = async (em: EntityManager, strategyVersionId: string, limit?: number): Promise<LatestRunRow[]> =>
  em.execute<LatestRunRow[]>(
    `select r.account_id, r.strategy_version_id, r.workflow_id, r.arm_label, r.assigned, r.segment
       from collection_run r
      where r.strategy_version_id = ?
        and not exists (
          select 1 from collection_run later
           where later.account_id = r.account_id and (later.started_at, later.id) > (r.started_at, r.id)
        )
      order by r.account_id
      ${limit === undefined ? '' : 'limit ?'}`,
    limit === undefined ? [strategyVersionId] : [strategyVersionId, limit],
  );
