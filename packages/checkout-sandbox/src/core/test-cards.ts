/** What a card payment came to: the values the hosted page and the control route answer from. */
export type CardOutcome = { kind: 'succeeded' } | { kind: 'declined'; declineCode: string; message: string };

const DECLINED = 'Your card was declined.';

/** Stripe's documented test card numbers, with the outcome Stripe's test mode gives each. */
const TEST_CARDS: Readonly<Record<string, CardOutcome>> = {
  '4242424242424242': { kind: 'succeeded' },
  '4000056655665556': { kind: 'succeeded' },
  '5555555555554444': { kind: 'succeeded' },
  '378282246310005': { kind: 'succeeded' },
  '4000000000000002': { kind: 'declined', declineCode: 'generic_decline', message: DECLINED },
  '4000000000009995': { kind: 'declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  '4000000000000069': { kind: 'declined', declineCode: 'expired_card', message: 'Your card has expired.' },
};

/**
 * The outcome for a card number (digits only). Like Stripe's test mode, any other valid number is declined, so a
 * real card number typed into the sandbox never looks as if it worked.
 */
export const outcomeOfCard = (digits: string): CardOutcome =>
  TEST_CARDS[digits] ?? {
    kind: 'declined',
    declineCode: 'test_mode_live_card',
    message: `${DECLINED} Your request was in test mode, but used a non test card. Use a test card such as 4242 4242 4242 4242.`,
  };

/** The check digit test that card numbers pass, so that a typing error is caught before it reaches the bank. */
export const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
};
