import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ForbiddenError } from '../http/errors.ts';

// Synchronizer-token CSRF defence: the token lives in the server-side session and must come back in a header,
// which a cross-site form cannot set. SameSite=Lax cookies are the second layer.

export const CSRF_HEADER = 'x-csrf-token';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Login is exempt: it has no session yet and regenerates the session (and token) when it succeeds. */
const EXEMPT = new Set(['POST /api/auth/login']);

export const ensureCsrfToken = (req: Request): string => {
  if (!req.session.csrfToken) req.session.csrfToken = randomBytes(32).toString('base64url');
  return req.session.csrfToken;
};

const sameToken = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (!MUTATING.has(req.method) || EXEMPT.has(`${req.method} ${req.baseUrl}${req.path}`)) {
    next();
    return;
  }
  const given = req.get(CSRF_HEADER);
  const expected = req.session.csrfToken;
  if (!given) throw new ForbiddenError('csrf-token-missing', `Send the CSRF token in the ${CSRF_HEADER} header.`);
  if (!expected || !sameToken(expected, given)) {
    throw new ForbiddenError('csrf-token-invalid', 'The CSRF token does not match this session.');
  }
  next();
};
