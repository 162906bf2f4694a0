import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from './logger.ts';
import { HttpError, NotFoundError, TooManyRequestsError, ValidationError } from './errors.ts';
import { isErrorNamed } from '@recoup/domain';

interface BodyParserError {
  type: string;
  status?: number;
  expose?: boolean;
  message: string;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' &&
  typeof (error as { status?: unknown }).status === 'number';

/** Errors raised by body parsing, mapped to our typed errors. */
const fromBodyParser = (error: BodyParserError): HttpError => {
  switch (error.type) {
    case 'entity.too.large':
      return new HttpError(413, 'payload-too-large', 'The request body is too large.');
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed-body', 'The request body could not be parsed.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported-media-type', error.message);
    default:
      return new HttpError(error.status ?? 400, 'bad-request', error.expose ? error.message : 'Bad request.');
  }
};

/** The router could not percent-decode a path segment ('%zz', '%C0%80'); it marks such errors 400. */
const isUndecodablePath = (error: unknown): error is URIError =>
  error instanceof URIError && (error as { status?: unknown }).status === 400;

const fromUndecodablePath = (error: URIError): HttpError => {
  const segment = /'(.*)'/.exec(error.message)?.[1] ?? '';
  const reason = 'is not valid percent-encoded UTF-8';
  return new ValidationError([{ in: 'params', path: '', reason: `${JSON.stringify(segment.slice(0, 100))} ${reason}` }], `A path segment ${reason}.`);
};


export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError('route', `No route for ${req.method} ${req.path}.`));
};

export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let http: HttpError;
    if (error instanceof HttpError) {
      http = error;
    } else if (isUndecodablePath(error)) {
      http = fromUndecodablePath(error);
    } else if (isBodyParserError(error)) {
      http = fromBodyParser(error);
    } else if (isErrorNamed(error, 'UniqueConstraintViolationException')) {
      // A concurrent request won a race on a unique key: the caller may retry and will see the winner's state.
      http = new HttpError(409, 'conflict', 'The record was changed concurrently; try again.');
    } else {
      logger.error('request failed', {
        method: req.method,
        path: req.path,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
      http = new HttpError(500, 'internal-error', 'Something went wrong on our side.');
    }
    const body: { error: { code: string; message: string; details?: unknown } } = {
      error: { code: http.code, message: http.message },
    };
    if (http.details !== undefined) body.error.details = http.details;
    if (http instanceof TooManyRequestsError) res.set('Retry-After', String(http.retryAfterSeconds));
    res.status(http.status).json(body);
  };
