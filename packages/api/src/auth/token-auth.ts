import type { Request, RequestHandler } from 'express';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiTokenScope } from '@recoup/domain';
import { runAsToken } from '../audit/audit.ts';
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from '../errors.ts';
import type { ApiTokensService } from './api-tokens.service.ts';
import { setCurrentUser } from './current-user.ts';

/** What each part of the API asks of a token: one scope to read, one to change. Anything not listed is closed. */
const SCOPED_PREFIXES: readonly { prefix: string; read: ApiTokenScope; write: ApiTokenScope }[] = [
  { prefix: '/api/accounts', read: 'accounts:read', write: 'accounts:write' },
  { prefix: '/api/disputes', read: 'accounts:read', write: 'accounts:write' },
  { prefix: '/api/imports', read: 'invoices:write', write: 'invoices:write' },
  { prefix: '/api/payments', read: 'payments:read', write: 'payments:write' },
  { prefix: '/api/bank-statements', read: 'payments:read', write: 'payments:write' },
  { prefix: '/api/statement-lines', read: 'payments:read', write: 'payments:write' },
  { prefix: '/api/tasks', read: 'tasks:read', write: 'tasks:write' },
  { prefix: '/api/kpis', read: 'kpis:read', write: 'kpis:read' },
];
/** Who the token is, and whether the API is up: any token may ask. */
const OPEN_TO_EVERY_TOKEN = new Set(['GET /api/auth/me', 'GET /api/health']);
const READS = new Set(['GET', 'HEAD']);

/**
 * The scope a token needs for the request; null when no token may make it (users, strategies, admin pages:
 * those are for people), 'none' when every token may.
 */
export const scopeNeeded = (method: string, path: string): ApiTokenScope | 'none' | null => {
  if (OPEN_TO_EVERY_TOKEN.has(`${method} ${path}`)) return 'none';
  const part = SCOPED_PREFIXES.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
  if (!part) return null;
  return READS.has(method) ? part.read : part.write;
};

// Kept beside the request, like the current user, so no global type augmentation of Express is needed.
const tokenRequests = new WeakSet<Request>();

/** Whether the request came with an API token (and so has no session and needs no CSRF token). */
export const isTokenRequest = (req: Request): boolean => tokenRequests.has(req) || req.headers.authorization !== undefined;

/**
 * Authenticates `Authorization: Bearer <secret>` requests. A token request never uses a session or a CSRF token:
 * it acts as the token's user, with that user's role and team, only on the routes its scopes open, and at most
 * `requestsPerMinute` times a minute per token (counted in PostgreSQL, so all API processes share the count).
 * Whatever it writes is audited as the token. A request without the header goes on to the session checks.
 */
export const tokenAuthentication = (tokens: ApiTokensService, pool: Pool, requestsPerMinute: number): RequestHandler => {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'api_token_rate_limit',
    tableCreated: true,
    keyPrefix: 'api-token',
    points: requestsPerMinute,
    duration: 60,
  });
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) {
      next();
      return;
    }
    tokenRequests.add(req);
    const bearer = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!bearer?.[1]) throw new UnauthenticatedError('token-malformed', 'Send the API token as "Authorization: Bearer <token>".');
    const identity = await tokens.authenticate(bearer[1]);
    try {
      const used = await limiter.consume(identity.token.id);
      res.set('RateLimit-Limit', String(requestsPerMinute));
      res.set('RateLimit-Remaining', String(used.remainingPoints));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new RateLimitedError(
        'token-rate-limited',
        `The API token "${identity.token.name}" made more than ${requestsPerMinute} requests in a minute; try again shortly.`,
        error.msBeforeNext / 1000,
      );
    }
    const path = `${req.baseUrl}${req.path}`;
    const needed = scopeNeeded(req.method, path);
    if (needed === null) {
      throw new ForbiddenError('token-route-closed', `API tokens cannot use ${req.method} ${path}; it is for people signed in to Recoup.`);
    }
    if (needed !== 'none' && !identity.token.scopes.includes(needed)) {
      throw new ForbiddenError('token-scope-missing', `${req.method} ${path} needs the scope ${needed}; the token "${identity.token.name}" has ${identity.token.scopes.join(', ')}.`);
    }
    setCurrentUser(req, identity.user);
    runAsToken({ id: identity.token.id, name: identity.token.name }, next);
  };
};
