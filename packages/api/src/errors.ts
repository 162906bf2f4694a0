import { RecoupError, type ErrorKind } from '@recoup/domain';

// The API's errors. Each says what kind of failure it is and nothing about HTTP: the error middleware maps the
// kind to a status in one place (http/error-middleware.ts) and answers `{ error: { code, message, details } }`.
// Errors of the other packages (DomainError, DbError, WorkflowsError, ConfigError) carry a kind too and are
// answered the same way; anything else is a bug and becomes a 500 that says nothing about internals.

export class ApiError extends RecoupError {
  constructor(kind: ErrorKind, code: string, message: string, details?: unknown) {
    super(kind, code, message, details === undefined ? {} : { details });
  }
}

export interface FieldIssue {
  /** Where the field was: body, query, params or a header. */
  in: string;
  /** Dotted path of the field inside it ('' for the whole thing). */
  path: string;
  reason: string;
}

/** Input that is malformed or out of bounds, naming each field and why. */
export class ValidationError extends ApiError {
  constructor(fields: FieldIssue[], message = 'The request is not valid.') {
    super('invalid', 'validation-failed', message, { fields });
  }
}

/** Input that is not valid as a whole (a bad token, a malformed body). */
export class InvalidInputError extends ApiError {
  constructor(code: string, message: string, details?: unknown) {
    super('invalid', code, message, details);
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(code = 'unauthenticated', message = 'Log in first.') {
    super('unauthenticated', code, message);
  }
}

export class ForbiddenError extends ApiError {
  constructor(code = 'forbidden', message = 'You may not do this.') {
    super('forbidden', code, message);
  }
}

export class NotFoundError extends ApiError {
  constructor(what = 'resource', message?: string) {
    super('not-found', 'not-found', message ?? `No such ${what}.`);
  }
}

export class ConflictError extends ApiError {
  constructor(code: string, message: string, details?: unknown) {
    super('conflict', code, message, details);
  }
}

export class TooLargeError extends ApiError {
  constructor(message = 'The request body is too large.', code = 'payload-too-large', details?: unknown) {
    super('too-large', code, message, details);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(expected: string) {
    super('unsupported', 'unsupported-media-type', `Send the body as ${expected}.`);
  }
}

/** A well-formed request that breaks a business rule. */
export class BusinessRuleError extends ApiError {
  constructor(code: string, message: string, details?: unknown) {
    super('refused', code, message, details);
  }
}

/** Too many attempts: the client may try again after `retryAfterSeconds`. */
export class RateLimitedError extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(code: string, message: string, retryAfterSeconds: number, details: Record<string, unknown> = {}) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super('rate-limited', code, message, { ...details, retryAfterSeconds: seconds });
    this.retryAfterSeconds = seconds;
  }
}

/** A service the request needs (Temporal, the database) did not answer; the same request may work later. */
export class UnavailableError extends ApiError {
  constructor(code: string, message: string, details?: unknown) {
    super('unavailable', code, message, details);
  }
}
