import type { Request, RequestHandler } from 'express';
import { ForbiddenError } from '../errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What Sec-Fetch-Site says of a request the page itself made, or one the user started (typed, bookmarked). */
const OWN_SITE = new Set(['same-origin', 'none']);

const requestOrigin = (req: Request): string => `${req.protocol}://${(req.get('host') ?? '').toLowerCase()}`;

/**
 * Refuses a state-changing request that a browser says comes from another origin. Browsers send Origin on every
 * such request (and Sec-Fetch-Site where they do not), and a page cannot forge either. A client that sends
 * neither is no browser (a script, an integration): it cannot carry a victim's cookies, and still needs the CSRF
 * token. The app's own origin is PUBLIC_URL's; without PUBLIC_URL it is the origin the request came to.
 */
export const requireSameOrigin =
  (publicOrigin: string | null): RequestHandler =>
  (req, _res, next) => {
    if (!MUTATING.has(req.method)) {
      next();
      return;
    }
    const expected = publicOrigin ?? requestOrigin(req);
    const origin = req.get('origin');
    if (origin !== undefined) {
      if (origin.toLowerCase() !== expected) {
        throw new ForbiddenError('cross-origin-request', `Requests that change data must come from ${expected}; this one came from ${origin.slice(0, 200)}.`);
      }
      next();
      return;
    }
    const site = req.get('sec-fetch-site');
    if (site !== undefined && !OWN_SITE.has(site.toLowerCase())) {
      throw new ForbiddenError('cross-site-request', `Requests that change data must come from ${expected}; the browser says this one is ${site.slice(0, 40)}.`);
    }
    next();
  };
