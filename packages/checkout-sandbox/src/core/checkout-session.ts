/** The payment method types the sandbox simulates. SEPA Direct Debit and Stripe's bank transfer settle later. */
export const PAYMENT_METHOD_TYPES = ['card', 'sepa_debit', 'customer_balance'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

/** What the payer chooses on the hosted page: the types above, as a payer sees them. */
export type PaymentMethodChoice = 'card' | 'bank_transfer';

export const choiceOfMethod = (type: PaymentMethodType): PaymentMethodChoice => {
  switch (type) {
    case 'card':
      return 'card';
    case 'sepa_debit':
    case 'customer_balance':
      return 'bank_transfer';
  }
};

/** The choices a session offers, each once, in the order its method types were given. */
export const choicesOf = (session: CheckoutSession): PaymentMethodChoice[] => [...new Set(session.payment_method_types.map(choiceOfMethod))];

export type SessionStatus = 'open' | 'complete' | 'expired';
export type PaymentStatus = 'unpaid' | 'paid' | 'no_payment_required';

/** The fields of Stripe's `checkout.session` object that the sandbox keeps; the names and meanings are Stripe's. */
export interface CheckoutSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  mode: 'payment';
  status: SessionStatus;
  payment_status: PaymentStatus;
  payment_intent: string | null;
  payment_method_types: PaymentMethodType[];
  /** Set when the session was created with `allowed_payment_method_types`, as newer API versions do. */
  allowed_payment_method_types: PaymentMethodType[] | null;
  success_url: string;
  cancel_url: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  expires_at: number;
  created: number;
  livemode: false;
  /** The hosted page while the session is open; Stripe answers null once it is complete or expired. */
  url: string | null;
  locale: string | null;
}

/** Stripe's `item` object, answered by the line_items list of a session. */
export interface LineItem {
  id: string;
  object: 'item';
  amount_discount: 0;
  amount_subtotal: number;
  amount_tax: 0;
  amount_total: number;
  currency: string;
  description: string;
  quantity: number;
  price: {
    id: string;
    object: 'price';
    active: false;
    currency: string;
    livemode: false;
    product: string;
    type: 'one_time';
    unit_amount: number;
  };
}

/** A session as the sandbox keeps it: the Stripe object and what Stripe keeps beside it. */
export interface SessionRecord {
  session: CheckoutSession;
  lineItems: LineItem[];
}

/** `{CHECKOUT_SESSION_ID}` in the success URL is Stripe's placeholder for the session's id. */
export const successRedirectUrl = (session: CheckoutSession): string => session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
