import {
  Client,
  Connection,
  QueryRejectedError,
  WorkflowClient,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers.js';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { collectionWorkflow } from '../workflows/collection.workflow.ts';
import {
  accountChangedSignal,
  accountIdOfWorkflow,
  collectionWorkflowId,
  completeTaskUpdate,
  disputeOpenedSignal,
  planRequestedSignal,
  portalVisitedSignal,
  recordArrangementUpdate,
  migrateStrategyUpdate,
  pauseUpdate,
  paymentAppliedSignal,
  recordPromiseUpdate,
  resumeUpdate,
  stateQuery,
} from '../shared/definitions.ts';
import { collectorKey, nodeKey, pausedKey, searchableSegment, segmentKey, strategyVersionKey } from '../shared/search-attributes.ts';
import { toAdminTimeline } from './admin-timeline.ts';
import type { CollectionClient, CurrentNodesReport, ListedWorkflow, WorkflowDescription } from './collection-client.ts';
import { toHistoryView } from './history-view.ts';
import { statusOf, visibilityQuery } from './workflow-list-query.ts';
import { decodeHistoryPayloads } from '../codec/decode-history.ts';
import { recoupDataConverter } from '../codec/data-converter.ts';
import { mapBounded } from './starting/bounded.ts';
import { connectionOptions, type TemporalSettings } from './temporal-settings.ts';
import { errorMessage } from '@recoup/domain';
import { WorkflowsError } from '../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';
import { requestIdClientInterceptor } from './request-id-interceptor.ts';

/** The workflow refused a task outcome (it waits for another task, or the outcome is not offered). */
export class TaskOutcomeRefusedError extends WorkflowsError {
  override readonly name = 'TaskOutcomeRefusedError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('conflict', 'workflow-refused-outcome', message, options);
  }
}

/** The workflow refused a promise to pay (it has ended, or the promise does not fit the account). */
export class PromiseRefusedError extends WorkflowsError {
  override readonly name = 'PromiseRefusedError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('conflict', 'workflow-refused-promise', message, options);
  }
}

/** The workflow refused to move to another strategy version; the message is the workflow's reason. */
export class MigrationRefusedError extends WorkflowsError {
  override readonly name = 'MigrationRefusedError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('conflict', 'workflow-refused-migration', message, options);
  }
}

/** The workflow refused an admin's pause or resume, or is not running to be terminated; the message says why. */
export class WorkflowRefusedError extends WorkflowsError {
  override readonly name = 'WorkflowRefusedError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('conflict', 'workflow-refused', message, options);
  }
}

/** Temporal could not list workflows by the filter (search attributes missing on the cluster, a bad token...). */
export class WorkflowListUnavailableError extends WorkflowsError {
  override readonly name = 'WorkflowListUnavailableError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('unavailable', 'workflow-list-unavailable', message, options);
  }
}

/** The account has no collection workflow in Temporal. */
export class WorkflowMissingError extends WorkflowsError {
  override readonly name = 'WorkflowMissingError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('not-found', 'workflow-missing', message, options);
  }
}

/** State queries in flight at once when asking many workflows where they stand. */
export const CURRENT_NODES_CONCURRENCY = 16;
/** A workflow whose worker does not answer within this is reported as failed rather than holding up the rest. */
const CURRENT_NODE_DEADLINE_MS = 5_000;

/** A client on the deployment's data converter: with payload keys, everything it sends is encrypted. */
export async function connectTemporalClient(settings: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(settings));
  return new Client({
    connection,
    namespace: settings.namespace,
    interceptors: { workflow: [requestIdClientInterceptor] },
    ...(settings.payloadKeys ? { dataConverter: recoupDataConverter(settings.payloadKeys) } : {}),
  });
}

/** An admin's Update waits for a worker to take it; without one polling, the caller hears so rather than hanging. */
const ADMIN_UPDATE_DEADLINE_MS = 15_000;


/** The workflow's identity, status and search attributes, as listed or described. */
function listed(info: Awaited<ReturnType<typeof executionInfoFromRaw>>): ListedWorkflow {
  const attributes = info.typedSearchAttributes;
  return {
    accountId: accountIdOfWorkflow(info.workflowId),
    workflowId: info.workflowId,
    runId: info.runId,
    status: statusOf(info.status.name, attributes.get(pausedKey) === 'true'),
    startedAt: info.startTime.toISOString(),
    closedAt: info.closeTime?.toISOString() ?? null,
    strategyVersionId: attributes.get(strategyVersionKey) ?? null,
    nodeId: attributes.get(nodeKey) ?? null,
    segment: attributes.get(segmentKey) ?? null,
    collectorId: attributes.get(collectorKey) ?? null,
  };
}

