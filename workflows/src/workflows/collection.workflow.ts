import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import type { EngineCommand, EngineEvent, EngineState } from '@recoup/domain';
// The interpreter alone, not the package's barrel: workflow code is bundled into every workflow context, and the
// barrel would bring schemas and tables the interpreter does not use.
import { dispatchCommand, nextWakeAt, step } from '@recoup/domain/interpreter';
import {
  accountChangedSignal,
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
import { reads } from './collection-activities.ts';
import { commandHandlers } from './collection-commands.ts';
import { CollectionRun, type CarriedRun } from './collection-run.ts';

export interface CollectionWorkflowInput {
  accountId: string;
  strategyVersionId: string;
  /** Present when the run was continued-as-new: the engine state, and an admin's pause, carry over unchanged. */
  carried?: CarriedRun;
}

export interface CollectionWorkflowResult {
  outcome: NonNullable<EngineState['outcome']>;
  nodeId: string;
}

/**
 * A long-lived account continues as new with its state, well before Temporal's 10,240-event warning. The check
 * runs at wait points, so the margin below 2,000 leaves room for the steps between two waits.
 */
const HISTORY_EVENTS_BEFORE_CONTINUE = 1_800;

/**
 * One account's collection lifecycle. All decisions come from the pure interpreter `step`; this loop only runs its
 * commands (collection-commands.ts), waits for the outside world and feeds what happened back as events.
 */
export async function collectionWorkflow(input: CollectionWorkflowInput): Promise<CollectionWorkflowResult> {
  const run = new CollectionRun(input.accountId, input.strategyVersionId, input.carried);
  // Handlers are registered before the first await, so queries and messages are never refused at start.
  setHandler(paymentAppliedSignal, (message) => run.told(message.eventId));
  setHandler(accountChangedSignal, (message) => run.told(message?.eventId));
  setHandler(disputeOpenedSignal, (message) => run.disputeOpened(message?.eventId));
  setHandler(portalVisitedSignal, (message) => run.portalVisited(message?.eventId));
  setHandler(planRequestedSignal, (message) => run.planRequested(message?.eventId));
  setHandler(completeTaskUpdate, (message) => run.completeTask(message), { validator: (message) => run.checkTask(message) });
  setHandler(recordPromiseUpdate, (message) => run.recordPromise(message), { validator: (message) => run.checkPromise(message) });
  setHandler(recordArrangementUpdate, (message) => run.recordArrangement(message), { validator: (message) => run.checkArrangement(message) });
  setHandler(migrateStrategyUpdate, (message) => run.migrate(message), { validator: (message) => run.checkMigration(message) });
  setHandler(pauseUpdate, (message) => run.pauseRun(message), { validator: (message) => run.checkPause(message) });
  setHandler(resumeUpdate, (message) => run.resume(message), { validator: (message) => run.checkResume(message) });
  setHandler(stateQuery, () => run.view());
  run.startIndexing();

  run.graph = (await reads.loadStrategyVersion(input.strategyVersionId)).graph;
  let commands: EngineCommand[] = [];
  if (!run.state) {
    const account = await reads.loadAccountSnapshot(input.accountId);
    ({ state: run.state, commands } = step(run.strategy(), null, { type: 'start', account }, new Date()));
  }
  run.index({ node: run.current().nodeId });

  for (;;) {
    const events: EngineEvent[] = [];
    for (const command of commands) {
      await run.untilResumed();
      const result = await dispatchCommand(commandHandlers, command, run);
      if (result && 'ended' in result) return { outcome: result.ended, nodeId: run.current().nodeId };
      if (result) events.push(result);
    }
    if (events.length === 0) {
      if (run.current().status === 'ended') {
        // The engine ended without a complete command: a bug in the interpreter, worth a loud failure.
        throw new Error(`Engine ended at node ${run.current().nodeId} without completing.`);
      }
      const { historyLength, continueAsNewSuggested } = workflowInfo();
      if (historyLength > HISTORY_EVENTS_BEFORE_CONTINUE || continueAsNewSuggested) {
        await condition(allHandlersFinished);
        if (run.inbox.length === 0 && !run.accountChanged) {
          return await continueAsNew<typeof collectionWorkflow>({ accountId: input.accountId, strategyVersionId: run.versionId, carried: run.carried() });
        }
      }
      run.idle = true;
      try {
        events.push(...(await run.nextEvents(nextWakeAt(run.current()))));
      } finally {
        run.idle = false;
      }
    }
    commands = [];
    for (const event of events) {
      const result = step(run.strategy(), run.current(), event, new Date());
      run.state = result.state;
      commands.push(...result.commands);
    }
    run.index({ node: run.current().nodeId });
  }
}
