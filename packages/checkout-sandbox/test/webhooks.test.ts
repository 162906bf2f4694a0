import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import type { DeliveryAttempt } from '../src/index.ts';
import { startHarness, type Harness } from './support/sandbox-harness.ts';
import { sessionOf, startWebhookReceiver } from './support/webhook-receiver.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ retryBaseDelayMs: 50, maxDeliveryAttempts: 4 });
});
afterAll(async () => {
  await h.close();
});

type DeliveryLog = { object: 'list'; data: DeliveryAttempt[] };

/** Completes a session through the control route and answers the id of its checkout.session.completed event. */
const completeByCard = async (): Promise<{ sessionId: string; eventId: string }> => {
  const session = await h.createSession();
  const completed = await h.control('POST', `/_sandbox/sessions/${session.id}/complete`, { method: 'card' });
  expect(completed.status).toBe(200);
  const events = await h.stripe.events.list({ type: 'checkout.session.completed', limit: 100 });
  const event = events.data.find((candidate) => sessionOf(candidate).id === session.id);
  if (!event) throw new Error('no checkout.session.completed event for the session');
  return { sessionId: session.id, eventId: event.id };
};

describe('webhook deliveries', () => {
  it('delivers checkout.session.completed signed so that the Stripe SDK verifies it', async () => {
    const { sessionId, eventId } = await completeByCard();
    await h.receiver.waitFor('the delivery', () => h.receiver.forSession(sessionId).length === 1);
    const [delivery] = h.receiver.forSession(sessionId);

    expect(delivery?.verifyError).toBeNull();
    expect(delivery?.contentType).toBe('application/json; charset=utf-8');
    expect(delivery?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(delivery?.event).toMatchObject({
      id: eventId,
      object: 'event',
      type: 'checkout.session.completed',
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: sessionId, object: 'checkout.session', status: 'complete', payment_status: 'paid' } },
    });
    expect(delivery?.event?.api_version).toMatch(/^\d{4}-\d{2}-\d{2}\.\w+$/);

    // Once delivered, the event has no webhook still pending, as the Events API says.
    expect((await h.stripe.events.retrieve(eventId)).pending_webhooks).toBe(0);
  });

  it('retries a delivery answered 500 with back-off until it is answered 200, and logs every attempt', async () => {
    const session = await h.createSession();
    h.receiver.failNext(session.id, 2, 500);
    await h.control('POST', `/_sandbox/sessions/${session.id}/complete`, { method: 'card' });
    await h.receiver.waitFor('three attempts', () => h.receiver.forSession(session.id).length === 3);

    const received = h.receiver.forSession(session.id);
    expect(received.map((delivery) => delivery.answeredStatus)).toEqual([500, 500, 200]);
    expect(new Set(received.map((delivery) => delivery.event?.id)).size).toBe(1);
    expect(received.every((delivery) => delivery.verifyError === null)).toBe(true);

    const eventId = received[0]!.event!.id;
    const log = await h.control<DeliveryLog>('GET', `/_sandbox/deliveries?event=${eventId}`);
    expect(log.status).toBe(200);
    expect(log.body.data.map(({ attempt, trigger, status }) => ({ attempt, trigger, status }))).toEqual([
      { attempt: 1, trigger: 'event', status: 500 },
      { attempt: 2, trigger: 'retry', status: 500 },
      { attempt: 3, trigger: 'retry', status: 200 },
    ]);
    const [first, second, third] = log.body.data;
    expect(first?.response_body).toBe('{"received":false}');
    expect(first?.next_attempt_at).not.toBeNull();
    expect(third?.next_attempt_at).toBeNull();
    // Back-off: the second wait (2 × base) is at least as long as the first (1 × base).
    const firstWait = Date.parse(second!.at) - Date.parse(first!.at);
    const secondWait = Date.parse(third!.at) - Date.parse(second!.at);
    expect(firstWait).toBeGreaterThanOrEqual(50);
    expect(secondWait).toBeGreaterThanOrEqual(100);
  });

  it('gives up after the most attempts it was given, and logs the receiver’s failures', async () => {
    const session = await h.createSession();
    h.receiver.failNext(session.id, 10, 503);
    await h.control('POST', `/_sandbox/sessions/${session.id}/complete`, { method: 'card' });
    await h.receiver.waitFor('four attempts', () => h.receiver.forSession(session.id).length === 4);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(h.receiver.forSession(session.id)).toHaveLength(4);
    const eventId = h.receiver.forSession(session.id)[0]!.event!.id;
    const log = await h.control<DeliveryLog>('GET', `/_sandbox/deliveries?event=${eventId}`);
    expect(log.body.data.map((entry) => entry.status)).toEqual([503, 503, 503, 503]);
    expect(log.body.data.at(-1)?.next_attempt_at).toBeNull();
    expect((await h.stripe.events.retrieve(eventId)).pending_webhooks).toBe(1);
  });

  it('resends the same event id and body with a fresh, valid signature', async () => {
    const { sessionId, eventId } = await completeByCard();
    await h.receiver.waitFor('the first delivery', () => h.receiver.forSession(sessionId).length === 1);
    // Stripe's signature has a resolution of one second; wait so the resend's timestamp is a new one.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const resent = await h.control<{ delivery: DeliveryAttempt }>('POST', `/_sandbox/events/${eventId}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.delivery).toMatchObject({ event: eventId, attempt: 2, trigger: 'resend', status: 200 });

    const [original, again] = h.receiver.forSession(sessionId);
    expect(again?.verifyError).toBeNull();
    expect(again?.event?.id).toBe(eventId);
    expect(again?.raw.equals(original!.raw)).toBe(true);
    expect(again?.signature).not.toBe(original?.signature);
  });

  it('fails constructEvent for a body changed after signing, so the signature covers the body', async () => {
    const { sessionId } = await completeByCard();
    await h.receiver.waitFor('the delivery', () => h.receiver.forSession(sessionId).length === 1);
    const [delivery] = h.receiver.forSession(sessionId);
    const tampered = Buffer.from(delivery!.raw.toString('utf8').replace('"amount_total": 1850', '"amount_total": 1'));
    expect(tampered.equals(delivery!.raw)).toBe(false);

    expect(() => h.stripe.webhooks.constructEvent(delivery!.raw, delivery!.signature, h.secret.current)).not.toThrow();
    expect(() => h.stripe.webhooks.constructEvent(tampered, delivery!.signature, h.secret.current)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => h.stripe.webhooks.constructEvent(delivery!.raw, delivery!.signature, 'whsec_another_secret')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('serves the events it sent through the Events API, filtered by type', async () => {
    const { eventId } = await completeByCard();
    const event = await h.stripe.events.retrieve(eventId);
    expect(event).toMatchObject({ id: eventId, object: 'event', type: 'checkout.session.completed' });
    const completed = await h.stripe.events.list({ type: 'checkout.session.completed', limit: 2 });
    expect(completed.data[0]?.id).toBe(eventId);
    expect(completed.data.every((candidate) => candidate.type === 'checkout.session.completed')).toBe(true);
    const expired = await h.stripe.events.list({ type: 'checkout.session.expired' });
    expect(expired.data.every((candidate) => candidate.type === 'checkout.session.expired')).toBe(true);
  });

  it('sends to an endpoint set at runtime, keeping the secret unless a new one is given', async () => {
    const secret = { current: h.secret.current };
    const other = await startWebhookReceiver((raw, signature) => h.stripe.webhooks.constructEvent(raw, signature, secret.current));
    try {
      const kept = await h.control<{ url: string; secret: string }>('PUT', '/_sandbox/webhook-endpoint', { url: other.url });
      expect(kept.body).toEqual({ url: other.url, secret: h.secret.current });
      const first = await h.createSession();
      await h.control('POST', `/_sandbox/sessions/${first.id}/complete`, { method: 'card' });
      await other.waitFor('a delivery to the new endpoint', () => other.forSession(first.id).length === 1);

      const replaced = await h.control<{ url: string; secret: string }>('PUT', '/_sandbox/webhook-endpoint', { url: other.url, secret: 'whsec_replaced_for_this_test' });
      expect(replaced.body.secret).toBe('whsec_replaced_for_this_test');
      secret.current = 'whsec_replaced_for_this_test';
      const second = await h.createSession({ allowed_payment_method_types: ['sepa_debit'] });
      await h.control('POST', `/_sandbox/sessions/${second.id}/complete`, { method: 'bank_transfer' });
      await other.waitFor('both bank transfer events', () => other.forSession(second.id).length === 2);
      expect(h.receiver.forSession(first.id)).toEqual([]);
    } finally {
      await h.control('PUT', '/_sandbox/webhook-endpoint', { url: h.receiver.url, secret: h.secret.current });
      await other.close();
    }
  });

  it('answers a declined card from the control route with Stripe’s card_error and sends nothing', async () => {
    const session = await h.createSession();
    const declined = await h.control<{ error: { type: string; code: string; decline_code: string } }>('POST', `/_sandbox/sessions/${session.id}/complete`, { method: 'card', outcome: 'declined' });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('reports a failed bank transfer as checkout.session.async_payment_failed', async () => {
    const session = await h.createSession({ allowed_payment_method_types: ['customer_balance'] });
    await h.control('POST', `/_sandbox/sessions/${session.id}/complete`, { method: 'bank_transfer', outcome: 'declined' });
    await h.receiver.waitFor('both events', () => h.receiver.forSession(session.id).length === 2);
    const events = h.receiver.forSession(session.id).map((delivery) => delivery.event!);
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_failed']);
    expect(sessionOf(events[1]!)).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
  });
});
