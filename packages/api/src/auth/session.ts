import './session-data.ts';
import { randomBytes } from 'node:crypto';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import type { Logger } from '../http/logger.ts';

export const SESSION_COOKIE = 'recoup.sid';
const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

export interface SessionOptions {
  pool: Pool;
  secret: string;
  secureCookies: boolean;
  logger: Logger;
}

export interface SessionMiddleware {
  middleware: RequestHandler;
  close(): Promise<void>;
}

/** SESSION_SECRET, or for a local run without one a random secret that lives as long as the process. */
export const sessionSecret = (configured: string | null, logger: Logger): string => {
  if (configured !== null) return configured;
  // Sessions then end with the process; acceptable for a local run, which is the only place this happens.
  logger.warn('SESSION_SECRET is not set: using a random secret, sessions will not survive a restart');
  return randomBytes(32).toString('hex');
};

/**
 * Server-side sessions in PostgreSQL (the `session` table comes from the migrations, never created here). A row is
 * stored only once a session has something to keep, which is at sign-in: saveUninitialized is off, and nothing
 * before sign-in writes to the session.
 */
export const createSessionMiddleware = (options: SessionOptions): SessionMiddleware => {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: options.pool,
    tableName: 'session',
    createTableIfMissing: false,
    errorLog: (...args: unknown[]) => options.logger.error('session store', { detail: args.map(String).join(' ') }),
  });
  const middleware = session({
    name: SESSION_COOKIE,
    store,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: options.secureCookies,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: EIGHT_HOURS_MS, path: '/' },
  });
  return {
    middleware,
    close: async () => {
      await Promise.resolve(store.close());
    },
  };
};
