import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DECLINED_CARD, startHarness, submitPaymentForm, TEST_CARD, type Harness } from './support/sandbox-harness.ts';
import { sessionOf } from './support/webhook-receiver.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ settleDelayMs: 150 });
});
afterAll(async () => {
  await h.close();
});

const pageOf = async (url: string): Promise<{ status: number; html: string; headers: Headers }> => {
  const response = await fetch(url);
  return { status: response.status, html: await response.text(), headers: response.headers };
};

const count = (html: string, pattern: RegExp): number => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

/** Every input on the page has a label pointing at its id. */
const unlabelledInputs = (html: string): string[] =>
  [...html.matchAll(/<input\b[^>]*\bid="([^"]+)"/g)].map((match) => match[1] ?? '').filter((id) => !html.includes(`<label for="${id}">`));

describe('the hosted checkout page', () => {
  it('shows an accessible page with the line items and total formatted for the session locale', async () => {
    const session = await h.createSession({ locale: 'de', allowed_payment_method_types: ['card', 'customer_balance'] });
    const page = await pageOf(session.url ?? '');

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("form-action 'self' https://merchant.test");
    expect(policy).toContain("frame-ancestors 'none'");

    expect(page.html).toMatch(/<html lang="en">/);
    expect(page.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(count(page.html, /<h1[ >]/)).toBe(1);
    expect(page.html).not.toMatch(/<script|<link|<img|src=/);
    expect(unlabelledInputs(page.html)).toEqual([]);
    // Amounts in German notation: 18,50 € for the total, 6,00 € for two reminder fees.
    expect(page.html).toContain('<span lang="de">18,50\u00a0€</span>');
    expect(page.html).toContain('<span lang="de">6,00\u00a0€</span>');
    expect(page.html).toContain('Invoice 2024-001');
    expect(page.html).toMatch(/<input type="radio" id="method-card" name="method" value="card" checked>/);
    expect(page.html).toContain('<label for="method-bank_transfer">Bank transfer</label>');
    expect(page.html).toContain('href="https://merchant.test/cancelled"');
  });

  it('formats amounts in English when the session has no locale', async () => {
    const session = await h.createSession();
    expect((await pageOf(session.url ?? '')).html).toContain('<span lang="en">€18.50</span>');
  });

  it('takes a card payment from the form, redirects 303 to success_url and delivers a verified checkout.session.completed', async () => {
    const session = await h.createSession();
    const response = await submitPaymentForm(session.url ?? '', TEST_CARD);

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`https://merchant.test/paid?session=${session.id}`);
    await h.receiver.waitFor('checkout.session.completed', () => h.receiver.forSession(session.id).length === 1);
    const [delivery] = h.receiver.forSession(session.id);
    expect(delivery?.verifyError).toBeNull();
    expect(delivery?.event?.type).toBe('checkout.session.completed');
    const paid = sessionOf(delivery!.event!);
    expect(paid).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', client_reference_id: 'checkout-42', metadata: { recoup_checkout_id: 'checkout-42' }, amount_total: 1850 });
    expect(paid.payment_intent).toMatch(/^pi_/);

    const retrieved = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved).toMatchObject({ status: 'complete', payment_status: 'paid', payment_intent: paid.payment_intent, url: null });
  });

  it('declines card 4000 0000 0000 0002 by showing the page again with 402, and delivers nothing', async () => {
    const session = await h.createSession();
    const response = await submitPaymentForm(session.url ?? '', DECLINED_CARD);

    expect(response.status).toBe(402);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your card was declined.');
    expect(html).toContain('<form method="post"');
    const settled = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(settled).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    // Other sessions' deliveries show the receiver is reached; this one has none, even after a while.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.receiver.forSession(session.id)).toEqual([]);
    expect((await h.stripe.events.list({ limit: 100 })).data.filter((event) => sessionOf(event).id === session.id)).toEqual([]);
  });

  it.each([
    ['card number', { card_number: '4242 4242 4242 4241' }, 'card-number', 'Your card number is invalid.'],
    ['expiry date', { card_expiry: '13/30' }, 'card-expiry', 'Enter the expiry date as MM/YY'],
    ['expiry date in the past', { card_expiry: '01/20' }, 'card-expiry', 'in the past'],
    ['security code', { card_cvc: '12' }, 'card-cvc', 'security code'],
  ])('refuses an invalid %s with 400 and names the field', async (_what, change, fieldId, message) => {
    const session = await h.createSession();
    const response = await submitPaymentForm(session.url ?? '', { ...TEST_CARD, ...change });

    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`<a href="#${fieldId}">`);
    expect(html).toContain(message);
    expect(html).toMatch(new RegExp(`id="${fieldId}"[^>]*aria-describedby="[^"]*${fieldId}-error"[^>]*aria-invalid="true"`));
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('settles a bank transfer later: completed unpaid first, then async_payment_succeeded paid', async () => {
    const session = await h.createSession({ allowed_payment_method_types: ['card', 'sepa_debit'] });
    const response = await submitPaymentForm(session.url ?? '', { method: 'bank_transfer' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`https://merchant.test/paid?session=${session.id}`);

    await h.receiver.waitFor('both bank transfer events', () => h.receiver.forSession(session.id).length === 2);
    const events = h.receiver.forSession(session.id).map((delivery) => delivery.event!);
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);
    expect(sessionOf(events[0]!)).toMatchObject({ status: 'complete', payment_status: 'unpaid', payment_intent: null });
    expect(sessionOf(events[1]!)).toMatchObject({ status: 'complete', payment_status: 'paid', client_reference_id: 'checkout-42' });
    expect(sessionOf(events[1]!).payment_intent).toMatch(/^pi_/);
    expect(events[1]!.created).toBeGreaterThanOrEqual(events[0]!.created);
  });

  it('refuses a bank transfer for a session that offers only cards', async () => {
    const session = await h.createSession();
    const response = await submitPaymentForm(session.url ?? '', { method: 'bank_transfer' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Choose a payment method.');
  });

  it('answers 410 on the page of an expired session and 409 on a completed one', async () => {
    const expired = await h.createSession();
    await h.stripe.checkout.sessions.expire(expired.id);
    const gone = await pageOf(expired.url ?? '');
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('<h1>This checkout session has expired</h1>');
    expect((await submitPaymentForm(expired.url ?? '', TEST_CARD)).status).toBe(410);
    await h.receiver.waitFor('checkout.session.expired', () => h.receiver.forSession(expired.id).some((delivery) => delivery.event?.type === 'checkout.session.expired'));

    const completed = await h.createSession();
    await submitPaymentForm(completed.url ?? '', TEST_CARD);
    const done = await pageOf(completed.url ?? '');
    expect(done.status).toBe(409);
    expect(done.html).toContain('already complete');
    expect((await submitPaymentForm(completed.url ?? '', TEST_CARD)).status).toBe(409);
  });

  it('answers 404 for a session it does not know', async () => {
    expect((await pageOf(`${h.sandbox.url}/c/pay/cs_test_unknown`)).status).toBe(404);
  });
});
