import { ActivityFailure, ApplicationFailure, allHandlersFinished, condition, log, patched } from '@temporalio/workflow';
import type { CommandHandlers, EndOutcome, EngineEvent } from '@recoup/domain';
import type { SendReminderResult } from '../activities/activity-types.ts';
import { FAILURE_TYPES } from '../shared/definitions.ts';
import { effects, reads, sending } from './collection-activities.ts';
import type { CollectionRun } from './collection-run.ts';

// What the collection workflow does for each command of the interpreter: one handler per command type, checked
// exhaustive by CommandHandlers, as the simulator's are (packages/domain/src/simulation/account-run.ts). Each turns
// its command into an activity and says, as an engine event, what came of it.

/** The run has ended with this outcome. */
export interface Ended {
  ended: EndOutcome;
}

/** An engine event to step with, nothing (the outcome arrives later, as a message), or the end of the run. */
export type CommandResult = EngineEvent | Ended | undefined;

/** Runs that began before end nodes recorded write-offs and agency handovers complete without that activity. */
const CLOSE_ACCOUNT_PATCH = 'close-account-on-end';
/** From here on every ending closes the account's open tasks, settled ones included. */
const CLOSE_TASKS_PATCH = 'close-tasks-on-end';

const DAY_MS = 86_400_000;

function isFailureOfType(error: unknown, type: string): error is ActivityFailure {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === type;
}

const done = (nodeId: string): EngineEvent => ({ type: 'action-done', nodeId });

/**
 * A provider that refuses a message for good (a bad number, a rejected address) fails the activity without
 * retries; the refusal is in the communication log, and the strategy goes on rather than failing the account.
 */
async function sendOnce(reminder: Parameters<typeof sending.sendReminder>[0]): Promise<SendReminderResult | null> {
  try {
    return await sending.sendReminder(reminder);
  } catch (error) {
    if (!isFailureOfType(error, FAILURE_TYPES.providerRefused)) throw error;
    log.warn('Reminder refused by the provider', { nodeId: reminder.nodeId, reason: String(error) });
    return null;
  }
}

export const commandHandlers: CommandHandlers<CollectionRun, Promise<CommandResult>> = {
  // The wait itself is read from the state after the step, so a resumed or re-planned wait is never lost.
  'wait-until': async () => undefined,

  'evaluate-condition': async ({ nodeId, input }, run) => {
    // Local activities see the worker's clock, not Temporal's: the facts are computed as of the workflow's.
    const evaluated = await reads.evaluateCondition({ accountId: run.accountId, nodeId, condition: input.condition, asOf: new Date().toISOString() });
    return { type: 'condition-evaluated', nodeId, result: evaluated.result, matched: evaluated.matched };
  },

  'evaluate-switch': async ({ nodeId, input }, run) => {
    const evaluated = await reads.evaluateSwitch({ accountId: run.accountId, nodeId, rules: input.rules, asOf: new Date().toISOString() });
    return { type: 'switch-evaluated', nodeId, outcome: evaluated.outcome, matched: evaluated.matched };
  },

  'send-reminder': async (command, run) => {
    const sent = await sendOnce({ ...run.effect(command), ...command.input });
    return sent?.status === 'deferred'
      ? { type: 'action-deferred', nodeId: command.nodeId, until: sent.deferredUntil, reason: sent.reason }
      : done(command.nodeId);
  },

  'create-task': async (command, run) => {
    const created = await effects.createTask({ ...run.effect(command), ...command.input });
    if (created.status === 'deferred') return { type: 'action-deferred', nodeId: command.nodeId, until: created.deferredUntil, reason: created.reason };
    // A task the run does not wait for: go on at once. Otherwise its outcome arrives as an Update.
    return run.current().awaiting.kind === 'action' ? done(command.nodeId) : undefined;
  },

  escalate: async (command, run) => {
    await effects.escalate({ ...run.effect(command), ...command.input });
    return done(command.nodeId);
  },

  'assign-collector': async (command, run) => {
    const assigned = await effects.assignCollector({ ...run.effect(command), ...command.input });
    run.index({ collector: assigned.assigneeId });
    return done(command.nodeId);
  },

  'set-tags': async (command, run) => {
    const tagged = await effects.setTags({ ...run.effect(command), ...command.input });
    // The activity says what may be indexed; a history from before it said so indexed the segment itself.
    const searchSegment = 'searchSegment' in tagged ? tagged.searchSegment : tagged.segment;
    if (searchSegment) run.index({ segment: searchSegment });
    return done(command.nodeId);
  },

  'create-payment-plan': async (command, run) => {
    try {
      const created = await effects.createPaymentPlan({ ...run.effect(command), ...command.input });
      return { type: 'plan-created', nodeId: command.nodeId, planId: created.planId, installments: created.installments };
    } catch (error) {
      // The balance changed under the plan (a dispute opened meanwhile): look again a day later.
      if (!isFailureOfType(error, FAILURE_TYPES.nothingToPlan)) throw error;
      const until = new Date(Date.now() + DAY_MS).toISOString();
      return { type: 'action-deferred', nodeId: command.nodeId, until, reason: 'nothing is collectible to spread over a plan' };
    }
  },

  'check-promise': async ({ input }, run) => {
    const checked = await effects.checkPromise({ accountId: run.accountId, promiseId: input.promiseId });
    return { type: 'promise-resolved', promiseId: input.promiseId, status: checked.status };
  },

  complete: async (command, run) => {
    const { outcome } = command.input;
    if (((outcome === 'written-off' || outcome === 'agency') && patched(CLOSE_ACCOUNT_PATCH)) || patched(CLOSE_TASKS_PATCH)) {
      await effects.closeAccount({ ...run.effect(command), outcome });
    }
    // Let an in-flight Update or signal handler finish before the run closes.
    await condition(allHandlersFinished);
    log.info('Collection ended', { outcome });
    return { ended: outcome };
  },
};
