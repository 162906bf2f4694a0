import { DomainError } from '../errors.ts';

/** Errors here mean the graph or the caller is broken (a validated graph never triggers them), never bad luck. */
export class EngineError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'unexpected');
  }
}

export class UnknownNodeError extends EngineError {
  readonly nodeId: string;

  constructor(nodeId: string) {
    super('engine-unknown-node', `The strategy has no node "${nodeId}".`);
    this.nodeId = nodeId;
  }
}

export class MissingEdgeError extends EngineError {
  readonly nodeId: string;
  readonly handle: string;

  constructor(nodeId: string, handle: string) {
    super('engine-missing-edge', `Node "${nodeId}" has no connection on exit "${handle}".`);
    this.nodeId = nodeId;
    this.handle = handle;
  }
}

export class UnknownTaskOutcomeError extends EngineError {
  readonly nodeId: string;
  readonly outcome: string;

  constructor(nodeId: string, outcome: string, allowed: readonly string[]) {
    super(
      'engine-unknown-task-outcome',
      `Task "${nodeId}" has no outcome "${outcome}"; it accepts ${allowed.map((o) => `"${o}"`).join(', ')}.`,
    );
    this.nodeId = nodeId;
    this.outcome = outcome;
  }
}

export class RunawayStepError extends EngineError {
  readonly limit: number;

  constructor(limit: number, nodeId: string) {
    super(
      'engine-runaway',
      `More than ${limit} nodes were passed in one step (last at "${nodeId}"); the strategy loops without waiting.`,
    );
    this.limit = limit;
  }
}

export class MissingStateError extends EngineError {
  constructor(eventType: string) {
    super('engine-missing-state', `A "${eventType}" event needs a running state; only "start" begins without one.`);
  }
}
