import type { ErrorRequestHandler, RequestHandler } from 'express';
import { StripeApiError } from '../core/stripe-error.ts';

interface BodyParserError {
  type: string;
  status: number;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number';

const asStripeError = (error: unknown): StripeApiError => {
  if (error instanceof StripeApiError) return error;
  if (isBodyParserError(error) && error.status < 500) {
    const message = error.type === 'entity.too.large' ? 'The request body is too large.' : 'The request body could not be parsed.';
    return new StripeApiError(error.status, { type: 'invalid_request_error', message }, { replayable: false });
  }
  return new StripeApiError(500, { type: 'api_error', message: `The checkout sandbox failed: ${error instanceof Error ? error.message : String(error)}` });
};

/**
 * Every refusal in Stripe's shape, `{ error: { type, message, code?, param? } }`. `replayable` tells the
 * idempotency layer whether to keep the answer for the key.
 */
export const stripeErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const refusal = asStripeError(error);
  if (refusal.status >= 500) console.error(error);
  res.locals['replayable'] = refusal.replayable;
  // Stripe asks its SDK not to retry an answer that a retry would only repeat.
  if (refusal.status >= 500) res.set('Stripe-Should-Retry', 'false');
  res.status(refusal.status).json({ error: refusal.body });
};

/** Stripe's answer to a path it has no endpoint for. */
export const unrecognizedUrl: RequestHandler = (req) => {
  throw new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${req.method}: ${req.originalUrl.split('?')[0]}). The checkout sandbox answers only part of Stripe's API; see its README.`,
  });
};
