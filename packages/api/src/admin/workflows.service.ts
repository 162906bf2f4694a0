import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Account, AppUser, AuditLog, StrategyVersion, closeOpenTasks } from '@recoup/db';
import type {
  WorkflowAction,
  WorkflowActionRecord,
  WorkflowFilterOptions,
  WorkflowHistory,
  WorkflowInspection,
  WorkflowListItem,
  WorkflowListQuery,
  WorkflowListResponse,
  WorkflowTimeline,
} from '@recoup/contracts';
import { collectionWorkflowId, searchableSegment, type CollectionClient, type CollectionStateView } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { NotFoundError, UnavailableError, ValidationError } from '../errors.ts';
import { accessibleAccount } from '../shared/access-scope.ts';
import { PageTokens } from './page-token.ts';
import { errorMessage, hasErrorCode, isErrorNamed } from '@recoup/domain';


/** The audit actions of the inspector's buttons, by button. */
export const WORKFLOW_AUDIT_ACTIONS: Record<WorkflowAction, string> = {
  pause: 'workflow.paused',
  resume: 'workflow.resumed',
  terminate: 'workflow.terminated',
};
const ACTION_OF_AUDIT = new Map(Object.entries(WORKFLOW_AUDIT_ACTIONS).map(([action, audited]) => [audited, action as WorkflowAction]));

/** Temporal errors other than a missing or refusing workflow mean the service is unreachable, not a bug here. */
const fromTemporal = (error: unknown): Error => {
  if (isErrorNamed(error, 'WorkflowNotFoundError') || hasErrorCode(error, 'workflow-missing')) {
    return new NotFoundError('workflow', 'The account has no collection workflow.');
  }
  if (hasErrorCode(error, 'workflow-refused')) return error;
  return new UnavailableError('workflow-unavailable', `The workflow service did not answer: ${errorMessage(error)}`);
};

interface VersionInfo {
  label: string;
  nodes: Map<string, string>;
}

