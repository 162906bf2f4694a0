import express, { Router } from 'express';
import { InvalidInputError } from '../../errors.ts';
import { WebhookSignatureError } from './payment-provider.ts';
import type { PortalPaymentsService } from './portal-payments.service.ts';

/** Stripe's events are a few kilobytes; a megabyte leaves room for any provider without inviting abuse. */
const WEBHOOK_LIMIT = '1mb';

/**
 * The payment provider's confirmations. The body is read raw, since the signature covers the exact bytes. Only a
 * signature failure is answered 400; an event we cannot use is answered 200, so the provider does not retry it
 * for days, and says what became of it.
 */
export const paymentWebhookRoutes = (payments: PortalPaymentsService, now: () => Date = () => new Date()): Router => {
  const router = Router();
  router.post('/', express.raw({ type: () => true, limit: WEBHOOK_LIMIT }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      res.json({ received: true, ...(await payments.confirm(body, req.get('stripe-signature'), now())) });
    } catch (error) {
      if (error instanceof WebhookSignatureError) throw new InvalidInputError('webhook-signature-invalid', `The webhook signature was not accepted: ${error.message}`);
      throw error;
    }
  });
  return router;
};
