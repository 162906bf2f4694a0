import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import request from 'supertest';
import { startCheckoutSandbox, type RunningCheckoutSandbox } from '@recoup/checkout-sandbox';
import { Allocation, Invoice, Payment, PortalCheckout } from '@recoup/db';
import { createHarness, type Harness } from './support/harness.ts';
import { addPortalDebtor, enterPortal, portalLink, type PortalDebtor } from './support/portal-debtors.ts';

// Online payment from the portal against the checkout sandbox, a separate process that speaks Stripe's API and
// signs its webhooks as Stripe does; the API talks to it through the official Stripe SDK and hears back over HTTP.

const SECRET = 'portal-link-secret-for-payments-0123456789';

let h: Harness;
let sandbox: RunningCheckoutSandbox;
let server: Server;
let ada: PortalDebtor;
let cy: PortalDebtor;

const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: { Authorization: `Bearer ${sandbox.apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

const until = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Starts a checkout from the portal page's form and answers the provider's hosted page it sends the debtor to. */
const startCheckout = async (who: PortalDebtor, form: Record<string, string>): Promise<URL> => {
  const cookie = await enterPortal(h.app, portalLink(SECRET, who));
  const started = await request(h.app).post('/portal/pay').set('Cookie', cookie).type('form').send(form);
  expect(started.status).toBe(303);
  const hosted = new URL(String(started.headers.location));
  expect(hosted.origin).toBe(new URL(sandbox.url).origin);
  return hosted;
};

/** What a debtor does on the hosted page: submits the payment form; answers where the provider sends them. */
const payOnHostedPage = async (hosted: URL, fields: Record<string, string>): Promise<Response> =>
  fetch(hosted, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

const paidCheckout = (sessionId: string) =>
  until(`checkout ${sessionId} to be paid`, async () => {
    const checkout = await h.db.orm.em.fork().findOne(PortalCheckout, { providerSessionId: sessionId });
    return checkout?.status === 'paid' ? checkout : null;
  });

const paymentsOf = (who: PortalDebtor) => h.db.orm.em.fork().find(Payment, { account: who.accountId }, { orderBy: { receivedAt: 'asc' } });

beforeAll(async () => {
  sandbox = await startCheckoutSandbox({ webhookUrl: null, retryBaseDelayMs: 50, settleDelayMs: 200 });
  h = await createHarness({
    env: { PORTAL_LINK_SECRET: SECRET, STRIPE_API_KEY: sandbox.apiKey, STRIPE_API_BASE: sandbox.url, STRIPE_WEBHOOK_SECRET: sandbox.webhookSecret },
  });
  server = createServer(h.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await control('PUT', '/webhook-endpoint', { url: `http://127.0.0.1:${port}/webhooks/payments`, secret: sandbox.webhookSecret });
  ada = await addPortalDebtor(h.db.orm, 'PAY-ADA', 'Ada Analytics GmbH', { name: 'Ada Lovelace', email: 'ada@pay.example' }, [
    { number: 'ADA-1', amountMinor: 123456n, dueDate: '2026-09-30' },
    { number: 'ADA-2', amountMinor: 5000n, dueDate: '2026-11-15' },
  ]);
  cy = await addPortalDebtor(h.db.orm, 'PAY-CY', 'Cy Carpentry', { name: 'Cy Young', email: 'cy@pay.example' }, [
    { number: 'CY-1', amountMinor: 2000n, dueDate: '2026-08-31' },
    { number: 'CY-2', amountMinor: 3000n, dueDate: '2026-09-30' },
  ]);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
  await sandbox?.stop();
});

