import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdTimeFunctions } from 'pino';
import type { LogLevel } from './config.ts';

// The server processes' logger: pino, one JSON line per entry on stderr. Every entry written while a request is
// being served (and every entry of an activity that request set going) carries that request's id, so one id
// follows a request from the API into the workflow's activities.

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

/** A request id as a client may send it (X-Request-Id) and as it goes into Temporal headers. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` as part of the request (or the activity) with this id: what it logs carries the id. */
export const withRequestId = <T>(requestId: string, work: () => T): T => requestContext.run({ requestId }, work);

/** The id of the request being served here, if any. */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

/** Logs to stderr, or through `write` (one line per call), at `level` and above. */
export const createLogger = (level: LogLevel, write?: (line: string) => void): Logger => {
  const base = pino(
    {
      level,
      base: null,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    write ? { write } : pino.destination({ fd: 2, sync: true }),
  );
  return {
    error: (message, fields) => base.error(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    info: (message, fields) => base.info(fields ?? {}, message),
    debug: (message, fields) => base.debug(fields ?? {}, message),
  };
};

export const silentLogger: Logger = createLogger('silent');
