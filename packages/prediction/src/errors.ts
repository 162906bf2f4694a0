import { RecoupError, type ErrorKind } from '@recoup/domain';

/** The prediction package's one base error. */
export class PredictionError extends RecoupError {
  constructor(code: string, message: string, kind: ErrorKind = 'invalid') {
    super(kind, code, message);
  }
}

/** Too few paid invoices, or only one kind of outcome, to learn anything from. */
export class NotEnoughHistoryError extends PredictionError {
  constructor(why: string) {
    super('not-enough-history', why, 'conflict');
  }
}
