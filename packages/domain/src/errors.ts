/** The message of anything thrown: an Error's own message, or the thrown value as text. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Whether `error` is an Error of that name (or class name). For errors that cross a package, bundle or process
 * boundary, where `instanceof` cannot be trusted: two copies of a class are two classes.
 */
export const isErrorNamed = (error: unknown, name: string): boolean =>
  error instanceof Error && (error.name === name || error.constructor.name === name);

/**
 * What kind of failure an error is, which is all a caller needs to decide what to do with it. The API's error
 * middleware maps each kind to one HTTP status, in one place; nothing below the API knows about HTTP.
 * - invalid: the input is malformed or out of bounds (the caller must change it);
 * - refused: well-formed, but a business rule forbids it now;
 * - not-found: what was named does not exist (or is outside the caller's scope);
 * - conflict: it clashes with the current state (a duplicate, a concurrent change, a workflow that said no);
 * - forbidden / unauthenticated: the caller may not, or has not signed in;
 * - too-large / unsupported: the input is too big, or in a format that is not taken;
 * - rate-limited: too many attempts; try again later;
 * - unavailable: a service Recoup needs did not answer; the same request may work later;
 * - unexpected: a broken invariant, that is a bug. Its message is logged, never shown.
 */
export const ERROR_KINDS = [
  'invalid',
  'refused',
  'not-found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'too-large',
  'unsupported',
  'rate-limited',
  'unavailable',
  'unexpected',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface RecoupErrorOptions {
  /** Structured facts for programs, sent with the error (the fields that failed, a retry delay...). */
  details?: unknown;
  cause?: unknown;
}

/**
 * The root of every error Recoup throws on purpose. Each package has one base class under it (DomainError,
 * DbError, WorkflowsError, ApiError, ConfigError). `code` is stable and meant for programs; `message` is for people.
 */
export class RecoupError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: unknown;

  constructor(kind: ErrorKind, code: string, message: string, options: RecoupErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.details = options.details;
  }
}

const KINDS: ReadonlySet<string> = new Set(ERROR_KINDS);

/**
 * Whether `error` is a RecoupError. Judged by its shape as well as its class, because an error from another copy
 * of the domain (a worker thread's bundle, a second installed copy) is not an instance of this one's class.
 */
export const isRecoupError = (error: unknown): error is RecoupError =>
  error instanceof RecoupError ||
  (error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    KINDS.has(String((error as { kind?: unknown }).kind)));

/** Whether `error` is a RecoupError with this code. */
export const hasErrorCode = (error: unknown, code: string): error is RecoupError => isRecoupError(error) && error.code === code;

/** Base of every error the domain throws: bad input (kind invalid, the default) or a broken invariant. */
export class DomainError extends RecoupError {
  constructor(code: string, message: string, kind: ErrorKind = 'invalid', options: RecoupErrorOptions = {}) {
    super(kind, code, message, options);
  }
}
