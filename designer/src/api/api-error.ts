// Codes the client invents itself, for failures where the server never answered with an error body.
export const SERVER_UNREACHABLE = 'server_unreachable';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

/** Any failed API call: the server's `{ error: { code, message, details } }`, or a client-side failure. */
export class ApiError extends Error {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  get isUnreachable(): boolean {
    return this.code === SERVER_UNREACHABLE;
  }
}

export function unreachable(cause?: unknown): ApiError {
  const error = new ApiError(
    0,
    SERVER_UNREACHABLE,
    'Cannot reach the Recoup server. Check that it is running and try again.',
  );
  if (cause !== undefined) error.cause = cause;
  return error;
}

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
