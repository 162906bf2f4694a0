import type { CheckoutSession } from '../core/checkout-session.ts';
import type { PaymentResult } from '../core/sandbox.ts';
import { StripeApiError } from '../core/stripe-error.ts';

export type PaymentAnswer = { kind: 'done'; session: CheckoutSession } | { kind: 'refused'; error: StripeApiError };

/** A payment's result as the API answers it: the session, or a refusal in Stripe's error shape and status. */
export const paymentAnswer = (result: PaymentResult): PaymentAnswer => {
  switch (result.kind) {
    case 'paid':
    case 'processing':
      return { kind: 'done', session: result.session };
    case 'declined':
      return { kind: 'refused', error: new StripeApiError(402, { type: 'card_error', code: 'card_declined', decline_code: result.declineCode, message: result.message }) };
    case 'not_open':
      return {
        kind: 'refused',
        error: new StripeApiError(result.status === 'expired' ? 410 : 409, { type: 'invalid_request_error', message: `This Checkout Session is ${result.status === 'expired' ? 'expired' : 'already complete'}.` }),
      };
    case 'method_not_offered':
      return { kind: 'refused', error: new StripeApiError(400, { type: 'invalid_request_error', param: 'method', message: `This Checkout Session does not offer ${result.method === 'card' ? 'card payments' : 'bank transfers'}.` }) };
  }
};
