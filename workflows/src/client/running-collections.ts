import type { Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accountIdOfWorkflow, collectionWorkflowId } from '../shared/definitions.ts';

// Which of many accounts have a collection workflow running, without one call per account: a bank statement touches
// tens of thousands of accounts, most of which (settled, never started) have no workflow to tell.
//
// Temporal's visibility store is updated a moment after a workflow starts (milliseconds on SQL visibility, about a
// second on Elasticsearch), so an account whose run began just now may not be listed yet. Every start records its
// run in collection_run (start-collections.ts) after the start returned, so accounts with a run that began within
// VISIBILITY_LAG are counted as running too: telling a workflow that has ended costs one signal that finds nothing.

/** Workflow ids per visibility query: keeps the query text well under the server's limits. */
const IDS_PER_QUERY = 100;
/** Longer than any visibility store takes to list a started workflow. */
const VISIBILITY_LAG_SECONDS = 300;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The visibility query that lists the running collection workflows of these accounts (uuids only). */
export function runningQuery(accountIds: readonly string[]): string {
  for (const id of accountIds) if (!UUID.test(id)) throw new Error(`"${id}" is not an account id.`);
  const ids = accountIds.map((id) => `'${collectionWorkflowId(id)}'`).join(', ');
  return `WorkflowType = 'collectionWorkflow' AND ExecutionStatus = 'Running' AND WorkflowId IN (${ids})`;
}

/**
 * The accounts among these whose collection workflow runs, or may run: listed as running by Temporal, or started
 * within the visibility lag. Throws when Temporal cannot list, so the caller can tell every account instead.
 */
export async function runningCollections(temporal: Client, em: EntityManager, accountIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(accountIds)];
  const running = new Set<string>();
  if (unique.length === 0) return running;
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) chunks.push(unique.slice(i, i + IDS_PER_QUERY));
  const listed = chunks.map(async (chunk) => {
    for await (const execution of temporal.workflow.list({ query: runningQuery(chunk) })) running.add(accountIdOfWorkflow(execution.workflowId));
  });
  const recent = em.execute<{ account_id: string }[]>(
    `select distinct account_id from collection_run where account_id in (?) and started_at > now() - make_interval(secs => ?)`,
    [unique, VISIBILITY_LAG_SECONDS],
  );
  const [, recentRows] = await Promise.all([Promise.all(listed), recent]);
  for (const r of recentRows) running.add(r.account_id);
  return running;
}
