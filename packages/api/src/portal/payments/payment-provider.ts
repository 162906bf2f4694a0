/** How the debtor pays: at once by card, or by a bank transfer or debit that the provider confirms later. */
export const PORTAL_PAYMENT_METHODS = ['card', 'bank_transfer'] as const;
export type PortalPaymentMethod = (typeof PORTAL_PAYMENT_METHODS)[number];

export interface CheckoutRequest {
  /** Our id of the checkout, sent along so that a person reading the provider's dashboard can find it here. */
  checkoutId: string;
  amountMinor: bigint;
  currency: string;
  /** What the debtor sees on the provider's page, one line per invoice or one for an amount on account. */
  lines: { name: string; amountMinor: bigint }[];
  methods: readonly PortalPaymentMethod[];
  successUrl: string;
  cancelUrl: string;
  customerEmail: string | null;
  /** The language of the provider's page. */
  language: string;
}

export interface CreatedCheckout {
  sessionId: string;
  /** The provider's hosted page the debtor is sent to. */
  url: string;
}

/** What a provider's confirmation says, once its signature has been checked. */
export type ProviderEvent =
  | { kind: 'paid'; eventId: string; sessionId: string; checkoutId: string | null; amountMinor: bigint; currency: string; providerPaymentId: string | null }
  | { kind: 'failed'; eventId: string; sessionId: string; checkoutId: string | null }
  | { kind: 'ignored'; eventId: string; type: string };

/** A webhook whose signature is missing, wrong or too old: it is refused and nothing is read from it. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
}

/** A payment provider with hosted checkout and signed webhooks, as Stripe has them. */
export interface PaymentProvider {
  readonly name: string;
  /** Where the hosted checkout lives: the portal's payment form leads there, so its CSP must allow it. */
  readonly checkoutOrigins: readonly string[];
  createCheckout(request: CheckoutRequest): Promise<CreatedCheckout>;
  /** Checks the signature over the raw body and reads the event; throws WebhookSignatureError when it fails. */
  readWebhook(rawBody: Buffer, signatureHeader: string | undefined, now: Date): ProviderEvent;
}