/** The admin console's view of collection workflows: Temporal's visibility, joined to names from the database. */
export class AdminWorkflowsService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;
  readonly #temporal: { uiUrl: string | null; namespace: string };
  readonly #pageTokens: PageTokens;

  /** `pageTokenSecret` keys the list's page tokens; every API process of one installation must share it. */
  constructor(orm: MikroORM, collections: CollectionClient, temporal: { uiUrl: string | null; namespace: string; pageTokenSecret: string }) {
    this.#orm = orm;
    this.#collections = collections;
    this.#temporal = { uiUrl: temporal.uiUrl, namespace: temporal.namespace };
    this.#pageTokens = new PageTokens(temporal.pageTokenSecret);
  }

  async list(query: WorkflowListQuery): Promise<WorkflowListResponse> {
    const { pageSize, pageToken: token, ...filter } = query;
    const pageToken = token ? this.#pageTokens.open(token) : undefined;
    if (pageToken === null) {
      throw new ValidationError(
        [{ in: 'query', path: 'pageToken', reason: 'is not a page token this list handed out; start again from the first page' }],
        'The page token is not one this list handed out.',
      );
    }
    let page;
    try {
      page = await this.#collections.listWorkflows(filter, { pageSize, pageToken });
    } catch (error) {
      if (hasErrorCode(error, 'workflow-list-unavailable')) throw error;
      throw fromTemporal(error);
    }
    const em = this.#orm.em.fork();
    const accountIds = [...new Set(page.items.map((i) => i.accountId))].filter(isUuid);
    const collectorIds = [...new Set(page.items.flatMap((i) => (i.collectorId && isUuid(i.collectorId) ? [i.collectorId] : [])))];
    const accounts = accountIds.length ? await em.find(Account, { id: { $in: accountIds } }, { fields: ['id', 'name'] }) : [];
    const collectors = collectorIds.length ? await em.find(AppUser, { id: { $in: collectorIds } }, { fields: ['id', 'name'] }) : [];
    const versions = await this.#versions(em, page.items.flatMap((i) => (i.strategyVersionId ? [i.strategyVersionId] : [])));
    const names = new Map<string, string>([...accounts, ...collectors].map((row) => [row.id, row.name]));
    const items: WorkflowListItem[] = page.items.map((item) => {
      const version = item.strategyVersionId ? versions.get(item.strategyVersionId) : undefined;
      return {
        ...item,
        accountName: names.get(item.accountId) ?? null,
        strategyVersionLabel: version?.label ?? null,
        nodeLabel: item.nodeId ? (version?.nodes.get(item.nodeId) ?? null) : null,
        collectorName: item.collectorId ? (names.get(item.collectorId) ?? null) : null,
        inspectorPath: `/admin/workflows/${encodeURIComponent(item.accountId)}`,
      };
    });
    return { items, total: page.total, nextPageToken: page.nextPageToken === null ? null : this.#pageTokens.seal(page.nextPageToken) };
  }

  /** What the filters offer: published versions with their nodes, the segments in use and the collectors. */
  async filterOptions(): Promise<WorkflowFilterOptions> {
    const em = this.#orm.em.fork();
    const versions = await em.find(StrategyVersion, {}, { populate: ['strategy'], orderBy: { publishedAt: 'desc' }, limit: 200 });
    const segments = await em.getConnection().execute<{ segment: string }[]>('select distinct segment from account order by segment limit 500');
    const collectors = await em.find(AppUser, { role: 'collector', active: true }, { orderBy: { name: 'asc' } });
    return {
      strategyVersions: versions.map((v) => ({
        value: v.id,
        label: `${v.strategy.name} v${v.version}`,
        nodes: v.graph.nodes.map((n) => ({ value: n.id, label: n.label ?? `${n.type} ${n.id}` })),
      })),
      // Only labels are indexed (searchableSegment): offering any other segment would be a filter that finds nothing.
      segments: segments.flatMap((row) => searchableSegment(row.segment) ?? []),
      collectors: collectors.map((c) => ({ value: c.id, label: c.name })),
    };
  }

  async inspect(accountId: string, user: AuthUser): Promise<WorkflowInspection> {
    const em = this.#orm.em.fork();
    const account = await accessibleAccount(em, user, accountId);
    let workflow;
    try {
      workflow = await this.#collections.describe(accountId);
    } catch (error) {
      throw fromTemporal(error);
    }
    let state: CollectionStateView | null = null;
    let stateError: string | null = null;
    if (workflow && (workflow.status === 'running' || workflow.status === 'paused')) {
      try {
        state = await this.#collections.state(accountId);
      } catch (error) {
        stateError = `The workflow did not answer its state query: ${errorMessage(error)}`;
      }
    }
    const workflowId = collectionWorkflowId(accountId);
    const ui = this.#temporal.uiUrl?.replace(/\/+$/, '');
    return {
      account: { id: account.id, name: account.name, externalRef: account.externalRef },
      workflow,
      state: state
        ? {
            nodeId: state.nodeId,
            nodeLabel: state.nodeLabel,
            strategyVersionId: state.strategyVersionId,
            nextAction: state.nextAction,
            balance: state.balance,
            paused: state.paused ?? null,
          }
        : null,
      stateError,
      temporalUiUrl: ui
        ? `${ui}/namespaces/${encodeURIComponent(this.#temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`
        : null,
      historyJsonPath: `/api/admin/accounts/${accountId}/history.json`,
      actions: await this.#actions(em, accountId),
    };
  }

  async timeline(accountId: string, user: AuthUser): Promise<WorkflowTimeline> {
    await accessibleAccount(this.#orm.em.fork(), user, accountId);
    try {
      return { accountId, entries: await this.#collections.timeline(accountId) };
    } catch (error) {
      throw fromTemporal(error);
    }
  }

  /** The workflow's history, event by event, as the inspector lists it. */
  async history(accountId: string, user: AuthUser): Promise<WorkflowHistory> {
    await accessibleAccount(this.#orm.em.fork(), user, accountId);
    try {
      return { accountId, events: await this.#collections.history(accountId) };
    } catch (error) {
      throw fromTemporal(error);
    }
  }

  /** The workflow's history as Temporal exports it, for download (and for replaying it in a test). */
  async rawHistory(accountId: string, user: AuthUser): Promise<unknown> {
    await accessibleAccount(this.#orm.em.fork(), user, accountId);
    try {
      return await this.#collections.rawHistory(accountId);
    } catch (error) {
      throw fromTemporal(error);
    }
  }

  /**
   * Pauses, resumes or terminates the account's workflow and writes the audit row in one transaction: the row
   * is written first and committed only once Temporal has done it, so there is never an action without its row,
   * nor a row for an action that was refused.
   */
  async act(accountId: string, action: WorkflowAction, reason: string, actor: AuthUser): Promise<WorkflowActionRecord> {
    const em = this.#orm.em.fork();
    await accessibleAccount(em, actor, accountId);
    const at = new Date();
    await em.transactional(async (tx) => {
      await audit(tx, {
        actorId: actor.id,
        action: WORKFLOW_AUDIT_ACTIONS[action],
        entity: 'account',
        entityId: accountId,
        details: { reason, workflowId: collectionWorkflowId(accountId) },
      });
      try {
        await this.#send(accountId, action, reason, actor);
      } catch (error) {
        throw fromTemporal(error);
      }
      // Nobody collects the account any more: its open tasks leave the collectors' inboxes with the reason.
      if (action === 'terminate') await closeOpenTasks(tx, accountId, 'terminated', at);
    });
    return { at: at.toISOString(), action, reason, actorId: actor.id, actorName: actor.name };
  }

  async #send(accountId: string, action: WorkflowAction, reason: string, actor: AuthUser): Promise<void> {
    switch (action) {
      case 'pause':
        return this.#collections.pause(accountId, { reason, actorId: actor.id });
      case 'resume':
        return this.#collections.resume(accountId, { reason, actorId: actor.id });
      case 'terminate':
        return this.#collections.terminate(accountId, reason);
    }
  }

  async #actions(em: EntityManager, accountId: string): Promise<WorkflowActionRecord[]> {
    const rows = await em.find(
      AuditLog,
      { entity: 'account', entityId: accountId, action: { $in: Object.values(WORKFLOW_AUDIT_ACTIONS) } },
      { orderBy: { id: 'desc' }, limit: 100 },
    );
    const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
    const actors = actorIds.length ? await em.find(AppUser, { id: { $in: actorIds } }, { fields: ['id', 'name'] }) : [];
    const names = new Map(actors.map((a) => [a.id, a.name]));
    return rows.flatMap((row) => {
      const action = ACTION_OF_AUDIT.get(row.action);
      if (!action) return [];
      const reason = typeof row.details['reason'] === 'string' ? row.details['reason'] : '';
      return [{ at: row.at.toISOString(), action, reason, actorId: row.actorId ?? null, actorName: row.actorId ? (names.get(row.actorId) ?? null) : null }];
    });
  }

  async #versions(em: EntityManager, ids: string[]): Promise<Map<string, VersionInfo>> {
    const wanted = [...new Set(ids)].filter(isUuid);
    if (wanted.length === 0) return new Map();
    const versions = await em.find(StrategyVersion, { id: { $in: wanted } }, { populate: ['strategy'] });
    return new Map(
      versions.map((v) => [
        v.id,
        { label: `${v.strategy.name} v${v.version}`, nodes: new Map(v.graph.nodes.map((n) => [n.id, n.label ?? `${n.type} ${n.id}`])) },
      ]),
    );
  }
}

const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