/** The reason an Update was refused, as the workflow's validator or handler put it. */
function refusal(error: WorkflowUpdateFailedError): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}

export function createCollectionClient(temporal: Client, settings: Pick<TemporalSettings, 'taskQueue'>): CollectionClient {
  const handle = (accountId: string) => temporal.workflow.getHandle(collectionWorkflowId(accountId));
  const signalIfRunning = async (accountId: string, send: () => Promise<void>): Promise<void> => {
    try {
      await send();
    } catch (error) {
      // An account without a running workflow (settled earlier, or never started) has nothing to tell.
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
  };
  const update = async <T>(accountId: string, Refused: new (message: string) => Error, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new Refused(refusal(error));
      if (error instanceof WorkflowNotFoundError) throw new WorkflowMissingError(`No collection workflow for account ${accountId}.`);
      throw error;
    }
  };
  // Rejecting queries to closed workflows at the server spares a worker replaying the history of every account that
  // ended on a version. Same connection, namespace and codec as the caller's client; only the rejection differs.
  const openWorkflows = new WorkflowClient({ ...temporal.workflow.options, queryRejectCondition: 'NOT_OPEN' });
  // Temporal hands history out as stored, encrypted: every reader here wants it in the clear.
  const decodedHistory = async (accountId: string) =>
    decodeHistoryPayloads(await handle(accountId).fetchHistory(), temporal.workflow.options.loadedDataConverter.payloadCodecs);
  return {
    temporal,
    async start(accountId, strategyVersionId, labels) {
      const workflowId = collectionWorkflowId(accountId);
      const segment = searchableSegment(labels?.segment);
      try {
        await temporal.workflow.start<typeof collectionWorkflow>('collectionWorkflow', {
          workflowId,
          taskQueue: settings.taskQueue,
          args: [{ accountId, strategyVersionId }],
          typedSearchAttributes: [
            { key: strategyVersionKey, value: strategyVersionId },
            ...(segment ? [{ key: segmentKey, value: segment }] : []),
          ],
        });
        return { workflowId, started: true };
      } catch (error) {
        // Idempotent start: a running workflow for the account is the desired state.
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
        throw error;
      }
    },
    async paymentApplied(accountId, message, told) {
      await signalIfRunning(accountId, () => handle(accountId).signal(paymentAppliedSignal, told ? { ...message, eventId: told.eventId } : message));
    },
    async disputeOpened(accountId, told) {
      await signalIfRunning(accountId, () => (told ? handle(accountId).signal(disputeOpenedSignal, told) : handle(accountId).signal(disputeOpenedSignal)));
    },
    async portalVisited(accountId, told) {
      await signalIfRunning(accountId, () => handle(accountId).signal(portalVisitedSignal, told));
    },
    async planRequested(accountId, told) {
      await signalIfRunning(accountId, () => handle(accountId).signal(planRequestedSignal, told));
    },
    async accountChanged(accountId, told) {
      await signalIfRunning(accountId, () => (told ? handle(accountId).signal(accountChangedSignal, told) : handle(accountId).signal(accountChangedSignal)));
    },
    async completeTask(accountId, message) {
      await update(accountId, TaskOutcomeRefusedError, () => handle(accountId).executeUpdate(completeTaskUpdate, { args: [message] }));
    },
    async recordPromise(accountId, message) {
      await update(accountId, PromiseRefusedError, () => handle(accountId).executeUpdate(recordPromiseUpdate, { args: [message] }));
    },
    async recordArrangement(accountId, message) {
      await update(accountId, PromiseRefusedError, () => handle(accountId).executeUpdate(recordArrangementUpdate, { args: [message] }));
    },
    async migrateStrategy(accountId, message) {
      const result = await update(accountId, MigrationRefusedError, () =>
        handle(accountId).executeUpdate(migrateStrategyUpdate, { args: [message] }),
      );
      return { nodeId: result.nodeId };
    },
    async state(accountId) {
      try {
        return await handle(accountId).query(stateQuery);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async currentNodes(accountIds) {
      const report: CurrentNodesReport = { running: [], notRunning: [], failed: [] };
      await mapBounded(accountIds, CURRENT_NODES_CONCURRENCY, async (accountId) => {
        try {
          const state = await temporal.withDeadline(Date.now() + CURRENT_NODE_DEADLINE_MS, () =>
            openWorkflows.getHandle(collectionWorkflowId(accountId)).query(stateQuery),
          );
          if (state.status === 'running') {
            report.running.push({ accountId, strategyVersionId: state.strategyVersionId, nodeId: state.nodeId });
          } else {
            report.notRunning.push(accountId);
          }
        } catch (error) {
          if (error instanceof WorkflowNotFoundError || error instanceof QueryRejectedError) report.notRunning.push(accountId);
          else report.failed.push({ accountId, reason: errorMessage(error) });
        }
      });
      return report;
    },
    async pause(accountId, message) {
      await temporal.withDeadline(Date.now() + ADMIN_UPDATE_DEADLINE_MS, () =>
        update(accountId, WorkflowRefusedError, () => handle(accountId).executeUpdate(pauseUpdate, { args: [message] })),
      );
    },
    async resume(accountId, message) {
      await temporal.withDeadline(Date.now() + ADMIN_UPDATE_DEADLINE_MS, () =>
        update(accountId, WorkflowRefusedError, () => handle(accountId).executeUpdate(resumeUpdate, { args: [message] })),
      );
    },
    async terminate(accountId, reason) {
      const described = await this.describe(accountId);
      if (!described) throw new WorkflowMissingError(`No collection workflow for account ${accountId}.`);
      if (described.status !== 'running' && described.status !== 'paused') {
        throw new WorkflowRefusedError(`The workflow is not running (it is ${described.status}).`);
      }
      await handle(accountId).terminate(reason);
    },
    async describe(accountId): Promise<WorkflowDescription | null> {
      try {
        const { workflowId, runId, status, startedAt, closedAt } = listed(await handle(accountId).describe());
        return { workflowId, runId, status, startedAt, closedAt };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async listWorkflows(filter, page) {
      const query = visibilityQuery(filter);
      const namespace = temporal.options.namespace;
      // workflow.list() pages through everything and keeps the server's cursor to itself; the console shows one
      // page at a time and hands the cursor back to the browser, so it makes the same call with the token.
      let response: Awaited<ReturnType<typeof temporal.workflowService.listWorkflowExecutions>>;
      try {
        response = await temporal.workflowService.listWorkflowExecutions({
          namespace,
          query,
          pageSize: page.pageSize,
          nextPageToken: page.pageToken ? Buffer.from(page.pageToken, 'base64url') : Buffer.alloc(0),
        });
      } catch (error) {
        throw new WorkflowListUnavailableError(`Temporal could not list workflows: ${errorMessage(error)}`);
      }
      const converter = temporal.workflow.options.loadedDataConverter;
      const items = await Promise.all(response.executions.map(async (raw) => listed(await executionInfoFromRaw(raw, converter, raw, namespace))));
      // Runs from before the search attributes existed have no node in them: ask the page's running ones directly.
      const unindexed = items.filter((item) => item.nodeId === null && (item.status === 'running' || item.status === 'paused'));
      if (unindexed.length > 0) {
        const report = await this.currentNodes(unindexed.map((item) => item.accountId));
        for (const node of report.running) {
          const item = unindexed.find((i) => i.accountId === node.accountId);
          if (item) Object.assign(item, { nodeId: node.nodeId, strategyVersionId: item.strategyVersionId ?? node.strategyVersionId });
        }
      }
      let total: number | null = null;
      try {
        total = (await temporal.workflow.count(query)).count;
      } catch {
        // Counting is a nicety: a server that cannot count still lists.
      }
      const token = response.nextPageToken;
      return { items, total, nextPageToken: token && token.length > 0 ? Buffer.from(token).toString('base64url') : null };
    },
    async timeline(accountId) {
      const history = await decodedHistory(accountId);
      return toAdminTimeline(history.events ?? []);
    },
    async history(accountId) {
      const history = await decodedHistory(accountId);
      return toHistoryView(history.events ?? []);
    },
    async rawHistory(accountId) {
      const history = await decodedHistory(accountId);
      return JSON.parse(historyToJSON(history)) as unknown;
    },
  };
}
