import { z } from 'zod';
import type { PaymentMethodChoice } from './checkout-session.ts';
import { passesLuhn } from './test-cards.ts';

export const CARD_FIELDS = ['card_number', 'card_expiry', 'card_cvc'] as const;
export type CardField = (typeof CARD_FIELDS)[number];
export type FormField = 'method' | CardField;
export type FieldErrors = Partial<Record<FormField, string>>;

/** What the payer typed, to fill the form again after a refusal (never the security code). */
export interface FormValues {
  method: string | null;
  card_number: string;
  card_expiry: string;
}

export type PaymentForm =
  | { ok: true; payment: { method: 'card'; digits: string } | { method: 'bank_transfer' } }
  | { ok: false; errors: FieldErrors; values: FormValues };

// A browser sends every field of the form as a string; anything else did not come from the page.
const formShape = z.object({
  method: z.string().optional(),
  card_number: z.string().optional(),
  card_expiry: z.string().optional(),
  card_cvc: z.string().optional(),
});

const checkNumber = (raw: string): string | null => {
  const digits = raw.replace(/[\s-]/g, '');
  if (digits === '') return 'Enter the card number.';
  if (!/^\d{12,19}$/.test(digits)) return 'Enter a card number of 12 to 19 digits.';
  return passesLuhn(digits) ? null : 'Your card number is invalid.';
};

const checkExpiry = (raw: string, now: Date): string | null => {
  if (raw.trim() === '') return 'Enter the expiry date as MM/YY.';
  const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(raw.trim());
  const month = Number(match?.[1]);
  if (!match || month < 1 || month > 12) return 'Enter the expiry date as MM/YY, for example 04/30.';
  const year = 2000 + Number(match[2]);
  // A card is good through the last day of its expiry month.
  const expired = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
  return expired ? "Your card's expiration date is in the past." : null;
};

const checkCvc = (raw: string): string | null => {
  if (raw.trim() === '') return 'Enter the security code (CVC).';
  return /^\d{3,4}$/.test(raw.trim()) ? null : "Your card's security code is 3 or 4 digits.";
};

/** The hosted page's form post, read: a payment to attempt, or the fields to correct. */
export const parsePaymentForm = (body: unknown, offered: readonly PaymentMethodChoice[], now: Date): PaymentForm => {
  const parsed = formShape.safeParse(body ?? {});
  const form = parsed.success ? parsed.data : {};
  const values: FormValues = { method: form.method ?? null, card_number: form.card_number ?? '', card_expiry: form.card_expiry ?? '' };
  const method = offered.find((choice) => choice === form.method);
  if (!parsed.success || !method) return { ok: false, errors: { method: 'Choose a payment method.' }, values };
  switch (method) {
    case 'bank_transfer':
      return { ok: true, payment: { method } };
    case 'card': {
      const errors: FieldErrors = {};
      const number = checkNumber(values.card_number);
      const expiry = checkExpiry(values.card_expiry, now);
      const cvc = checkCvc(form.card_cvc ?? '');
      if (number) errors.card_number = number;
      if (expiry) errors.card_expiry = expiry;
      if (cvc) errors.card_cvc = cvc;
      if (Object.keys(errors).length > 0) return { ok: false, errors, values };
      return { ok: true, payment: { method, digits: values.card_number.replace(/[\s-]/g, '') } };
    }
  }
};
