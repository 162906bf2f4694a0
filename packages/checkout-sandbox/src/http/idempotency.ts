import type { RequestHandler, Response } from 'express';
import { StripeApiError } from '../core/stripe-error.ts';

interface StoredResult {
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  storedAt: number;
}

/** Stripe keeps idempotent results for at least 24 hours, then lets the key be used afresh. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const KEY_MAX = 255;

/** JSON with sorted keys, so the same parameters compare equal in whatever order they were sent. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

const replay = (res: Response, result: StoredResult): void => {
  res.set('Idempotent-Replayed', 'true');
  res.set('Original-Request', result.requestId);
  res.status(result.status).type('application/json').send(result.body);
};

/**
 * Stripe's idempotency for POSTs: the first answer for a key is kept and replayed byte for byte to a request with
 * the same key and parameters; the key with other parameters is refused. Keys belong to the api key that used them.
 * Refusals made before the endpoint did anything (bad parameters) are not kept, as Stripe keeps none for them.
 */
export const idempotency = (apiKey: string, now: () => number = Date.now): RequestHandler => {
  const results = new Map<string, StoredResult | 'in_flight'>();

  const prune = (at: number): void => {
    for (const [key, result] of results) if (result !== 'in_flight' && at - result.storedAt > KEEP_MS) results.delete(key);
  };

  return (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || key === undefined) return next();
    if (key.length > KEY_MAX) {
      throw new StripeApiError(400, { type: 'invalid_request_error', message: `Invalid Idempotency-Key: must be at most ${KEY_MAX} characters long.` }, { replayable: false });
    }
    prune(now());
    const scoped = `${apiKey}\u0000${key}`;
    const fingerprint = canonical([req.method, req.baseUrl + req.path, req.body ?? {}]);
    const stored = results.get(scoped);
    if (stored === 'in_flight') {
      // 409 makes Stripe's SDK retry after a pause, by when the first request has its answer.
      throw new StripeApiError(409, {
        type: 'idempotency_error',
        code: 'idempotency_key_in_use',
        message: 'There is currently another in-progress request using this Idempotency-Key. Try again later.',
      }, { replayable: false });
    }
    if (stored) {
      if (stored.fingerprint === fingerprint) return replay(res, stored);
      throw new StripeApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      }, { replayable: false });
    }

    results.set(scoped, 'in_flight');
    res.on('close', () => {
      if (results.get(scoped) === 'in_flight') results.delete(scoped);
    });
    const send = res.send.bind(res);
    res.json = ((body: unknown) => {
      const text = JSON.stringify(body);
      if (res.locals['replayable'] === false) results.delete(scoped);
      else results.set(scoped, { fingerprint, status: res.statusCode, body: text, requestId: String(res.locals['requestId']), storedAt: now() });
      res.set('Idempotency-Key', key);
      res.type('application/json');
      return send(text);
    }) as Response['json'];
    next();
  };
};
