import Stripe from 'stripe';
import { startCheckoutSandbox, type RunningCheckoutSandbox, type StartCheckoutSandboxOptions } from '../../src/index.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

/** A sandbox process, the official SDK pointed at it, and a verifying webhook receiver it delivers to. */
export interface Harness {
  sandbox: RunningCheckoutSandbox;
  stripe: Stripe;
  receiver: WebhookReceiver;
  /** The secret the receiver verifies with; change it along with the sandbox's. */
  secret: { current: string };
  /** A request to the sandbox's own control routes (not Stripe's), with the api key. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  createSession(params?: Partial<Stripe.Checkout.SessionCreateParams>, options?: Stripe.RequestOptions): Promise<Stripe.Response<Stripe.Checkout.Session>>;
  close(): Promise<void>;
}

export const sessionParams = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [
    { quantity: 1, price_data: { currency: 'eur', unit_amount: 1250, product_data: { name: 'Invoice 2024-001' } } },
    { quantity: 2, price_data: { currency: 'eur', unit_amount: 300, product_data: { name: 'Reminder fee' } } },
  ],
  success_url: 'https://merchant.test/paid?session={CHECKOUT_SESSION_ID}',
  cancel_url: 'https://merchant.test/cancelled',
  client_reference_id: 'checkout-42',
  metadata: { recoup_checkout_id: 'checkout-42' },
  ...overrides,
});

export const startHarness = async (options: StartCheckoutSandboxOptions = {}): Promise<Harness> => {
  const secret = { current: '' };
  let stripe: Stripe | null = null;
  const receiver = await startWebhookReceiver((raw, signature) => {
    if (!stripe) throw new Error('a delivery came before the SDK was set up');
    return stripe.webhooks.constructEvent(raw, signature, secret.current);
  });
  const sandbox = await startCheckoutSandbox({ retryBaseDelayMs: 20, settleDelayMs: 100, webhookUrl: receiver.url, ...options });
  secret.current = sandbox.webhookSecret;
  const url = new URL(sandbox.url);
  const client = new Stripe(sandbox.apiKey, { host: url.hostname, port: Number(url.port), protocol: 'http' });
  stripe = client;

  return {
    sandbox,
    stripe: client,
    receiver,
    secret,
    async control<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${sandbox.apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    createSession: (params, requestOptions) => client.checkout.sessions.create(sessionParams(params), requestOptions),
    async close() {
      await sandbox.stop();
      await receiver.close();
    },
  };
};

/** Posts the hosted page's form as a browser would, without following the redirect. */
export const submitPaymentForm = (pageUrl: string, fields: Record<string, string>): Promise<Response> =>
  fetch(pageUrl, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

export const TEST_CARD = { method: 'card', card_number: '4242 4242 4242 4242', card_expiry: '12/34', card_cvc: '123' } as const;
export const DECLINED_CARD = { ...TEST_CARD, card_number: '4000 0000 0000 0002' } as const;
