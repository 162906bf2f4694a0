import { createHmac } from 'node:crypto';

export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

/**
 * Stripe's signature scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the whole secret
 * string (`whsec_` included). Signing the timestamp with the body lets receivers refuse replays of old deliveries.
 */
export const stripeSignatureHeader = (body: string, secret: string, timestampSeconds: number): string =>
  `t=${timestampSeconds},v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')}`;