describe('paying from the portal', () => {
  let sessionId = '';

  it('pays the one invoice the debtor chose by card, and the signed webhook records and allocates it to that invoice', async () => {
    const invoice = await h.db.orm.em.fork().findOneOrFail(Invoice, { number: 'ADA-2' });
    const hosted = await startCheckout(ada, { kind: 'invoices', invoice: invoice.id, method: 'card' });
    sessionId = hosted.pathname.split('/').pop() ?? '';
    expect(sessionId).toMatch(/^cs_/);

    const paid = await payOnHostedPage(hosted, { method: 'card', card_number: '4242 4242 4242 4242', card_expiry: '12/34', card_cvc: '123' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toContain(`/portal/checkout/done?session_id=${sessionId}`);

    const checkout = await paidCheckout(sessionId);
    expect(checkout.amountMinor).toBe(5000n);
    const [payment, ...more] = await paymentsOf(ada);
    expect(more).toHaveLength(0);
    expect(payment).toMatchObject({ amountMinor: 5000n, idempotencyKey: `portal-checkout/${checkout.id}` });
    const allocations = await h.db.orm.em.fork().find(Allocation, { payment: payment!.id }, { populate: ['invoice'] });
    // The debtor chose the newer invoice; the older, larger one stays open although it is oldest.
    expect(allocations.map((a) => [a.invoice.number, a.amountMinor])).toEqual([['ADA-2', 5000n]]);
    const invoices = await h.db.orm.em.fork().find(Invoice, { account: ada.accountId }, { orderBy: { number: 'asc' } });
    expect(invoices.map((i) => [i.number, i.openMinor, i.status])).toEqual([
      ['ADA-1', 123456n, 'open'],
      ['ADA-2', 0n, 'paid'],
    ]);
    expect(h.collections.calls).toContainEqual(expect.objectContaining({ kind: 'paymentApplied', accountId: ada.accountId }));
  });

  it('shows the debtor the payment once they are back from the checkout', async () => {
    const cookie = await enterPortal(h.app, portalLink(SECRET, ada));
    const page = await request(h.app).get(`/portal/checkout/done?session_id=${sessionId}`).set('Cookie', cookie).set('Accept-Language', 'de');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Wir haben Ihre Zahlung über 50,00');
  });

  it('records a replayed webhook once: the provider sends the same event again and no second payment appears', async () => {
    const url = new URL(sandbox.url);
    const stripe = new Stripe(sandbox.apiKey, { host: url.hostname, port: Number(url.port), protocol: 'http' });
    const events = await stripe.events.list({ limit: 100 });
    const completed = events.data.find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id?: string }).id === sessionId);
    expect(completed).toBeDefined();
    const resent = await control<{ delivery: { status: number | null; response_body: string } }>('POST', `/events/${completed!.id}/resend`);
    expect(resent.delivery.status).toBe(200);
    expect(JSON.parse(resent.delivery.response_body)).toMatchObject({ received: true, outcome: 'already-recorded' });
    expect(await paymentsOf(ada)).toHaveLength(1);
  });

  it('refuses a forged webhook, signed with a key that is not ours, with 400 and records nothing', async () => {
    const payload = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'checkout.session.completed',
      data: { object: { id: 'cs_forged', object: 'checkout.session', payment_status: 'paid', amount_total: 123456, currency: 'eur', client_reference_id: null } },
    });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_the_real_secret' });
    const response = await request(h.app).post('/webhooks/payments').set('Content-Type', 'application/json').set('Stripe-Signature', forged).send(payload);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'webhook-signature-invalid' } });

    const genuine = Stripe.webhooks.generateTestHeaderString({ payload, secret: sandbox.webhookSecret });
    const altered = payload.replace('123456', '999999');
    expect((await request(h.app).post('/webhooks/payments').set('Content-Type', 'application/json').set('Stripe-Signature', genuine).send(altered)).status).toBe(400);
    expect((await request(h.app).post('/webhooks/payments').set('Content-Type', 'application/json').send(payload)).status).toBe(400);
    expect(await paymentsOf(ada)).toHaveLength(1);
  });

  it('pays a typed amount by bank transfer once the transfer settles, applied to the oldest invoices first', async () => {
    const hosted = await startCheckout(cy, { kind: 'amount', amount: '35,00', method: 'bank_transfer' });
    const id = hosted.pathname.split('/').pop() ?? '';
    const sent = await payOnHostedPage(hosted, { method: 'bank_transfer' });
    expect(sent.status).toBe(303);
    const checkout = await paidCheckout(id);
    expect(checkout.amountMinor).toBe(3500n);
    const [payment] = await paymentsOf(cy);
    const allocations = await h.db.orm.em.fork().find(Allocation, { payment: payment!.id }, { populate: ['invoice'], orderBy: { invoice: { dueDate: 'asc' } } });
    expect(allocations.map((a) => [a.invoice.number, a.amountMinor])).toEqual([
      ['CY-1', 2000n],
      ['CY-2', 1500n],
    ]);
  });

  it('records nothing for a declined card and leaves the checkout open for another try', async () => {
    const before = (await paymentsOf(cy)).length;
    const hosted = await startCheckout(cy, { kind: 'amount', amount: '5', method: 'card' });
    const declined = await payOnHostedPage(hosted, { method: 'card', card_number: '4000 0000 0000 0002', card_expiry: '12/34', card_cvc: '123' });
    expect(declined.status).toBe(402);
    const checkout = await h.db.orm.em.fork().findOneOrFail(PortalCheckout, { providerSessionId: hosted.pathname.split('/').pop() ?? '' });
    expect(checkout.status).toBe('open');
    expect(await paymentsOf(cy)).toHaveLength(before);
  });

  it('refuses an amount above what is open with a page that says so, before any checkout is opened', async () => {
    const cookie = await enterPortal(h.app, portalLink(SECRET, cy));
    const response = await request(h.app).post('/portal/pay').set('Cookie', cookie).set('Accept-Language', 'en').type('form').send({ kind: 'amount', amount: '1000000', method: 'card' });
    expect(response.status).toBe(422);
    expect(response.text).toContain('more than is open on your account');
    expect(await h.db.orm.em.fork().count(PortalCheckout, { account: cy.accountId, amountMinor: 100000000n })).toBe(0);
  });
});
