import { ApplicationFailure } from '@temporalio/workflow';
import type { EngineState, StrategyGraph } from '@recoup/domain';
import { checkMigration, taskOutcomesAt } from '@recoup/domain/interpreter';
import type { ArrangementMessage, MigrateStrategyMessage, PromiseMessage, TaskCompletedMessage } from '../shared/definitions.ts';

// The validators of the workflow's Updates: each refuses a message, with the reason, before it enters history.
// They only read the state, so a refused message leaves no trace in the run.

const refuse = (message: string, type: string): never => {
  throw ApplicationFailure.nonRetryable(message, type);
};

export interface RunView {
  state: EngineState | undefined;
  graph: StrategyGraph | undefined;
  effectKey: (key: string) => string;
}

export function checkTaskCompletion(run: RunView, message: TaskCompletedMessage): void {
  const awaiting = run.state?.awaiting;
  const waitingFor = awaiting?.kind === 'task-outcome' ? run.effectKey(awaiting.taskKey) : null;
  const open = (run.state?.openTasks ?? []).map(run.effectKey);
  if (waitingFor !== message.taskKey && !open.includes(message.taskKey)) {
    refuse(`The workflow is not waiting for task ${message.taskKey}.`, 'TaskNotAwaited');
  }
  const here = run.graph?.nodes.find((n) => n.id === run.state?.nodeId);
  if (waitingFor === message.taskKey && !taskOutcomesAt(here).includes(message.outcome)) {
    refuse(`Outcome "${message.outcome}" is not one of this task's outcomes.`, 'UnknownOutcome');
  }
}

export function checkPromise(run: RunView, message: PromiseMessage): void {
  const state = run.state;
  if (!state || state.status === 'ended') return refuse('The account has finished its strategy; there is no dunning to hold.', 'NotRunning');
  if (message.currency !== state.account.currency) {
    refuse(`The promise is in ${message.currency}, but the account is in ${state.account.currency}.`, 'CurrencyMismatch');
  }
  if (!/^\d+$/.test(message.amountMinor) || BigInt(message.amountMinor) <= 0n) {
    refuse('The promised amount must be a positive number of minor units.', 'InvalidAmount');
  }
  if (Number.isNaN(Date.parse(message.until))) refuse(`The promise deadline "${message.until}" is not a date.`, 'InvalidDate');
}

/** A promise or plan from the portal or a collector's review: each of its promises must fit the account. */
export function checkArrangement(run: RunView, message: ArrangementMessage): void {
  if (message.origin !== 'portal' && message.origin !== 'review') refuse(`"${String(message.origin)}" is not where an arrangement comes from.`, 'InvalidOrigin');
  const promises = [...(message.promise ? [message.promise] : []), ...(message.plan?.installments ?? [])];
  if (promises.length === 0) refuse('The arrangement holds neither a promise nor a plan.', 'EmptyArrangement');
  for (const promise of promises) checkPromise(run, promise);
}

/** Returns the node the account moves to. `busy`: the loop is in the middle of a step. */
export function checkStrategyMigration(run: RunView, message: MigrateStrategyMessage, busy: boolean): string {
  if (!run.state || !run.graph) return refuse('The workflow has not started its strategy yet.', 'NotStarted');
  if (busy) refuse('The workflow is in the middle of a step; try again in a moment.', 'Busy');
  const checked = checkMigration(run.graph, message.graph, run.state, message.nodeMapping);
  if (!checked.ok) return refuse(checked.reason, 'MigrationRefused');
  return checked.nodeId;
}

export function checkPause(run: RunView, paused: boolean): void {
  if (run.state?.status === 'ended') refuse('The workflow has finished its strategy; there is nothing to pause.', 'NotRunning');
  if (paused) refuse('The workflow is paused already.', 'AlreadyPaused');
}

export function checkResume(paused: boolean): void {
  if (!paused) refuse('The workflow is not paused.', 'NotPaused');
}

export function checkReason(message: { reason: string; actorId: string }): void {
  if (typeof message.reason !== 'string' || message.reason.trim() === '') refuse('Give a reason.', 'ReasonMissing');
}
