import { DomainError } from '../errors.ts';

export class InvalidKpiInputError extends DomainError {
  readonly field: string;

  constructor(field: string, why: string) {
    super('invalid-kpi-input', `${field} ${why}.`);
    this.field = field;
  }
}
