import { z } from 'zod';
import { PAYMENT_METHOD_TYPES } from './checkout-session.ts';
import { formInteger, formString, formUrl, parseFormParams } from './form-params.ts';
import { isKnownCurrency } from './money.ts';
import { invalidParam } from './stripe-error.ts';

/** Checkout's locales, as Stripe lists them; `auto` follows the payer's browser. */
export const CHECKOUT_LOCALES = [
  'auto', 'bg', 'cs', 'da', 'de', 'el', 'en', 'en-GB', 'es', 'es-419', 'et', 'fi', 'fil', 'fr', 'fr-CA', 'hi-IN', 'hr',
  'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sv',
  'th', 'tr', 'vi', 'zh', 'zh-HK', 'zh-TW',
] as const;

// Stripe's limits on metadata, which the real API enforces, so a client that passes here passes there.
const METADATA_MAX_KEYS = 50;
const METADATA_KEY_MAX = 40;
const METADATA_VALUE_MAX = 500;

/** Stripe's largest amount for a Checkout Session in most currencies (999,999.99 in a two-decimal one). */
const MAX_AMOUNT_TOTAL = 99_999_999;

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

const currency = z.string().transform((value, ctx) => {
  if (isKnownCurrency(value)) return value.toLowerCase();
  ctx.addIssue({ code: 'custom', message: `Invalid currency: ${value.toLowerCase()}. The sandbox accepts ISO 4217 codes such as eur or usd.`, input: value });
  return z.NEVER;
});

const lineItem = z.strictObject({
  price_data: z.strictObject({
    currency,
    unit_amount: formInteger({ min: 1, max: MAX_AMOUNT_TOTAL }),
    product_data: z.strictObject({
      name: formString({ max: 5000 }),
      description: formString({ max: 40_000 }).optional(),
    }),
  }),
  quantity: formInteger({ min: 1, max: 999_999 }),
});

const methodTypes = z.array(z.enum(PAYMENT_METHOD_TYPES)).min(1, { error: 'Pass at least one payment method type.' });

const metadata = z.record(z.string(), z.string()).superRefine((value, ctx) => {
  const keys = Object.keys(value);
  if (keys.length > METADATA_MAX_KEYS) ctx.addIssue({ code: 'custom', message: `Invalid metadata: metadata can have at most ${METADATA_MAX_KEYS} keys.`, input: value });
  for (const key of keys) {
    if (key.length > METADATA_KEY_MAX) ctx.addIssue({ code: 'custom', path: [key], message: `Invalid metadata: keys can be at most ${METADATA_KEY_MAX} characters long.`, input: key });
    else if ((value[key] ?? '').length > METADATA_VALUE_MAX) ctx.addIssue({ code: 'custom', path: [key], message: `Invalid metadata: values can be at most ${METADATA_VALUE_MAX} characters long.`, input: value[key] });
  }
});

const email = formString({ max: 800 }).transform((value, ctx) => {
  if (z.email().safeParse(value).success) return value;
  ctx.addIssue({ code: 'custom', message: `Invalid email address: ${value}`, input: value, params: { stripeCode: 'email_invalid' } });
  return z.NEVER;
});

const createSessionSchema = z.strictObject({
  mode: z.string().transform((value, ctx) => {
    if (value === 'payment') return value;
    ctx.addIssue({ code: 'custom', message: `Invalid mode: ${value}. The checkout sandbox supports only mode=payment.`, input: value });
    return z.NEVER;
  }),
  line_items: z.array(lineItem).min(1, { error: 'Pass at least one line item.' }).max(100, { error: 'A session can have at most 100 line items.' }),
  payment_method_types: methodTypes.optional(),
  allowed_payment_method_types: methodTypes.optional(),
  success_url: formUrl,
  cancel_url: formUrl,
  client_reference_id: formString({ max: 200 }).optional(),
  customer_email: email.optional(),
  locale: z.enum(CHECKOUT_LOCALES).optional(),
  // An empty value unsets a key in Stripe's API; on create that means the key is simply not there.
  metadata: metadata.transform((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ''))).optional(),
  expires_at: formInteger({ min: 0, max: Number.MAX_SAFE_INTEGER }).optional(),
});

export type CreateSessionParams = z.output<typeof createSessionSchema>;

/**
 * A create request's parameters, checked as Stripe checks them; what zod cannot see alone (one currency across the
 * line items, an expiry relative to now, a total within Stripe's limit) is checked after it.
 */
export const parseCreateSessionParams = (body: unknown, nowSeconds: number): CreateSessionParams => {
  const params = parseFormParams(createSessionSchema, body);
  if (params.payment_method_types && params.allowed_payment_method_types) {
    throw invalidParam('allowed_payment_method_types', 'You may pass payment_method_types or allowed_payment_method_types, not both.');
  }
  const first = params.line_items[0]?.price_data.currency;
  params.line_items.forEach((item, index) => {
    if (item.price_data.currency !== first) {
      throw invalidParam(`line_items[${index}][price_data][currency]`, `All line items must be in the same currency: line_items[0] is in ${first}, line_items[${index}] in ${item.price_data.currency}.`);
    }
  });
  const total = params.line_items.reduce((sum, item) => sum + item.price_data.unit_amount * item.quantity, 0);
  if (total > MAX_AMOUNT_TOTAL) throw invalidParam('line_items', `The session's total amount due must be at most ${MAX_AMOUNT_TOTAL} in the currency's minor unit.`, 'amount_too_large');
  if (params.expires_at !== undefined) {
    const ahead = params.expires_at - nowSeconds;
    if (ahead < MIN_EXPIRY_SECONDS) throw invalidParam('expires_at', 'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.');
    if (ahead > MAX_EXPIRY_SECONDS) throw invalidParam('expires_at', 'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.');
  }
  return params;
};

export const DEFAULT_EXPIRY_SECONDS = MAX_EXPIRY_SECONDS;
