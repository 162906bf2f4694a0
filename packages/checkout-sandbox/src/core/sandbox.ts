import { choicesOf, type CheckoutSession, type LineItem, type PaymentMethodChoice, type PaymentMethodType, type SessionRecord, type SessionStatus } from './checkout-session.ts';
import { DEFAULT_EXPIRY_SECONDS, type CreateSessionParams } from './create-session-params.ts';
import { newId } from './ids.ts';
import { buildEvent, type EventType, type StoredEvent, type StripeEvent } from './stripe-event.ts';
import type { CardOutcome } from './test-cards.ts';
import { createWebhookDispatcher, type DeliveryAttempt, type WebhookEndpoint } from './webhook-dispatcher.ts';

export interface SandboxOptions {
  /** The hosted page of a session, on the server the sandbox answers on. */
  hostedPageUrl(sessionId: string): string;
  webhookUrl: string | null;
  webhookSecret: string;
  retryBaseDelayMs: number;
  maxDeliveryAttempts: number;
  /** How long a bank transfer takes to arrive after the payer confirms it. */
  settleDelayMs: number;
  now?: () => number;
}

export type PaymentAttempt = { method: 'card'; outcome: CardOutcome } | { method: 'bank_transfer'; outcome: 'succeeded' | 'failed' };

export type PaymentResult =
  | { kind: 'paid'; session: CheckoutSession }
  /** A bank transfer the payer confirmed: the session is complete, the money not there yet. */
  | { kind: 'processing'; session: CheckoutSession }
  | { kind: 'declined'; declineCode: string; message: string }
  | { kind: 'not_open'; status: Exclude<SessionStatus, 'open'> }
  | { kind: 'method_not_offered'; method: PaymentMethodChoice };

export type ExpireResult = { kind: 'expired'; session: CheckoutSession } | { kind: 'not_open'; status: Exclude<SessionStatus, 'open'> };

export type ResendResult = { kind: 'sent'; delivery: DeliveryAttempt } | { kind: 'no_endpoint' };

export interface Sandbox {
  createSession(params: CreateSessionParams): CheckoutSession;
  findSession(id: string): SessionRecord | undefined;
  /** Newest first, as Stripe lists. */
  listSessions(): CheckoutSession[];
  expireSession(id: string): ExpireResult | undefined;
  pay(id: string, attempt: PaymentAttempt): PaymentResult | undefined;
  findEvent(id: string): StripeEvent | undefined;
  /** Newest first, as Stripe lists. */
  listEvents(): StripeEvent[];
  resendEvent(id: string): Promise<ResendResult | undefined>;
  webhookEndpoint(): { url: string; secret: string } | null;
  /** Keeps the current secret unless a new one is given, so a receiver configured at start keeps verifying. */
  setWebhookEndpoint(url: string, secret?: string): { url: string; secret: string };
  removeWebhookEndpoint(): void;
  webhookSecret(): string;
  deliveries(eventId?: string): DeliveryAttempt[];
  close(): Promise<void>;
}

/** Expiry is looked for this often, so checkout.session.expired follows expires_at within a second. */
const EXPIRY_SWEEP_MS = 1_000;

