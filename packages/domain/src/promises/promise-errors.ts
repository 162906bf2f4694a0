import { DomainError } from '../errors.ts';

/** One reason a promise to pay cannot be accepted, naming the field it concerns. */
export interface PromiseProblem {
  /** Dotted path of the field in the request: 'amount.amountMinor', 'amount.currency', 'dueDate', 'graceDays'. */
  field: string;
  code: string;
  message: string;
}

export class InvalidPromiseError extends DomainError {
  readonly problems: PromiseProblem[];

  constructor(problems: PromiseProblem[]) {
    super('invalid-promise', problems.map((p) => p.message).join(' '));
    this.problems = problems;
  }
}

export class InvalidPaymentPlanError extends DomainError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('invalid-payment-plan', message);
    this.field = field;
  }
}
