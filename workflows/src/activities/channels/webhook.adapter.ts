import { ApplicationFailure } from '@temporalio/common';
import type { ReminderChannel } from '@recoup/domain';
import type { ChannelAdapter, ChannelMessage } from './channel-adapter.ts';
import { WEBHOOK_SIGNATURE_HEADER, signWebhookBody } from './webhook-signature.ts';
import { FAILURE_TYPES } from '../../shared/definitions.ts';

export interface WebhookAdapterOptions {
  /** The channel this provider serves, named in errors. */
  channel: ReminderChannel;
  url: string;
  secret: string;
  /** Well below the activity's start-to-close timeout, so a hung provider becomes a retry, not a timeout. */
  timeoutMs?: number;
}

export const { providerRefused: PROVIDER_REFUSED, providerUnavailable: PROVIDER_UNAVAILABLE } = FAILURE_TYPES;

/** The JSON a provider receives. The signature covers these exact bytes. */
export interface WebhookPayload {
  idempotencyKey: string;
  channel: ReminderChannel;
  accountId: string;
  template: string;
  recipient: Exclude<ChannelMessage['recipient'], { kind: 'none' }> | null;
  subject: string;
  text: string;
  html?: string;
  /** Files to go with the message, such as the PDF a letter provider prints and posts. */
  attachments?: { filename: string; contentType: string; contentBase64: string }[];
}

const MAX_RETRY_AFTER_SECONDS = 3_600;

/**
 * POSTs each message as JSON to a provider's webhook with an Idempotency-Key header and an HMAC signature of the
 * body. 2xx is sent. 408, 429, 5xx and network errors are retryable: the provider may take it later. Any other
 * answer is the provider refusing this message for good (bad number, rejected content, wrong URL), and trying
 * again would only repeat it, so it is a non-retryable failure. Errors name the status, never the response
 * body: failures land in the workflow history, and a provider's error text may quote the recipient.
 */
export function createWebhookAdapter(options: WebhookAdapterOptions): ChannelAdapter {
  const target = new URL(options.url);
  // The URL may carry a token in its query; errors name only where it points.
  const where = `${options.channel} provider at ${target.origin}${target.pathname}`;
  return {
    // The receiver gets the key in an Idempotency-Key header and must drop a resend (see the README).
    dropsResends: true,
    async send(message) {
      const payload: WebhookPayload = {
        idempotencyKey: message.idempotencyKey,
        channel: message.channel,
        accountId: message.accountId,
        template: message.templateKey,
        recipient: message.recipient.kind === 'none' ? null : message.recipient,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
        ...(message.attachments?.length
          ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.content.toString('base64') })) }
          : {}),
      };
      const body = JSON.stringify(payload);
      let response: Response;
      try {
        response = await fetch(target, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': message.idempotencyKey,
            [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(body, options.secret),
            'User-Agent': 'Recoup',
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        throw ApplicationFailure.create({
          type: PROVIDER_UNAVAILABLE,
          message: `The ${where} could not be reached for "${message.idempotencyKey}": ${cause}`,
        });
      }
      const answer = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.ok) return { providerMessageId: await providerIdOf(response) };
      await response.body?.cancel();
      if (response.status === 408 || response.status === 429 || response.status >= 500) {
        const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
        throw ApplicationFailure.create({
          type: PROVIDER_UNAVAILABLE,
          message: `The ${where} answered ${answer} for "${message.idempotencyKey}"; it will be tried again.`,
          ...(retryAfter !== null ? { nextRetryDelay: retryAfter * 1000 } : {}),
        });
      }
      throw ApplicationFailure.create({
        type: PROVIDER_REFUSED,
        nonRetryable: true,
        message: `The ${where} refused "${message.idempotencyKey}" with ${answer}.`,
      });
    },
  };
}

/** The provider's message id from a JSON answer such as `{"id": "..."}`; anything else is accepted without one. */
async function providerIdOf(response: Response): Promise<string | null> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { id, messageId } = parsed as { id?: unknown; messageId?: unknown };
    if (typeof id === 'string' || typeof id === 'number') return String(id);
    if (typeof messageId === 'string') return messageId;
    return null;
  } catch {
    return null;
  }
}

/** Retry-After in seconds (the HTTP-date form is rare for APIs and ignored), capped at an hour. */
function retryAfterSeconds(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Math.min(Number(header.trim()), MAX_RETRY_AFTER_SECONDS);
}
