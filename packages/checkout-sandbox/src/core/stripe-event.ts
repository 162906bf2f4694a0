import type { CheckoutSession } from './checkout-session.ts';
import { newId } from './ids.ts';

/**
 * The API version events say they were rendered in: the one of the Stripe SDK this package is tested with, whose
 * types the session object follows (it has both payment_method_types and allowed_payment_method_types).
 */
export const SANDBOX_API_VERSION = '2026-11-18.endive';

export const EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Stripe's `event` object, for the events a checkout session raises. */
export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  type: EventType;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: CheckoutSession };
}

/**
 * An event and the JSON it is delivered as. The body is written once, so every delivery of the event, resends
 * included, carries the same bytes, as Stripe's do; only the signature's timestamp changes.
 */
export interface StoredEvent {
  event: StripeEvent;
  body: string;
}

export const buildEvent = (type: EventType, session: CheckoutSession, createdSeconds: number, pendingWebhooks: number): StoredEvent => {
  const event: StripeEvent = {
    id: newId.event(),
    object: 'event',
    api_version: SANDBOX_API_VERSION,
    created: createdSeconds,
    type,
    livemode: false,
    pending_webhooks: pendingWebhooks,
    request: { id: null, idempotency_key: null },
    // A snapshot: the session moves on (a bank transfer is paid later), the event says how it was at the time.
    data: { object: structuredClone(session) },
  };
  return { event, body: JSON.stringify(event, null, 2) };
};
