import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ForbiddenError } from '../errors.ts';

// Synchronizer-token CSRF defence: a signed-in session's token lives in the server-side session and must come back
// in a header, which a cross-site form cannot set. A client that has not signed in has no session, and none is
// stored for it: its token is an HMAC of a random nonce that sits in its own cookie, so the server can check the
// token without keeping anything. SameSite=Lax cookies and the Origin check are further layers.

export const CSRF_HEADER = 'x-csrf-token';
/** Holds the nonce that a signed-out client's token is bound to. */
export const CSRF_NONCE_COOKIE = 'recoup.csrf';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NONCE = /^[A-Za-z0-9_-]{43}$/;

/** Login is exempt: it has no session yet and regenerates the session (and token) when it succeeds. */
const EXEMPT = new Set(['POST /api/auth/login']);

export interface CsrfOptions {
  secret: string;
  secureCookies: boolean;
}

export interface Csrf {
  /** The token this client must send: its session's once signed in, else one bound to its nonce cookie. */
  tokenFor(req: Request, res: Response): string;
  protection: RequestHandler;
}

/** A signed-in session's token, created on first use. Only ever called on a session that is being kept. */
export const ensureCsrfToken = (req: Request): string => {
  if (!req.session.csrfToken) req.session.csrfToken = randomBytes(32).toString('base64url');
  return req.session.csrfToken;
};

const sameToken = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

const cookieValue = (req: Request, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
};

const signedIn = (req: Request): boolean => req.session?.userId !== undefined;

export const createCsrf = (options: CsrfOptions): Csrf => {
  const sign = (nonce: string): string => createHmac('sha256', options.secret).update(`csrf-nonce:${nonce}`).digest('base64url');
  const nonceOf = (req: Request): string | undefined => {
    const nonce = cookieValue(req, CSRF_NONCE_COOKIE);
    return nonce !== undefined && NONCE.test(nonce) ? nonce : undefined;
  };

  return {
    tokenFor(req, res) {
      if (signedIn(req)) return ensureCsrfToken(req);
      let nonce = nonceOf(req);
      if (nonce === undefined) {
        nonce = randomBytes(32).toString('base64url');
        res.cookie(CSRF_NONCE_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: '/api' });
      }
      return sign(nonce);
    },

    protection(req, _res, next) {
      if (!MUTATING.has(req.method) || EXEMPT.has(`${req.method} ${req.baseUrl}${req.path}`)) {
        next();
        return;
      }
      const given = req.get(CSRF_HEADER);
      if (!given) throw new ForbiddenError('csrf-token-missing', `Send the CSRF token in the ${CSRF_HEADER} header.`);
      let expected: string | undefined;
      if (signedIn(req)) {
        expected = req.session.csrfToken;
      } else {
        const nonce = nonceOf(req);
        expected = nonce === undefined ? undefined : sign(nonce);
      }
      if (expected === undefined || !sameToken(expected, given)) {
        throw new ForbiddenError('csrf-token-invalid', 'The CSRF token does not match this session; fetch a new one from /api/auth/csrf.');
      }
      next();
    },
  };
};
