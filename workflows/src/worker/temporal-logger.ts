import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Logger } from '@recoup/config';

const RANK: Record<TemporalLogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

/**
 * The Temporal SDK's logger (workflow, activity and worker logs) written through Recoup's logger, so they are the
 * same JSON lines as the rest, with the activity's request id among their fields. Entries below `minimum` are
 * dropped: the SDK logs every bundling step at INFO.
 */
export function temporalLogger(logger: Logger, minimum: TemporalLogLevel): TemporalLogger {
  const log = (level: TemporalLogLevel, message: string, meta?: LogMetadata): void => {
    if (RANK[level] < RANK[minimum]) return;
    const fields = meta as Record<string, unknown> | undefined;
    if (level === 'ERROR') logger.error(message, fields);
    else if (level === 'WARN') logger.warn(message, fields);
    else if (level === 'INFO') logger.info(message, fields);
    else logger.debug(message, fields);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
