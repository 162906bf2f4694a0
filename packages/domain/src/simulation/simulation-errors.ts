import { DomainError } from '../errors.ts';

/** The simulation was asked something impossible (bad dates, fractions outside 0..1): the caller's mistake. */
export class SimulationInputError extends DomainError {
  constructor(message: string) {
    super('simulation-invalid-input', message);
  }
}

/**
 * A condition the built-in evaluator cannot evaluate. json-rules-engine rejects the same conditions in production
 * (the activity fails), so the simulator refuses them instead of guessing a result.
 */
export class RuleEvaluationError extends DomainError {
  readonly fact: string;
  readonly operator: string;

  constructor(fact: string, operator: string, reason: string) {
    super('simulation-rule-unsupported', `Cannot evaluate "${fact} ${operator}": ${reason}`);
    this.fact = fact;
    this.operator = operator;
  }
}
