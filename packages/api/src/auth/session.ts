import './session-data.ts';
import { randomBytes } from 'node:crypto';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { RequestHandler } from 'express';
import type { Logger } from '../http/logger.ts';

export const SESSION_COOKIE = 'recoup.sid';
const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

export interface SessionOptions {
  databaseUrl: string;
  secret: string | null;
  secureCookies: boolean;
  logger: Logger;
}

export interface SessionMiddleware {
  middleware: RequestHandler;
  close(): Promise<void>;
}

/** Server-side sessions in PostgreSQL (the `session` table comes from the migrations, never created here). */
export const createSessionMiddleware = (options: SessionOptions): SessionMiddleware => {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    conString: options.databaseUrl,
    tableName: 'session',
    createTableIfMissing: false,
    errorLog: (...args: unknown[]) => options.logger.error('session store', { detail: args.map(String).join(' ') }),
  });
  let secret = options.secret;
  if (secret === null) {
    // Sessions then end with the process; acceptable for a local run, which is the only place this happens.
    options.logger.warn('SESSION_SECRET is not set: using a random secret, sessions will not survive a restart');
    secret = randomBytes(32).toString('hex');
  }
  const middleware = session({
    name: SESSION_COOKIE,
    store,
    secret,
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
