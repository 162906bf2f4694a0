import express, { Router } from 'express';
import { z } from 'zod';
import { parseCreateSessionParams } from '../core/create-session-params.ts';
import { parseFormParams } from '../core/form-params.ts';
import type { Sandbox } from '../core/sandbox.ts';
import { invalidParam, resourceMissing } from '../core/stripe-error.ts';
import { requireApiKey } from './api-key-auth.ts';
import { idempotency } from './idempotency.ts';
import { pageParams, paginate } from './list-params.ts';
import { requestId } from './request-id.ts';
import { stripeErrorHandler, unrecognizedUrl } from './stripe-error-handler.ts';

/** Stripe allows 1 MB per request; a session with 100 line items and full metadata needs far less. */
const BODY_LIMIT = '1mb';

const noParams = z.strictObject({});

const sessionListParams = z.strictObject({
  ...pageParams,
  status: z.enum(['open', 'complete', 'expired']).optional(),
  payment_intent: z.string().optional(),
});

/** `type` takes one type or a pattern ending in `*`, as Stripe's does (`checkout.session.*`). */
const eventListParams = z.strictObject({
  ...pageParams,
  type: z.string().optional(),
});

const matchesType = (pattern: string | undefined) => (type: string): boolean =>
  pattern === undefined || (pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern);

/** The part of Stripe's v1 API that Checkout needs, mounted at /v1. */
export const stripeApiRoutes = (sandbox: Sandbox, apiKey: string): Router => {
  const router = Router();
  router.use(requestId);
  router.use(requireApiKey(apiKey));
  router.use(express.urlencoded({ extended: true, limit: BODY_LIMIT }));
  router.use(idempotency(apiKey));

  const sessionOr404 = (id: string) => {
    const record = sandbox.findSession(id);
    if (!record) throw resourceMissing('checkout.session', id, 'session');
    return record;
  };

  router.post('/checkout/sessions', (req, res) => {
    res.json(sandbox.createSession(parseCreateSessionParams(req.body, Math.floor(Date.now() / 1000))));
  });

  router.get('/checkout/sessions', (req, res) => {
    const params = parseFormParams(sessionListParams, req.query);
    const sessions = sandbox.listSessions().filter((session) =>
      (params.status === undefined || session.status === params.status) && (params.payment_intent === undefined || session.payment_intent === params.payment_intent));
    res.json(paginate(sessions, params, '/v1/checkout/sessions'));
  });

  router.get('/checkout/sessions/:id', (req, res) => {
    parseFormParams(noParams, req.query);
    res.json(sessionOr404(req.params.id).session);
  });

  router.get('/checkout/sessions/:id/line_items', (req, res) => {
    const params = parseFormParams(z.strictObject(pageParams), req.query);
    const record = sessionOr404(req.params.id);
    res.json(paginate(record.lineItems, params, `/v1/checkout/sessions/${record.session.id}/line_items`));
  });

  router.post('/checkout/sessions/:id/expire', (req, res) => {
    parseFormParams(noParams, req.body);
    const result = sandbox.expireSession(req.params.id);
    if (!result) throw resourceMissing('checkout.session', req.params.id, 'session');
    switch (result.kind) {
      case 'expired':
        res.json(result.session);
        return;
      case 'not_open':
        throw invalidParam('session', `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${result.status}".`);
    }
  });

  router.get('/events', (req, res) => {
    const params = parseFormParams(eventListParams, req.query);
    res.json(paginate(sandbox.listEvents().filter((event) => matchesType(params.type)(event.type)), params, '/v1/events'));
  });

  router.get('/events/:id', (req, res) => {
    parseFormParams(noParams, req.query);
    const event = sandbox.findEvent(req.params.id);
    if (!event) throw resourceMissing('event', req.params.id, 'id');
    res.json(event);
  });

  router.use(unrecognizedUrl);
  router.use(stripeErrorHandler);
  return router;
};
