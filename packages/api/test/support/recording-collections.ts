import type { Client } from '@temporalio/client';
import type { TimelineEntry } from '@recoup/contracts';
import type {
  ArrangementMessage,
  CollectionClient,
  CollectionStateView,
  CurrentNodesReport,
  HistoryEventView,
  ListedWorkflow,
  PauseMessage,
  ResumeMessage,
  WorkflowDescription,
  WorkflowListFilter,
  WorkflowListPage,
  PaymentAppliedMessage,
  StartResult,
  MigrateStrategyMessage,
  PromiseMessage,
  TaskCompletedMessage,
} from '@recoup/workflows';

export type RecordedCall =
  | { kind: 'start'; accountId: string; strategyVersionId: string }
  | { kind: 'paymentApplied'; accountId: string; message: PaymentAppliedMessage }
  | { kind: 'completeTask'; accountId: string; message: TaskCompletedMessage }
  | { kind: 'recordPromise'; accountId: string; message: PromiseMessage }
  | { kind: 'disputeOpened'; accountId: string }
  | { kind: 'portalVisited'; accountId: string }
  | { kind: 'recordArrangement'; accountId: string; message: ArrangementMessage }
  | { kind: 'planRequested'; accountId: string }
  | { kind: 'accountChanged'; accountId: string }
  | { kind: 'migrateStrategy'; accountId: string; message: MigrateStrategyMessage }
  | { kind: 'pause'; accountId: string; message: PauseMessage }
  | { kind: 'resume'; accountId: string; message: ResumeMessage }
  | { kind: 'terminate'; accountId: string; reason: string };

/**
 * A CollectionClient that records what the API asked of Temporal. The Temporal path itself is proven by the
 * end-to-end tests; here the API's side of the contract is what is under test.
 */
export class RecordingCollections implements CollectionClient {
  readonly calls: RecordedCall[] = [];
  /** What completeTask does next: accept, or throw the given error. */
  completeTaskError: Error | null = null;
  stateError: Error | null = null;
  readonly #running = new Set<string>();
  #inFlight = 0;
  maxInFlight = 0;
  /** How long each start takes, as a busy Temporal would. */
  startDelayMs = 1;

  get temporal(): Client {
    throw new Error('the recording client has no Temporal connection');
  }

  async start(accountId: string, strategyVersionId: string): Promise<StartResult> {
    this.#inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    await new Promise((resolve) => setTimeout(resolve, this.startDelayMs));
    this.#inFlight -= 1;
    this.calls.push({ kind: 'start', accountId, strategyVersionId });
    const started = !this.#running.has(accountId);
    this.#running.add(accountId);
    return { workflowId: `collection-${accountId}`, started };
  }

  async paymentApplied(accountId: string, message: PaymentAppliedMessage): Promise<void> {
    this.calls.push({ kind: 'paymentApplied', accountId, message });
  }

  async completeTask(accountId: string, message: TaskCompletedMessage): Promise<void> {
    if (this.completeTaskError) throw this.completeTaskError;
    this.calls.push({ kind: 'completeTask', accountId, message });
  }

  /** What recordPromise and migrateStrategy do next: accept, or throw the given error. */
  updateError: Error | null = null;

  async recordPromise(accountId: string, message: PromiseMessage): Promise<void> {
    if (this.updateError) throw this.updateError;
    this.calls.push({ kind: 'recordPromise', accountId, message });
  }

  async disputeOpened(accountId: string): Promise<void> {
    this.calls.push({ kind: 'disputeOpened', accountId });
  }

  async portalVisited(accountId: string): Promise<void> {
    this.calls.push({ kind: 'portalVisited', accountId });
  }

  async recordArrangement(accountId: string, message: ArrangementMessage): Promise<void> {
    if (this.updateError) throw this.updateError;
    this.calls.push({ kind: 'recordArrangement', accountId, message });
  }

  async planRequested(accountId: string): Promise<void> {
    this.calls.push({ kind: 'planRequested', accountId });
  }

  async accountChanged(accountId: string): Promise<void> {
    this.calls.push({ kind: 'accountChanged', accountId });
  }

  async migrateStrategy(accountId: string, message: MigrateStrategyMessage): Promise<{ nodeId: string }> {
    if (this.updateError) throw this.updateError;
    this.calls.push({ kind: 'migrateStrategy', accountId, message });
    return { nodeId: 'unchanged' };
  }

