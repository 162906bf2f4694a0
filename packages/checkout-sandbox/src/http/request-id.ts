import type { RequestHandler } from 'express';
import { newId } from '../core/ids.ts';
import { SANDBOX_API_VERSION } from '../core/stripe-event.ts';

/** Stripe's SDK reads Request-Id into its errors and telemetry; every answer gets one, refusals too. */
export const requestId: RequestHandler = (req, res, next) => {
  const id = newId.request();
  res.locals['requestId'] = id;
  res.set('Request-Id', id);
  res.set('Stripe-Version', req.get('stripe-version') ?? SANDBOX_API_VERSION);
  res.set('Cache-Control', 'no-cache, no-store');
  next();
};
