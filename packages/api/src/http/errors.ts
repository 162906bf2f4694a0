// Typed HTTP errors. The error middleware turns each into `{ error: { code, message, details } }` with its status;
// anything else becomes a 500 that says nothing about internals.

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface FieldIssue {
  /** Where the field was: body, query, params or a header. */
  in: string;
  /** Dotted path of the field inside it ('' for the whole thing). */
  path: string;
  reason: string;
}

export class ValidationError extends HttpError {
  constructor(fields: FieldIssue[], message = 'The request is not valid.') {
    super(400, 'validation-failed', message, { fields });
  }
}

export class BadRequestError extends HttpError {
  constructor(code: string, message: string, details?: unknown) {
    super(400, code, message, details);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(code = 'unauthenticated', message = 'Log in first.') {
    super(401, code, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(code = 'forbidden', message = 'You may not do this.') {
    super(403, code, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(what = 'resource', message?: string) {
    super(404, 'not-found', message ?? `No such ${what}.`);
  }
}

export class ConflictError extends HttpError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(message = 'The request body is too large.', code = 'payload-too-large', details?: unknown) {
    super(413, code, message, details);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(expected: string) {
    super(415, 'unsupported-media-type', `Send the body as ${expected}.`);
  }
}

/** A well-formed request that breaks a business rule. */
export class BusinessRuleError extends HttpError {
  constructor(code: string, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}

/** Too many attempts: the client may try again after `retryAfterSeconds`, which goes out as Retry-After. */
export class TooManyRequestsError extends HttpError {
  readonly retryAfterSeconds: number;

  constructor(code: string, message: string, retryAfterSeconds: number, details: Record<string, unknown> = {}) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(429, code, message, { ...details, retryAfterSeconds: seconds });
    this.retryAfterSeconds = seconds;
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(code: string, message: string, details?: unknown) {
    super(503, code, message, details);
  }
}