export const createSandbox = (options: SandboxOptions): Sandbox => {
  const nowMs = options.now ?? Date.now;
  const nowSeconds = () => Math.floor(nowMs() / 1000);
  const sessions = new Map<string, SessionRecord>();
  const events = new Map<string, StoredEvent>();
  const pending = new Map<string, number>();
  const settleTimers = new Set<NodeJS.Timeout>();
  let secret = options.webhookSecret;
  const endpointFor = (url: string): WebhookEndpoint => ({ id: newId.webhookEndpoint(), url, secret });

  const dispatcher = createWebhookDispatcher(
    { retryBaseDelayMs: options.retryBaseDelayMs, maxAttempts: options.maxDeliveryAttempts, onDelivered: (eventId) => pending.set(eventId, 0) },
    options.webhookUrl ? endpointFor(options.webhookUrl) : null,
  );

  const emit = (type: EventType, session: CheckoutSession): void => {
    const stored = buildEvent(type, session, nowSeconds(), dispatcher.endpoint() ? 1 : 0);
    events.set(stored.event.id, stored);
    pending.set(stored.event.id, stored.event.pending_webhooks);
    dispatcher.dispatch(stored);
  };

  const expire = (record: SessionRecord): void => {
    record.session.status = 'expired';
    record.session.url = null;
    emit('checkout.session.expired', record.session);
  };

  const expireIfDue = (record: SessionRecord): void => {
    if (record.session.status === 'open' && record.session.expires_at <= nowSeconds()) expire(record);
  };

  const sweep = setInterval(() => sessions.forEach(expireIfDue), EXPIRY_SWEEP_MS);
  sweep.unref();

  const findSession = (id: string): SessionRecord | undefined => {
    const record = sessions.get(id);
    if (record) expireIfDue(record);
    return record;
  };

  const complete = (session: CheckoutSession, paid: boolean): void => {
    session.status = 'complete';
    session.url = null;
    if (paid) {
      session.payment_status = 'paid';
      session.payment_intent = newId.paymentIntent();
    }
    emit('checkout.session.completed', session);
  };

  const settleLater = (session: CheckoutSession, outcome: 'succeeded' | 'failed'): void => {
    const timer = setTimeout(() => {
      settleTimers.delete(timer);
      switch (outcome) {
        case 'succeeded':
          session.payment_status = 'paid';
          session.payment_intent = newId.paymentIntent();
          emit('checkout.session.async_payment_succeeded', session);
          return;
        case 'failed':
          emit('checkout.session.async_payment_failed', session);
          return;
      }
    }, options.settleDelayMs);
    settleTimers.add(timer);
  };

  const payByCard = (session: CheckoutSession, outcome: CardOutcome): PaymentResult => {
    switch (outcome.kind) {
      case 'declined':
        // Stripe keeps the session open after a decline, so the payer can try another card.
        return { kind: 'declined', declineCode: outcome.declineCode, message: outcome.message };
      case 'succeeded':
        complete(session, true);
        return { kind: 'paid', session };
    }
  };

  const liveEvent = (stored: StoredEvent): StripeEvent => ({ ...stored.event, pending_webhooks: pending.get(stored.event.id) ?? 0 });

  return {
    createSession(params) {
      const created = nowSeconds();
      const id = newId.session();
      const lineItems = params.line_items.map(({ price_data: price, quantity }): LineItem => {
        const amount = price.unit_amount * quantity;
        return {
          id: newId.lineItem(),
          object: 'item',
          amount_discount: 0,
          amount_subtotal: amount,
          amount_tax: 0,
          amount_total: amount,
          currency: price.currency,
          description: price.product_data.name,
          quantity,
          price: { id: newId.price(), object: 'price', active: false, currency: price.currency, livemode: false, product: newId.product(), type: 'one_time', unit_amount: price.unit_amount },
        };
      });
      const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
      const allowed = params.allowed_payment_method_types ? [...new Set(params.allowed_payment_method_types)] : null;
      const session: CheckoutSession = {
        id,
        object: 'checkout.session',
        amount_subtotal: total,
        amount_total: total,
        currency: lineItems[0]?.currency ?? '',
        mode: 'payment',
        status: 'open',
        payment_status: 'unpaid',
        payment_intent: null,
        payment_method_types: allowed ?? [...new Set<PaymentMethodType>(params.payment_method_types ?? ['card'])],
        allowed_payment_method_types: allowed,
        success_url: params.success_url,
        cancel_url: params.cancel_url,
        client_reference_id: params.client_reference_id ?? null,
        customer_email: params.customer_email ?? null,
        metadata: params.metadata ?? {},
        expires_at: params.expires_at ?? created + DEFAULT_EXPIRY_SECONDS,
        created,
        livemode: false,
        url: options.hostedPageUrl(id),
        locale: params.locale ?? null,
      };
      sessions.set(id, { session, lineItems });
      return session;
    },

    findSession,

    listSessions: () => [...sessions.values()].map((record) => (expireIfDue(record), record.session)).reverse(),

    expireSession(id) {
      const record = findSession(id);
      if (!record) return undefined;
      if (record.session.status !== 'open') return { kind: 'not_open', status: record.session.status };
      expire(record);
      return { kind: 'expired', session: record.session };
    },

    pay(id, attempt) {
      const record = findSession(id);
      if (!record) return undefined;
      const { session } = record;
      if (session.status !== 'open') return { kind: 'not_open', status: session.status };
      if (!choicesOf(session).includes(attempt.method)) return { kind: 'method_not_offered', method: attempt.method };
      switch (attempt.method) {
        case 'card':
          return payByCard(session, attempt.outcome);
        case 'bank_transfer':
          complete(session, false);
          settleLater(session, attempt.outcome);
          return { kind: 'processing', session };
      }
    },

    findEvent(id) {
      const stored = events.get(id);
      return stored ? liveEvent(stored) : undefined;
    },

    listEvents: () => [...events.values()].map(liveEvent).reverse(),

    async resendEvent(id) {
      const stored = events.get(id);
      if (!stored) return undefined;
      const delivery = await dispatcher.resend(stored);
      return delivery ? { kind: 'sent', delivery } : { kind: 'no_endpoint' };
    },

    webhookEndpoint() {
      const endpoint = dispatcher.endpoint();
      return endpoint ? { url: endpoint.url, secret: endpoint.secret } : null;
    },

    setWebhookEndpoint(url, newSecret) {
      secret = newSecret ?? secret;
      dispatcher.setEndpoint(endpointFor(url));
      return { url, secret };
    },

    removeWebhookEndpoint() {
      dispatcher.setEndpoint(null);
    },

    webhookSecret: () => secret,

    deliveries: (eventId) => dispatcher.deliveries(eventId),

    async close() {
      clearInterval(sweep);
      for (const timer of settleTimers) clearTimeout(timer);
      settleTimers.clear();
      await dispatcher.close();
    },
  };
};
