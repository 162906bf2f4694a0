import express, { Router } from 'express';
import { z } from 'zod';
import type { PaymentAttempt, Sandbox } from '../core/sandbox.ts';
import { resourceMissing, StripeApiError } from '../core/stripe-error.ts';
import { requireApiKey } from './api-key-auth.ts';
import { paymentAnswer } from './payment-answer.ts';
import { requestId } from './request-id.ts';
import { stripeErrorHandler, unrecognizedUrl } from './stripe-error-handler.ts';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

const endpointBody = z.strictObject({
  url: httpUrl,
  secret: z.string().min(1).max(200).optional(),
});

const completeBody = z.strictObject({
  method: z.enum(['card', 'bank_transfer']),
  outcome: z.enum(['succeeded', 'declined']).default('succeeded'),
});

const deliveriesQuery = z.strictObject({ event: z.string().optional() });

/** The control routes speak JSON and answer refusals in Stripe's error shape, like the rest of the server. */
const parseJson = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.path.map(String).join('.') || undefined;
  throw new StripeApiError(400, { type: 'invalid_request_error', message: `${param ? `${param}: ` : ''}${issue?.message ?? 'invalid body'}`, ...(param ? { param } : {}) });
};

const attemptOf = (body: z.output<typeof completeBody>): PaymentAttempt => {
  switch (body.method) {
    case 'card':
      return { method: 'card', outcome: body.outcome === 'succeeded' ? { kind: 'succeeded' } : { kind: 'declined', declineCode: 'generic_decline', message: 'Your card was declined.' } };
    case 'bank_transfer':
      return { method: 'bank_transfer', outcome: body.outcome === 'succeeded' ? 'succeeded' : 'failed' };
  }
};

/**
 * Routes Stripe does not have, for tests and demos: point webhooks at a receiver, complete a session without a
 * browser, resend an event, read the delivery log. Mounted at /_sandbox, behind the same api key.
 */
export const sandboxControlRoutes = (sandbox: Sandbox, apiKey: string): Router => {
  const router = Router();
  router.use(requestId);
  router.use(requireApiKey(apiKey));
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', webhook_endpoint: sandbox.webhookEndpoint()?.url ?? null });
  });

  router.put('/webhook-endpoint', (req, res) => {
    const body = parseJson(endpointBody, req.body);
    res.json(sandbox.setWebhookEndpoint(body.url, body.secret));
  });

  router.delete('/webhook-endpoint', (_req, res) => {
    sandbox.removeWebhookEndpoint();
    res.json({ deleted: true });
  });

  router.post('/sessions/:id/complete', (req, res) => {
    const attempt = attemptOf(parseJson(completeBody, req.body));
    const result = sandbox.pay(req.params.id, attempt);
    if (!result) throw resourceMissing('checkout.session', req.params.id, 'session');
    const answer = paymentAnswer(result);
    switch (answer.kind) {
      case 'done':
        res.json(answer.session);
        return;
      case 'refused':
        throw answer.error;
    }
  });

  router.post('/events/:id/resend', async (req, res) => {
    const result = await sandbox.resendEvent(req.params.id);
    if (!result) throw resourceMissing('event', req.params.id, 'id');
    switch (result.kind) {
      case 'sent':
        res.json({ delivery: result.delivery });
        return;
      case 'no_endpoint':
        throw new StripeApiError(409, { type: 'invalid_request_error', message: 'No webhook endpoint is set: PUT /_sandbox/webhook-endpoint first.' });
    }
  });

  router.get('/deliveries', (req, res) => {
    const query = parseJson(deliveriesQuery, req.query);
    res.json({ object: 'list', data: sandbox.deliveries(query.event), has_more: false, url: '/_sandbox/deliveries' });
  });

  router.use(unrecognizedUrl);
  router.use(stripeErrorHandler);
  return router;
};
