import { EMPTY, join, sql, type Sql } from './sql.ts';
import type { ResolvedFilters } from './kpi-filters.ts';

/**
 * The accounts a dashboard covers, as a `select id, assigned_collector_id` over account.
 *
 * Segment, strategy version and arm come from the account's collection run: an account may have several (restarts,
 * migrations), and the one that counts is the latest run started before the period ends, i.e. the strategy and arm
 * the account was being worked under when the period closed. An account with no such run has no version or arm, so
 * those filters leave it out; the segment filter then falls back to the account's own segment.
 *
 * Team scoping: a manager's dashboards cover the accounts of their team and the unassigned ones, as every other
 * route of theirs does (shared/access-scope.ts); admins see the whole portfolio. collectorId narrows either to one
 * collector's accounts. Every block inherits both through this one query.
 */
export const scopedAccounts = (filters: ResolvedFilters): Sql => {
  const byRun = filters.segment !== null || filters.strategyVersionId !== null || filters.arm !== null;
  const run = byRun
    ? sql` left join lateral (
         select r.segment, r.strategy_version_id, r.arm_label from collection_run r
          where r.account_id = a.id and r.started_at < ${filters.endTs}::timestamptz
          order by r.started_at desc, r.id desc limit 1
       ) run on true`
    : EMPTY;
  const conditions: Sql[] = [sql`true`];
  if (filters.segment !== null) conditions.push(sql`coalesce(run.segment, a.segment) = ${filters.segment}`);
  if (filters.strategyVersionId !== null) conditions.push(sql`run.strategy_version_id = ${filters.strategyVersionId}::uuid`);
  if (filters.arm !== null) conditions.push(sql`run.arm_label = ${filters.arm}`);
  if (filters.collectorId !== null) conditions.push(sql`a.assigned_collector_id = ${filters.collectorId}::uuid`);
  if (filters.team !== null) {
    const members = join(
      filters.team.map((member) => sql`${member}::uuid`),
      ', ',
    );
    conditions.push(filters.team.length > 0 ? sql`(a.assigned_collector_id is null or a.assigned_collector_id in (${members}))` : sql`a.assigned_collector_id is null`);
  }
  return sql`select a.id, a.assigned_collector_id from account a${run} where ${join(conditions, ' and ')}`;
};

/** Whether any filter narrows the portfolio; without one, queries skip the account scope altogether. */
export const isScoped = (filters: ResolvedFilters): boolean =>
  filters.segment !== null || filters.strategyVersionId !== null || filters.arm !== null || filters.collectorId !== null || filters.team !== null;
