import { createHash } from 'node:crypto';
import type { Mailer } from '../mailer.ts';
import { SendInDoubtError, type ChannelAdapter } from './channel-adapter.ts';
import { errorMessage } from '@recoup/domain';
import { WorkflowsError } from '../../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

/** What RFC 5322 allows in a Message-ID's left part (dot-atom-text), besides the dots between atoms. */
const NOT_ATEXT = /[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+/g;

/**
 * A stable Message-ID derived from the idempotency key, so the message can be found in the mail server's log and
 * a resend recognised downstream. The key's characters that a msg-id may not hold (":" among them) become dots,
 * and a digest of the whole key keeps two keys that differ only in those characters apart.
 */
export const messageIdFor = (idempotencyKey: string): string => {
  const atoms = idempotencyKey.replaceAll('/', '.').split(NOT_ATEXT).join('.').split('.').filter((a) => a.length > 0);
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 12);
  return `<${[...atoms, digest].join('.')}@recoup>`;
};

/** Failures of SMTP that happen before the server could have taken the message: connecting, signing in, the envelope. */
const BEFORE_THE_MESSAGE = new Set(['ECONNECTION', 'EDNS', 'EAUTH', 'ETLS', 'EENVELOPE', 'ECONNREFUSED']);

/**
 * Whether an SMTP failure leaves the message in doubt: the server answered nothing (no reply code) after the
 * connection was made and the envelope taken, so it may have kept the message. A reply code means it refused.
 */
export const smtpSendInDoubt = (error: unknown): boolean => {
  if (!(error instanceof Error)) return true;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (typeof responseCode === 'number') return false;
  return !(typeof code === 'string' && BEFORE_THE_MESSAGE.has(code));
};

export class RecipientKindError extends WorkflowsError {
  override readonly name = 'RecipientKindError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('unexpected', 'recipient-kind', message, options);
  }
}

/** E-mail through the SMTP mailer. */
export function createEmailAdapter(mailer: Mailer): ChannelAdapter {
  return {
    // SMTP has no idempotency key: a message a crash left in doubt is never sent again.
    dropsResends: false,
    async send(message) {
      if (message.recipient.kind !== 'email') {
        throw new RecipientKindError(`The e-mail adapter got a ${message.recipient.kind} recipient for "${message.idempotencyKey}".`);
      }
      const messageId = messageIdFor(message.idempotencyKey);
      try {
        const sent = await mailer.send({
          to: message.recipient.address,
          subject: message.subject,
          text: message.text,
          messageId,
          headers: message.headers,
          ...(message.attachments?.length ? { attachments: message.attachments } : {}),
        });
        return { providerMessageId: sent.messageId };
      } catch (error) {
        if (!smtpSendInDoubt(error)) throw error;
        throw new SendInDoubtError(`The mail server's answer for ${messageId} never came: ${errorMessage(error)}`);
      }
    },
  };
}
