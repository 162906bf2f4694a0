import type { LogLevel } from '@recoup/config';

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 99 };

/** One JSON line per entry on stderr, so logs stay machine-readable without another dependency. */
export const createLogger = (level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line)): Logger => {
  const emit = (entryLevel: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (RANK[entryLevel] < RANK[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: entryLevel, msg: message, ...fields })}\n`);
  };
  return {
    error: (message, fields) => emit('error', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    info: (message, fields) => emit('info', message, fields),
    debug: (message, fields) => emit('debug', message, fields),
  };
};

export const silentLogger: Logger = createLogger('silent');
