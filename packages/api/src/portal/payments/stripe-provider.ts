import Stripe from 'stripe';
import type { PortalPaymentsConfig } from '@recoup/config';
import { WebhookSignatureError, type CheckoutRequest, type CreatedCheckout, type PaymentProvider, type PortalPaymentMethod, type ProviderEvent } from './payment-provider.ts';

/** Stripe's own limit, and the one its SDK checks the signed timestamp against. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Stripe's method for each of ours. Bank transfers are SEPA Direct Debit in euro; elsewhere Stripe's bank transfer
 * to a virtual account (customer_balance). Both settle days later, which Stripe reports as an asynchronous payment.
 */
const stripeMethods = (methods: readonly PortalPaymentMethod[], currency: string): Stripe.Checkout.SessionCreateParams.AllowedPaymentMethodType[] =>
  methods.map((method) => {
    switch (method) {
      case 'card':
        return 'card';
      case 'bank_transfer':
        return currency.toUpperCase() === 'EUR' ? 'sepa_debit' : 'customer_balance';
    }
  });

/** Stripe Checkout, or anything that speaks its API and signs its webhooks the same way (the checkout sandbox). */
export function createStripeProvider(config: PortalPaymentsConfig): PaymentProvider {
  const base = config.apiBase ? new URL(config.apiBase) : null;
  const stripe = new Stripe(config.apiKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)), protocol: base.protocol === 'https:' ? 'https' : 'http' } : {}),
  });
  return {
    name: base ? `stripe-compatible (${base.host})` : 'stripe',
    checkoutOrigins: base ? [base.origin] : ['https://checkout.stripe.com'],

    async createCheckout(request: CheckoutRequest): Promise<CreatedCheckout> {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: request.lines.map((line) => ({
            quantity: 1,
            price_data: { currency: request.currency.toLowerCase(), unit_amount: Number(line.amountMinor), product_data: { name: line.name } },
          })),
          allowed_payment_method_types: stripeMethods(request.methods, request.currency),
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          client_reference_id: request.checkoutId,
          ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
          locale: (['de', 'en'].includes(request.language) ? request.language : 'auto') as Stripe.Checkout.SessionCreateParams.Locale,
          metadata: { recoup_checkout_id: request.checkoutId },
        },
        // One checkout, one session: a retried create after a lost answer gets the same session back.
        { idempotencyKey: `recoup-checkout-${request.checkoutId}` },
      );
      if (!session.url) throw new Error(`The provider answered checkout session ${session.id} without a URL to send the debtor to.`);
      return { sessionId: session.id, url: session.url };
    },

    readWebhook(rawBody: Buffer, signatureHeader: string | undefined, now: Date): ProviderEvent {
      if (!signatureHeader) throw new WebhookSignatureError('The request carries no Stripe-Signature header.');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, config.webhookSecret, WEBHOOK_TOLERANCE_SECONDS, undefined, Math.floor(now.getTime() / 1000));
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : String(error));
      }
      // Of Stripe's hundreds of event types, four concern a checkout; everything else is acknowledged and left.
      if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
        const session = event.data.object;
        // A completed bank transfer is only promised money until the provider says it arrived.
        if (session.payment_status !== 'paid') return { kind: 'ignored', eventId: event.id, type: `${event.type} (${session.payment_status})` };
        return {
          kind: 'paid',
          eventId: event.id,
          sessionId: session.id,
          checkoutId: session.client_reference_id ?? null,
          amountMinor: BigInt(session.amount_total ?? 0),
          currency: (session.currency ?? '').toUpperCase(),
          providerPaymentId: typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null),
        };
      }
      if (event.type === 'checkout.session.async_payment_failed' || event.type === 'checkout.session.expired') {
        return { kind: 'failed', eventId: event.id, sessionId: event.data.object.id, checkoutId: event.data.object.client_reference_id ?? null };
      }
      return { kind: 'ignored', eventId: event.id, type: event.type };
    },
  };
}
