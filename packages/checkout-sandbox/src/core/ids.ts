import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Random letters and digits, as in Stripe's ids. The slight modulo bias is harmless: ids need to be unique and
 * unguessable enough for a loopback test server, not uniform.
 */
export const randomToken = (length: number): string => {
  let token = '';
  for (const byte of randomBytes(length)) token += ALPHABET[byte % ALPHABET.length];
  return token;
};

/** Stripe's prefixes, so code that checks an id's shape (`cs_`, `pi_`, `evt_`) treats ours the same. */
export const newId = {
  session: (): string => `cs_test_a1${randomToken(56)}`,
  paymentIntent: (): string => `pi_3${randomToken(23)}`,
  event: (): string => `evt_1${randomToken(23)}`,
  lineItem: (): string => `li_1${randomToken(23)}`,
  price: (): string => `price_1${randomToken(23)}`,
  product: (): string => `prod_${randomToken(14)}`,
  request: (): string => `req_${randomToken(14)}`,
  webhookEndpoint: (): string => `we_1${randomToken(23)}`,
  webhookSecret: (): string => `whsec_${randomToken(32)}`,
};
