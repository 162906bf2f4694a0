import express, { Router, type Request, type Response } from 'express';
import { choicesOf, successRedirectUrl, type SessionRecord } from '../core/checkout-session.ts';
import { parsePaymentForm } from '../core/payment-form.ts';
import type { PaymentAttempt, Sandbox } from '../core/sandbox.ts';
import { outcomeOfCard } from '../core/test-cards.ts';
import { renderCheckoutPage, renderStatusPage, type RenderedPage } from './hosted-checkout.page.ts';
import { pageLocale } from './page-locale.ts';

const send = (res: Response, status: number, page: RenderedPage): void => {
  res
    .status(status)
    .set({
      'Content-Security-Policy': page.policy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // A payment page must not be kept by a shared cache or shown again from history as if still current.
      'Cache-Control': 'no-store',
    })
    .type('html')
    .send(page.html);
};

const notFound = (res: Response): void =>
  send(res, 404, renderStatusPage('Checkout session not found', 'There is no checkout session at this address. The link may be mistyped.', null));

/** An expired session answers 410 (gone for good), a completed one 409 (it conflicts with paying again). */
const sendIfNotOpen = (res: Response, record: SessionRecord): boolean => {
  const { session } = record;
  switch (session.status) {
    case 'open':
      return false;
    case 'expired':
      send(res, 410, renderStatusPage('This checkout session has expired', 'Nothing was charged. Return to the merchant to start again.', { href: session.cancel_url, text: 'Return to the merchant' }));
      return true;
    case 'complete':
      send(res, 409, renderStatusPage('This checkout session is already complete', 'The payment has been made; there is nothing more to do here.', { href: successRedirectUrl(session), text: 'Continue to the merchant' }));
      return true;
  }
};

/** The hosted checkout page at /c/pay/:sessionId, where a session's `url` leads. */
export const hostedCheckoutRoutes = (sandbox: Sandbox): Router => {
  const router = Router();
  const localeOf = (req: Request, record: SessionRecord) => pageLocale(record.session.locale, req.get('accept-language'));

  router.get('/:sessionId', (req, res) => {
    const record = sandbox.findSession(req.params.sessionId);
    if (!record) return notFound(res);
    if (sendIfNotOpen(res, record)) return;
    send(res, 200, renderCheckoutPage({ record, locale: localeOf(req, record) }));
  });

  router.post('/:sessionId', express.urlencoded({ extended: false, limit: '16kb' }), (req, res) => {
    const record = sandbox.findSession(req.params.sessionId);
    if (!record) return notFound(res);
    if (sendIfNotOpen(res, record)) return;
    const locale = localeOf(req, record);
    const form = parsePaymentForm(req.body, choicesOf(record.session), new Date());
    if (!form.ok) return send(res, 400, renderCheckoutPage({ record, locale, errors: form.errors, values: form.values }));
    const attempt: PaymentAttempt = form.payment.method === 'card'
      ? { method: 'card', outcome: outcomeOfCard(form.payment.digits) }
      : { method: 'bank_transfer', outcome: 'succeeded' };
    const result = sandbox.pay(record.session.id, attempt);
    if (!result) return notFound(res);
    switch (result.kind) {
      case 'paid':
      case 'processing':
        // 303: the browser follows with a GET, so reloading the success page does not post the payment again.
        return res.redirect(303, successRedirectUrl(result.session));
      case 'declined': {
        const values = { method: 'card', card_number: '', card_expiry: '' };
        return send(res, 402, renderCheckoutPage({ record, locale, problem: result.message, values }));
      }
      case 'not_open':
        sendIfNotOpen(res, record);
        return;
      case 'method_not_offered':
        return send(res, 400, renderCheckoutPage({ record, locale, errors: { method: 'Choose one of the payment methods offered.' } }));
    }
  });

  return router;
};
