import { condition, log, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { AccountSnapshot, EngineEvent, EngineState, StrategyGraph } from '@recoup/domain';
import { migrateState } from '@recoup/domain/interpreter';
import type { EffectInput } from '../activities/activity-types.ts';
import type {
  ArrangementMessage,
  CollectionStateView,
  MigrateStrategyMessage,
  PauseMessage,
  PauseView,
  PromiseMessage,
  ResumeMessage,
  TaskCompletedMessage,
} from '../shared/definitions.ts';
import { collectorKey, nodeKey, pausedKey, segmentKey, strategyVersionKey } from '../shared/search-attributes.ts';
import { reads } from './collection-activities.ts';
import { checkArrangement, checkPause, checkPromise, checkReason, checkResume, checkStrategyMigration, checkTaskCompletion, type RunView } from './message-checks.ts';
import { describeNextAction, nodeLabel } from './state-view.ts';

/** What a run carries over when it continues as new: the engine state, an admin's pause and the events it was told. */
export interface CarriedRun {
  state: EngineState;
  paused?: PauseView | null;
  toldEvents?: string[];
}

/** How many account-event ids a run remembers, to ignore the outbox's repeats (it sends at least once). */
const TOLD_EVENTS_KEPT = 64;

/** Runs that began before the admin console's search attributes existed never upsert them. */
const SEARCH_ATTRIBUTES_PATCH = 'recoup-search-attributes';

/** The values the workflow keeps in its search attributes; null removes one. */
export interface Indexed {
  version?: string;
  node?: string;
  segment?: string;
  collector?: string | null;
  paused?: boolean;
}

/**
 * The state of one collection run, and everything its message handlers do to it. The workflow's handlers call
 * these methods in one line each; the loop reads the state through them. Nothing here decides where the strategy
 * goes: that is the interpreter's `step`.
 */
export class CollectionRun implements RunView {
  readonly accountId: string;
  state: EngineState | undefined;
  graph: StrategyGraph | undefined;
  versionId: string;
  /** Set while an admin holds the run: no command runs and no wait ends until it is cleared. */
  pause: PauseView | null;
  /** Events from messages, taken in order by the loop. */
  readonly inbox: EngineEvent[] = [];
  /** The account changed (a payment, a dispute, a new invoice): the loop re-reads it before anything else. */
  accountChanged = false;
  /** True while the loop waits for the outside world: the only time the strategy may be swapped under it. */
  idle = false;
  /** Account events this run was told of, newest last; a repeat of one of them changes nothing. */
  readonly toldEvents: string[];
  readonly #info = workflowInfo();
  #indexing = false;
  readonly #indexed: Indexed = {};

  constructor(accountId: string, strategyVersionId: string, carried: CarriedRun | undefined) {
    this.accountId = accountId;
    this.versionId = strategyVersionId;
    this.state = carried?.state;
    this.pause = carried?.paused ?? null;
    this.toldEvents = [...(carried?.toldEvents ?? [])];
  }

  /** Side effects are keyed by workflow, first run (stable across continue-as-new), node and occurrence. */
  readonly effectKey = (key: string): string => `${this.#info.workflowId}/${this.#info.firstExecutionRunId}/${key}`;

  effect(command: { key: string; nodeId: string }): EffectInput {
    return { key: this.effectKey(command.key), accountId: this.accountId, workflowId: this.#info.workflowId, nodeId: command.nodeId };
  }

  current(): EngineState {
    if (!this.state) throw new Error('The engine state is missing.');
    return this.state;
  }

  strategy(): StrategyGraph {
    if (!this.graph) throw new Error('The strategy is not loaded.');
    return this.graph;
  }

  // Signals. Each carries its account event's id; a repeat is ignored.

  told(eventId: string | undefined): void {
    if (this.#firstTelling(eventId)) this.accountChanged = true;
  }

  disputeOpened(eventId: string | undefined): void {
    if (!this.#firstTelling(eventId)) return;
    // The new figures are read with the event, so the dispute's items leave the balance at once.
    this.accountChanged = true;
    this.inbox.push({ type: 'dispute-opened' });
  }

  portalVisited(eventId: string | undefined): void {
    if (this.#firstTelling(eventId)) this.inbox.push({ type: 'portal-visited' });
  }

  planRequested(eventId: string | undefined): void {
    if (this.#firstTelling(eventId)) this.inbox.push({ type: 'plan-requested' });
  }

  // Updates. Each validator runs first, in the same activation, and refuses a message with its reason.

  checkTask(message: TaskCompletedMessage): void {
    checkTaskCompletion(this, message);
  }

  completeTask(message: TaskCompletedMessage): { accepted: true } {
    // A promise given as the outcome holds dunning from the moment the task closes, before its edge is taken.
    if (message.promise) this.inbox.push({ type: 'promise-recorded', promiseId: message.promise.promiseId, until: message.promise.until });
    // A plan agreed on the call: every installment holds dunning, and one broken installment ends the plan's hold.
    for (const installment of message.plan?.installments ?? []) {
      this.inbox.push({ type: 'promise-recorded', promiseId: installment.promiseId, until: installment.until, planId: message.plan?.planId ?? '' });
    }
    this.inbox.push({ type: 'task-completed', taskKey: this.#engineTaskKey(message.taskKey), outcome: message.outcome });
    return { accepted: true };
  }

  checkPromise(message: PromiseMessage): void {
    checkPromise(this, message);
  }

  recordPromise(message: PromiseMessage): { accepted: true } {
    this.inbox.push({ type: 'promise-recorded', promiseId: message.promiseId, until: message.until });
    return { accepted: true };
  }

  checkArrangement(message: ArrangementMessage): void {
    checkArrangement(this, message);
  }

  recordArrangement(message: ArrangementMessage): { accepted: true } {
    const { promise, plan } = message;
    if (message.origin === 'portal' && plan) {
      this.inbox.push({ type: 'plan-requested', plan: { planId: plan.planId, installments: plan.installments.map((i) => ({ promiseId: i.promiseId, until: i.until })) } });
    } else if (plan) {
      for (const installment of plan.installments) this.inbox.push({ type: 'promise-recorded', promiseId: installment.promiseId, until: installment.until, planId: plan.planId });
    }
    if (promise) this.inbox.push({ type: 'promise-recorded', promiseId: promise.promiseId, until: promise.until, ...(message.origin === 'portal' ? { online: true } : {}) });
    return { accepted: true };
  }

  checkMigration(message: MigrateStrategyMessage): void {
    checkStrategyMigration(this, message, !this.idle || this.inbox.length > 0 || this.accountChanged);
  }

  migrate(message: MigrateStrategyMessage): { accepted: true; nodeId: string } {
    // The validator ran in this same activation, so the check still holds; the current wait runs on as started.
    const nodeId = checkStrategyMigration(this, message, false);
    if (this.state) this.state = migrateState(this.state, nodeId, message.strategyVersionId, new Date());
    this.graph = message.graph;
    this.versionId = message.strategyVersionId;
    this.index({ version: message.strategyVersionId, ...(this.state ? { node: this.state.nodeId } : {}) });
    log.info('Strategy migrated', { strategyVersionId: message.strategyVersionId, nodeId });
    return { accepted: true, nodeId };
  }

  checkPause(message: PauseMessage): void {
    checkReason(message);
    checkPause(this, this.pause !== null);
  }

  pauseRun(message: PauseMessage): { paused: true } {
    this.pause = { since: new Date().toISOString(), reason: message.reason, actorId: message.actorId };
    log.info('Collection paused', { reason: message.reason, actorId: message.actorId });
    this.index({ paused: true });
    return { paused: true };
  }

  checkResume(message: ResumeMessage): void {
    checkReason(message);
    checkResume(this.pause !== null);
  }

  resume(message: ResumeMessage): { resumed: true } {
    this.pause = null;
    log.info('Collection resumed', { reason: message.reason, actorId: message.actorId });
    this.index({ paused: false });
    return { resumed: true };
  }

  view(): CollectionStateView {
    const { graph, state } = this;
    return {
      accountId: this.accountId,
      status: state?.status ?? 'running',
      strategyVersionId: this.versionId,
      nodeId: state?.nodeId ?? '',
      nodeLabel: graph && state ? nodeLabel(graph, state.nodeId) : null,
      nextAction: graph && state ? describeNextAction(graph, state) : null,
      balance: { amountMinor: state?.account.balanceMinor ?? '0', currency: state?.account.currency ?? '' },
      awaitingTaskKey: state?.awaiting.kind === 'task-outcome' ? this.effectKey(state.awaiting.taskKey) : null,
      outcome: state?.outcome ?? null,
      decisions: state?.decisions.slice(-20) ?? [],
      paused: this.pause,
    };
  }

  /** What a continued run starts from. */
  carried(): CarriedRun {
    return { state: this.current(), ...(this.pause ? { paused: this.pause } : {}), ...(this.toldEvents.length > 0 ? { toldEvents: this.toldEvents } : {}) };
  }

  // Search attributes.

  /** Decided once, at the start of the run, so that replaying a run from before the patch never upserts. */
  startIndexing(): void {
    this.#indexing = patched(SEARCH_ATTRIBUTES_PATCH);
    this.index({ version: this.versionId, paused: this.pause !== null });
  }

  /** Upserts what changed since the last upsert: the values come from the state alone, so replays repeat them. */
  index(values: Indexed): void {
    if (!this.#indexing) return;
    const now = this.#indexed;
    const pairs: SearchAttributeUpdatePair[] = [];
    if (values.version !== undefined && values.version !== now.version) pairs.push({ key: strategyVersionKey, value: values.version });
    if (values.node !== undefined && values.node !== now.node) pairs.push({ key: nodeKey, value: values.node });
    if (values.segment !== undefined && values.segment !== now.segment) pairs.push({ key: segmentKey, value: values.segment });
    if (values.collector !== undefined && values.collector !== now.collector) pairs.push({ key: collectorKey, value: values.collector });
    if (values.paused !== undefined && values.paused !== now.paused) pairs.push({ key: pausedKey, value: values.paused ? 'true' : 'false' });
    Object.assign(now, values);
    if (pairs.length > 0) upsertSearchAttributes(pairs);
  }

  // Waiting.

  /** A pause holds the run between two steps: what is under way finishes, nothing new starts. */
  async untilResumed(): Promise<void> {
    if (this.pause) await condition(() => this.pause === null);
  }

  /** Waits for the next message, or until `waitUntil` (null: no timer), and says what happened as engine events. */
  async nextEvents(waitUntil: string | null): Promise<EngineEvent[]> {
    // Messages arriving while paused are kept, and taken in order once the run is resumed.
    const ready = () => this.pause === null && (this.inbox.length > 0 || this.accountChanged);
    if (waitUntil === null) {
      await condition(ready);
    } else {
      const remaining = Date.parse(waitUntil) - Date.now();
      const timedOut = remaining > 0 ? !(await condition(ready, remaining)) : !ready();
      if (timedOut) {
        // A wait that ran out while paused ends as soon as the run is resumed.
        await this.untilResumed();
        // Before acting on a timer, re-read the account: a payment whose signal was lost, or a new invoice,
        // must not leave the workflow dunning on stale figures.
        return [{ type: 'account-changed', account: await this.#account() }, { type: 'timer-fired' }];
      }
    }
    if (this.accountChanged) {
      this.accountChanged = false;
      return [{ type: 'account-changed', account: await this.#account() }];
    }
    const next = this.inbox.shift();
    if (!next) throw new Error('Woken without an event.');
    return [next];
  }

  #account(): Promise<AccountSnapshot> {
    return reads.loadAccountSnapshot(this.accountId);
  }

  #firstTelling(eventId: string | undefined): boolean {
    if (eventId === undefined) return true;
    if (this.toldEvents.includes(eventId)) return false;
    this.toldEvents.push(eventId);
    if (this.toldEvents.length > TOLD_EVENTS_KEPT) this.toldEvents.shift();
    return true;
  }

  /** The engine's key for a task named by its effect key; the validator has checked that there is one. */
  #engineTaskKey(taskKey: string): string {
    const awaiting = this.state?.awaiting;
    const candidates = [...(awaiting?.kind === 'task-outcome' ? [awaiting.taskKey] : []), ...(this.state?.openTasks ?? [])];
    // The fallback keeps replays under another workflow id (a recorded history) on the task the run awaited.
    return candidates.find((k) => this.effectKey(k) === taskKey) ?? candidates[0] ?? taskKey;
  }
}
