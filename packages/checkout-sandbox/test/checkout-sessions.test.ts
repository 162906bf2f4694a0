import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { sessionParams, startHarness, type Harness } from './support/sandbox-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const stripeError = async (request: Promise<unknown>): Promise<InstanceType<typeof Stripe.errors.StripeError>> => {
  try {
    await request;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('the request was expected to fail');
};

describe('Checkout Sessions through the official Stripe SDK', () => {
  it('creates a session the SDK reads as Stripe-shaped, with a hosted page url on the sandbox', async () => {
    const before = Math.floor(Date.now() / 1000);
    const session = await h.createSession({ customer_email: 'debtor@example.test', locale: 'de', allowed_payment_method_types: ['card', 'sepa_debit'] });

    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_subtotal: 1850,
      amount_total: 1850,
      currency: 'eur',
      payment_method_types: ['card', 'sepa_debit'],
      success_url: 'https://merchant.test/paid?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://merchant.test/cancelled',
      client_reference_id: 'checkout-42',
      customer_email: 'debtor@example.test',
      metadata: { recoup_checkout_id: 'checkout-42' },
      livemode: false,
      locale: 'de',
    });
    expect(session.id).toMatch(/^cs_test_\w+$/);
    expect(session.url).toBe(`${h.sandbox.url}/c/pay/${session.id}`);
    expect(session.created).toBeGreaterThanOrEqual(before);
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);
    expect(session.lastResponse.requestId).toMatch(/^req_/);

    const items = await h.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data.map((item) => [item.description, item.quantity, item.amount_total])).toEqual([['Invoice 2024-001', 1, 1250], ['Reminder fee', 2, 600]]);
  });

  it('offers card only when no payment method types are given, and keeps an expires_at within Stripe’s limits', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 2 * 60 * 60;
    const session = await h.createSession({ expires_at: expiresAt });
    expect(session.payment_method_types).toEqual(['card']);
    expect(session.expires_at).toBe(expiresAt);
  });

  it('retrieves and lists sessions, and expires an open one but refuses to expire it again', async () => {
    const session = await h.createSession();
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).id).toBe(session.id);
    const list = await h.stripe.checkout.sessions.list({ limit: 1 });
    expect(list).toMatchObject({ object: 'list', url: '/v1/checkout/sessions', has_more: true });
    expect(list.data.map((s) => s.id)).toEqual([session.id]);

    const expired = await h.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ id: session.id, status: 'expired', url: null });
    const again = await stripeError(h.stripe.checkout.sessions.expire(session.id));
    expect(again).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
    expect(again.message).toContain('"expired"');
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses the key with different parameters', async () => {
    const key = `recoup-checkout-${Date.now()}`;
    const first = await h.createSession({}, { idempotencyKey: key });
    const replayed = await h.createSession({}, { idempotencyKey: key });
    expect(replayed.id).toBe(first.id);
    expect(replayed).toEqual(first);
    expect(replayed.lastResponse.headers['idempotent-replayed']).toBe('true');

    const refused = await stripeError(h.createSession({ client_reference_id: 'another-checkout' }, { idempotencyKey: key }));
    expect(refused).toMatchObject({ type: 'StripeIdempotencyError', rawType: 'idempotency_error', statusCode: 400 });
    expect(refused.message).toContain(key);
  });

  it('does not keep a refusal for bad parameters, so a corrected request with the same key is carried out', async () => {
    const key = `corrected-${Date.now()}`;
    const refused = await stripeError(h.createSession({ success_url: 'not a url' }, { idempotencyKey: key }));
    expect(refused).toMatchObject({ param: 'success_url', code: 'url_invalid' });
    const created = await h.createSession({}, { idempotencyKey: key });
    expect(created.status).toBe('open');
  });

  it('refuses a session without success_url, naming the param in Stripe’s error shape', async () => {
    const { success_url: _omitted, ...params } = sessionParams();
    const response = await fetch(`${h.sandbox.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.sandbox.apiKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=100&line_items[0][price_data][product_data][name]=A&cancel_url=https://merchant.test/c',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { type: 'invalid_request_error', code: 'parameter_missing', param: 'success_url', message: 'Missing required param: success_url.' },
    });
    const viaSdk = await stripeError(h.stripe.checkout.sessions.create(params));
    expect(viaSdk).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'success_url', code: 'parameter_missing' });
  });

  it('refuses a negative unit_amount, naming the line item’s param', async () => {
    const error = await stripeError(h.createSession({ line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: -100, product_data: { name: 'Invoice' } } }] }));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'line_items[0][price_data][unit_amount]' });
    expect(error.raw).toMatchObject({ type: 'invalid_request_error' });
  });

  it('refuses line items in different currencies, naming the first that differs', async () => {
    const error = await stripeError(h.createSession({
      line_items: [
        { quantity: 1, price_data: { currency: 'eur', unit_amount: 1000, product_data: { name: 'Invoice' } } },
        { quantity: 1, price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Fee' } } },
      ],
    }));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'line_items[1][price_data][currency]' });
    expect(error.message).toMatch(/same currency/);
  });

  it.each([
    ['an unknown parameter', 'shipping_options', { shipping_options: [{ shipping_rate: 'shr_1' }] }, 'parameter_unknown'],
    ['a quantity of zero', 'line_items[0][quantity]', { line_items: [{ quantity: 0, price_data: { currency: 'eur', unit_amount: 100, product_data: { name: 'A' } } }] }, 'parameter_invalid_integer'],
    ['a payment method type it does not simulate', 'allowed_payment_method_types[0]', { allowed_payment_method_types: ['klarna'] }, undefined],
    ['more than 50 metadata keys', 'metadata', { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, undefined],
    ['a metadata value over 500 characters', 'metadata[note]', { metadata: { note: 'x'.repeat(501) } }, undefined],
    ['an expires_at under 30 minutes ahead', 'expires_at', { expires_at: Math.floor(Date.now() / 1000) + 60 }, undefined],
    ['an unknown currency', 'line_items[0][price_data][currency]', { line_items: [{ quantity: 1, price_data: { currency: 'xyz', unit_amount: 100, product_data: { name: 'A' } } }] }, undefined],
    ['a mode other than payment', 'mode', { mode: 'subscription' }, undefined],
  ] as [string, string, Partial<Stripe.Checkout.SessionCreateParams>, string | undefined][])('refuses %s, naming %s', async (_what, param, params, code) => {
    const error = await stripeError(h.createSession(params));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param });
    expect(error.code).toBe(code);
  });

  it('answers 401 in Stripe’s error shape to a wrong or missing api key', async () => {
    const url = new URL(h.sandbox.url);
    const wrong = new Stripe('sk_test_wrong_key_1234', { host: url.hostname, port: Number(url.port), protocol: 'http' });
    const error = await stripeError(wrong.checkout.sessions.create(sessionParams()));
    expect(error).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401, rawType: 'invalid_request_error' });
    expect(error.message).toContain('Invalid API Key provided: sk_test_');
    expect(error.message).not.toContain('wrong_key');

    const missing = await fetch(`${h.sandbox.url}/v1/checkout/sessions`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('did not provide an API key') } });
    expect((await fetch(`${h.sandbox.url}/_sandbox/health`)).status).toBe(401);
  });

  it('accepts the api key as Basic auth user name, as Stripe does', async () => {
    const response = await fetch(`${h.sandbox.url}/v1/checkout/sessions?limit=1`, { headers: { Authorization: `Basic ${Buffer.from(`${h.sandbox.apiKey}:`).toString('base64')}` } });
    expect(response.status).toBe(200);
  });

  it('answers 404 resource_missing for an unknown session or event', async () => {
    const session = await stripeError(h.stripe.checkout.sessions.retrieve('cs_test_unknown'));
    expect(session).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', param: 'session' });
    expect(session.raw).toMatchObject({ message: "No such checkout.session: 'cs_test_unknown'" });
    const event = await stripeError(h.stripe.events.retrieve('evt_unknown'));
    expect(event).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
