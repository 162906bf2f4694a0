import type { ReminderChannel } from '@recoup/domain';
import { WorkflowsError } from '../../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

/** Who a message goes to, in the form its channel needs. A webhook reminder goes to the creditor, not a person. */
export type ChannelRecipient =
  | { kind: 'email'; address: string; name: string | null }
  | { kind: 'phone'; phone: string }
  | { kind: 'postal'; name: string; postalAddress: string }
  | { kind: 'none' };

/** A file sent with a message: the PDF letter an e-mail carries, or the one a letter provider prints. */
export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ChannelMessage {
  channel: ReminderChannel;
  recipient: ChannelRecipient;
  subject: string;
  text: string;
  html?: string;
  /** The communication's key: providers use it to drop a resend after a crash between their acceptance and ours. */
  idempotencyKey: string;
  accountId: string;
  templateKey: string;
  /** E-mail headers (List-Unsubscribe and the like); transports without headers ignore them. */
  headers: Record<string, string>;
  attachments?: MessageAttachment[];
}

export interface ChannelReceipt {
  /** The provider's id of the message, when it gave one. */
  providerMessageId: string | null;
}

/**
 * One way of handing a message to a provider. An adapter throws a non-retryable ApplicationFailure when the
 * provider refused the message for good, and a retryable error when trying again may help.
 */
export interface ChannelAdapter {
  send(message: ChannelMessage): Promise<ChannelReceipt>;
  /**
   * Whether the provider drops a second message with the same idempotency key. Only then may a send that a crash
   * left in doubt be sent again; otherwise it is marked unconfirmed for a person.
   */
  readonly dropsResends: boolean;
}

/** The adapters of a worker by channel; a channel without one has no provider, and its reminders are suppressed. */
export type ChannelAdapters = Partial<Record<ReminderChannel, ChannelAdapter>>;

/**
 * Thrown by an adapter when the provider may have accepted the message although the send failed (the connection
 * broke while the message was on its way). Any other error means nothing went out.
 */
export class SendInDoubtError extends WorkflowsError {
  override readonly name = 'SendInDoubtError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('unavailable', 'send-in-doubt', message, options);
  }
}
