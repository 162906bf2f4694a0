import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { StripeApiError } from '../core/stripe-error.ts';

/** The key from `Authorization: Bearer <key>` (what Stripe's SDK sends) or Basic with the key as user name. */
const presentedKey = (header: string | undefined): string | null => {
  const match = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[2]) return null;
  if (match[1]?.toLowerCase() === 'bearer') return match[2];
  const [user] = Buffer.from(match[2], 'base64').toString('utf8').split(':');
  return user || null;
};

const sameKey = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Stripe shows only the start and the last four characters of a wrong key. */
const redact = (key: string): string => `${key.slice(0, 8)}${'*'.repeat(Math.max(4, key.length - 12))}${key.slice(-4)}`;

/** Refuses a request without the sandbox's api key, with Stripe's 401 answer. */
export const requireApiKey = (apiKey: string): RequestHandler => (req, res, next) => {
  const given = presentedKey(req.get('authorization'));
  if (given !== null && sameKey(given, apiKey)) return next();
  res.set('WWW-Authenticate', 'Basic realm="Stripe"');
  const message = given === null
    ? "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
    : `Invalid API Key provided: ${redact(given)}`;
  throw new StripeApiError(401, { type: 'invalid_request_error', message }, { replayable: false });
};
