import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from './logger.ts';
import { ApiError, NotFoundError, ValidationError } from '../errors.ts';
import { isErrorNamed, isRecoupError, type ErrorKind, type RecoupError } from '@recoup/domain';

/** The one place an error's kind becomes an HTTP status. */
export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  refused: 422,
  'rate-limited': 429,
  unexpected: 500,
  unavailable: 503,
};

interface BodyParserError {
  type: string;
  status?: number;
  expose?: boolean;
  message: string;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' &&
  typeof (error as { status?: unknown }).status === 'number';

const kindOfParserStatus = (status: number | undefined): ErrorKind =>
  status === 413 ? 'too-large' : status === 415 ? 'unsupported' : status !== undefined && status >= 500 ? 'unexpected' : 'invalid';

/** Errors raised by body parsing, mapped to our typed errors. */
const fromBodyParser = (error: BodyParserError): ApiError => {
  switch (error.type) {
    case 'entity.too.large':
      return new ApiError('too-large', 'payload-too-large', 'The request body is too large.');
    case 'entity.parse.failed':
      return new ApiError('invalid', 'malformed-body', 'The request body could not be parsed.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError('unsupported', 'unsupported-media-type', error.message);
    default:
      return new ApiError(kindOfParserStatus(error.status), 'bad-request', error.expose ? error.message : 'Bad request.');
  }
};

/** The router could not percent-decode a path segment ('%zz', '%C0%80'); it marks such errors 400. */
const isUndecodablePath = (error: unknown): error is URIError =>
  error instanceof URIError && (error as { status?: unknown }).status === 400;

const fromUndecodablePath = (error: URIError): ApiError => {
  const segment = /'(.*)'/.exec(error.message)?.[1] ?? '';
  const reason = 'is not valid percent-encoded UTF-8';
  return new ValidationError([{ in: 'params', path: '', reason: `${JSON.stringify(segment.slice(0, 100))} ${reason}` }], `A path segment ${reason}.`);
};


export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError('route', `No route for ${req.method} ${req.path}.`));
};

/**
 * The typed error a failure stands for: a Recoup error as it is, the parsers' and the router's errors mapped, and
 * anything else logged and answered as an internal error that says nothing about internals.
 */
export const knownError = (logger: Logger, error: unknown, req: Request): RecoupError => {
  if (isRecoupError(error) && error.kind !== 'unexpected') return error;
  if (isUndecodablePath(error)) return fromUndecodablePath(error);
  if (isBodyParserError(error)) return fromBodyParser(error);
  // A concurrent request won a race on a unique key: the caller may retry and will see the winner's state.
  if (isErrorNamed(error, 'UniqueConstraintViolationException')) return new ApiError('conflict', 'conflict', 'The record was changed concurrently; try again.');
  logger.error('request failed', {
    method: req.method,
    path: req.path,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  return new ApiError('unexpected', 'internal-error', 'Something went wrong on our side.');
};

/** Seconds a rate-limited error asks the client to wait, when it says. */
export const retryAfterOf = (known: RecoupError): number | null => {
  const retryAfter = (known.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return known.kind === 'rate-limited' && typeof retryAfter === 'number' ? retryAfter : null;
};

export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = knownError(logger, error, req);
    const body: { error: { code: string; message: string; details?: unknown } } = {
      error: { code: known.code, message: known.message },
    };
    if (known.details !== undefined) body.error.details = known.details;
    const retryAfter = retryAfterOf(known);
    if (retryAfter !== null) res.set('Retry-After', String(retryAfter));
    res.status(STATUS_OF_KIND[known.kind]).json(body);
  };
