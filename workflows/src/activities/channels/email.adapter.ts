import type { Mailer } from '../mailer.ts';
import type { ChannelAdapter } from './channel-adapter.ts';

/** Stable Message-ID derived from the idempotency key, so a resend could be recognised downstream. */
export const messageIdFor = (idempotencyKey: string): string => `<${idempotencyKey.replaceAll('/', '.')}@recoup>`;

export class RecipientKindError extends Error {
  override readonly name = 'RecipientKindError';
}

/** E-mail through the SMTP mailer. */
export function createEmailAdapter(mailer: Mailer): ChannelAdapter {
  return {
    async send(message) {
      if (message.recipient.kind !== 'email') {
        throw new RecipientKindError(`The e-mail adapter got a ${message.recipient.kind} recipient for "${message.idempotencyKey}".`);
      }
      const sent = await mailer.send({
        to: message.recipient.address,
        subject: message.subject,
        text: message.text,
        messageId: messageIdFor(message.idempotencyKey),
        headers: message.headers,
      });
      return { providerMessageId: sent.messageId };
    },
  };
}
