import { choicesOf, type PaymentMethodChoice, type SessionRecord } from '../core/checkout-session.ts';
import { formatMinor } from '../core/money.ts';
import type { FieldErrors, FormField, FormValues } from '../core/payment-form.ts';
import { escapeHtml } from './html.ts';
import { PAGE_CSS, PAGE_CSS_HASH } from './page-style.ts';

export interface RenderedPage {
  html: string;
  /** The Content-Security-Policy to send with the page. */
  policy: string;
}

const METHOD_LABELS: Readonly<Record<PaymentMethodChoice, string>> = { card: 'Card', bank_transfer: 'Bank transfer' };

const FIELD_IDS: Readonly<Record<FormField, string>> = {
  method: 'method-card',
  card_number: 'card-number',
  card_expiry: 'card-expiry',
  card_cvc: 'card-cvc',
};

const originOf = (url: string): string | null => URL.parse(url)?.origin ?? null;

/**
 * No script, no outside resource, only this page's stylesheet. The form may post here and, since browsers check
 * the redirect after a form post too, lead on to the merchant's success URL.
 */
const policyFor = (formTargets: readonly string[]): string =>
  [
    "default-src 'none'",
    `style-src ${PAGE_CSS_HASH}`,
    `form-action ${formTargets.length > 0 ? ["'self'", ...formTargets].join(' ') : "'none'"}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

// The page's own words are English, so the document is; amounts are written for the session's locale and say so
// with their own lang attribute, which screen readers use to read them.
const shell = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Checkout sandbox</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<p class="badge">Test mode: a checkout sandbox, no real money moves</p>
${body}
</main>
</body>
</html>
`;

export interface CheckoutPageInput {
  record: SessionRecord;
  locale: string;
  errors?: FieldErrors;
  /** A refusal of the whole payment (a declined card), shown above the form. */
  problem?: string;
  values?: FormValues;
}

const fieldError = (field: FormField, errors: FieldErrors): string => {
  const message = errors[field];
  return message ? `<p id="${FIELD_IDS[field]}-error" class="error">${escapeHtml(message)}</p>` : '';
};

const textField = (field: Exclude<FormField, 'method'>, label: string, attributes: string, value: string, errors: FieldErrors, hint?: string): string => {
  const id = FIELD_IDS[field];
  const described = [hint ? `${id}-hint` : '', errors[field] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return `<div class="field">
<label for="${id}">${escapeHtml(label)}</label>
${hint ? `<p id="${id}-hint" class="hint">${escapeHtml(hint)}</p>` : ''}
<input type="text" id="${id}" name="${field}" ${attributes} value="${escapeHtml(value)}"${described ? ` aria-describedby="${described}"` : ''}${errors[field] ? ' aria-invalid="true"' : ''}>
${fieldError(field, errors)}
</div>`;
};

const errorSummary = (errors: FieldErrors, problem: string | undefined): string => {
  const items = (Object.entries(errors) as [FormField, string][]).map(([field, message]) => `<li><a href="#${FIELD_IDS[field]}">${escapeHtml(message)}</a></li>`);
  if (!problem && items.length === 0) return '';
  return `<div class="error-summary" role="alert">
<h2>${problem ? escapeHtml(problem) : 'Please correct the following'}</h2>
${items.length > 0 ? `<ul>${items.join('')}</ul>` : ''}
</div>`;
};

/** The hosted checkout page: what is being paid, a choice of method, card fields, Pay and Cancel. */
export const renderCheckoutPage = ({ record, locale, errors = {}, problem, values }: CheckoutPageInput): RenderedPage => {
  const { session, lineItems } = record;
  const money = (amount: number) => `<span lang="${escapeHtml(locale)}">${escapeHtml(formatMinor(amount, session.currency, locale))}</span>`;
  const total = formatMinor(session.amount_total, session.currency, locale);
  const choices = choicesOf(session);
  const chosen = choices.find((choice) => choice === values?.method) ?? choices[0];
  const rows = lineItems
    .map((item) => `<tr><td>${escapeHtml(item.description)}</td><td class="num">${item.quantity}</td><td class="num">${money(item.amount_total)}</td></tr>`)
    .join('\n');
  const radios = choices
    .map((choice) => `<div class="choice"><input type="radio" id="method-${choice}" name="method" value="${choice}"${choice === chosen ? ' checked' : ''}><label for="method-${choice}">${METHOD_LABELS[choice]}</label></div>`)
    .join('\n');
  const cardFields = choices.includes('card')
    ? `<fieldset class="card-fields">
<legend>Card details</legend>
${textField('card_number', 'Card number', 'inputmode="numeric" autocomplete="cc-number" spellcheck="false"', values?.card_number ?? '', errors, 'Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.')}
<div class="row">
${textField('card_expiry', 'Expiry date (MM/YY)', 'inputmode="numeric" autocomplete="cc-exp" spellcheck="false"', values?.card_expiry ?? '', errors)}
${textField('card_cvc', 'Security code (CVC)', 'inputmode="numeric" autocomplete="cc-csc" spellcheck="false"', '', errors)}
</div>
</fieldset>`
    : '';
  const bankNote = choices.includes('bank_transfer')
    ? `<p class="bank-note">A bank transfer completes the checkout now and is confirmed when the money arrives, shortly after in the sandbox.</p>`
    : '';
  const body = `<h1>Pay ${money(session.amount_total)}</h1>
${errorSummary(errors, problem)}
<table>
<caption>Order summary</caption>
<thead><tr><th scope="col">Item</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="num">${money(session.amount_total)}</td></tr></tfoot>
</table>
<form method="post" action="/c/pay/${escapeHtml(session.id)}" novalidate>
<fieldset>
<legend>Payment method</legend>
${radios}
${fieldError('method', errors)}
</fieldset>
${cardFields}
${bankNote}
<button type="submit">Pay ${money(session.amount_total)}</button>
</form>
<p class="cancel"><a href="${escapeHtml(session.cancel_url)}">Cancel and return to the merchant</a></p>`;
  const targets = [originOf(session.success_url)].filter((origin): origin is string => origin !== null);
  return { html: shell(`Pay ${total}`, body), policy: policyFor(targets) };
};

/** A page that only says how things stand (expired, already paid, unknown), with a way back. */
export const renderStatusPage = (title: string, message: string, link: { href: string; text: string } | null): RenderedPage => ({
  html: shell(title, `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}`),
  policy: policyFor([]),
});