  async state(accountId: string): Promise<CollectionStateView | null> {
    if (this.stateError) throw this.stateError;
    if (!this.#running.has(accountId)) return null;
    return {
      accountId,
      status: 'running',
      strategyVersionId: 'v',
      nodeId: 'start',
      nodeLabel: null,
      nextAction: null,
      balance: { amountMinor: '0', currency: 'EUR' },
      outcome: null,
      decisions: [],
    } as unknown as CollectionStateView;
  }

  /** Where currentNodes finds each account's workflow; an Error fails its query. Accounts not listed are not running. */
  readonly liveNodes = new Map<string, { strategyVersionId: string; nodeId: string } | Error>();
  /** The account ids of each currentNodes call. */
  readonly currentNodesAsked: string[][] = [];

  async currentNodes(accountIds: readonly string[]): Promise<CurrentNodesReport> {
    this.currentNodesAsked.push([...accountIds]);
    const report: CurrentNodesReport = { running: [], notRunning: [], failed: [] };
    for (const accountId of accountIds) {
      const live = this.liveNodes.get(accountId);
      if (live instanceof Error) report.failed.push({ accountId, reason: live.message });
      else if (live) report.running.push({ accountId, ...live });
      else report.notRunning.push(accountId);
    }
    return report;
  }

  async history(accountId: string): Promise<HistoryEventView[]> {
    return [{ eventId: '1', eventTime: null, eventType: 'WorkflowExecutionStarted', summary: `started ${accountId}`, details: {} }];
  }

  async rawHistory(accountId: string): Promise<unknown> {
    return { events: [{ eventId: '1', accountId }] };
  }

  /** What pause, resume and terminate do next: accept, or throw the given error. */
  adminError: Error | null = null;
  readonly #paused = new Set<string>();
  readonly #terminated = new Set<string>();

  async pause(accountId: string, message: PauseMessage): Promise<void> {
    if (this.adminError) throw this.adminError;
    this.calls.push({ kind: 'pause', accountId, message });
    this.#paused.add(accountId);
  }

  async resume(accountId: string, message: ResumeMessage): Promise<void> {
    if (this.adminError) throw this.adminError;
    this.calls.push({ kind: 'resume', accountId, message });
    this.#paused.delete(accountId);
  }

  async terminate(accountId: string, reason: string): Promise<void> {
    if (this.adminError) throw this.adminError;
    this.calls.push({ kind: 'terminate', accountId, reason });
    this.#running.delete(accountId);
    this.#terminated.add(accountId);
  }

  async describe(accountId: string): Promise<WorkflowDescription | null> {
    const running = this.#running.has(accountId);
    if (!running && !this.#terminated.has(accountId)) return null;
    return {
      workflowId: `collection-${accountId}`,
      runId: 'run-1',
      status: running ? (this.#paused.has(accountId) ? 'paused' : 'running') : 'terminated',
      startedAt: '2026-01-01T00:00:00.000Z',
      closedAt: running ? null : '2026-01-02T00:00:00.000Z',
    };
  }

  /** What listWorkflows answers, and the filters it was asked with. */
  listed: ListedWorkflow[] = [];
  readonly listAsked: { filter: WorkflowListFilter; pageSize: number; pageToken?: string | undefined }[] = [];

  async listWorkflows(filter: WorkflowListFilter, page: { pageSize: number; pageToken?: string | undefined }): Promise<WorkflowListPage> {
    this.listAsked.push({ filter, ...page });
    const start = page.pageToken ? Number(page.pageToken) : 0;
    const items = this.listed.slice(start, start + page.pageSize);
    const next = start + page.pageSize < this.listed.length ? String(start + page.pageSize) : null;
    return { items, total: this.listed.length, nextPageToken: next };
  }

  async timeline(accountId: string): Promise<TimelineEntry[]> {
    return [{ eventIds: ['1'], at: null, kind: 'run', title: 'Collection started', summary: `started ${accountId}` }];
  }

  /** Marks an account's workflow as running, as if it had been started earlier. */
  markRunning(accountId: string): void {
    this.#running.add(accountId);
  }

  of<K extends RecordedCall['kind']>(kind: K): Extract<RecordedCall, { kind: K }>[] {
    return this.calls.filter((call): call is Extract<RecordedCall, { kind: K }> => call.kind === kind);
  }
}
