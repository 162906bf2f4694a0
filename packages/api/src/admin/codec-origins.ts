import type { Request, RequestHandler } from 'express';
import { ForbiddenError } from '../errors.ts';

// Who may call the codec endpoints from a browser. The Temporal Web UI runs on its own origin and calls them from
// the admin's browser, with the admin's cookies, so it needs CORS; every other origin is refused outright, before
// authentication, so a foreign page can neither read an answer nor have a request served.

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** The headers the Web UI and the CLI send: the JSON body, the namespace, and the UI's optional access token. */
const ALLOWED_HEADERS = ['content-type', 'x-namespace', 'authorization'];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

const requestOrigin = (req: Request): string => `${req.protocol}://${(req.get('host') ?? '').toLowerCase()}`;

/**
 * The Web UI's origin, and on a loopback host the same port under the other loopback names: a dev server's UI is
 * reachable as localhost and as 127.0.0.1, and either may be the one in the address bar.
 */
export const webUiOrigins = (uiUrl: string | null): Set<string> => {
  if (!uiUrl) return new Set();
  const url = new URL(uiUrl);
  const origins = new Set([url.origin]);
  if (LOOPBACK_HOSTS.includes(url.hostname)) {
    for (const host of LOOPBACK_HOSTS) origins.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
  }
  return origins;
};

export interface CodecOriginOptions {
  /** TEMPORAL_UI_URL, or the embedded dev server's UI. */
  uiUrl: string | null;
  /** PUBLIC_URL's origin; null: the origin the request came to. */
  publicOrigin: string | null;
}

/**
 * Refuses a browser request from any origin but the app's own and the Web UI's, answers CORS preflights, and marks
 * allowed responses readable with credentials. A request without Origin and without a cross-site Sec-Fetch-Site
 * is not a browser's (the CLI): it carries only the cookie its user chose to give it.
 */
export const codecOrigins = (options: CodecOriginOptions): RequestHandler => {
  const ui = webUiOrigins(options.uiUrl);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin === undefined) {
      const site = req.get('sec-fetch-site')?.toLowerCase();
      if (site === 'cross-site' || site === 'same-site') {
        throw new ForbiddenError('cross-site-request', 'The codec answers only the Temporal Web UI and Recoup itself.');
      }
    } else {
      const normalized = origin.toLowerCase();
      if (!ui.has(normalized) && normalized !== (options.publicOrigin ?? requestOrigin(req))) {
        throw new ForbiddenError(
          'cross-origin-request',
          `The codec answers only the Temporal Web UI (TEMPORAL_UI_URL) and Recoup itself; this request came from ${origin.slice(0, 200)}.`,
        );
      }
      res.vary('Origin');
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
      res.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      res.status(204).end();
      return;
    }
    next();
  };
};
