import type { ChannelConfig } from '@recoup/config';
import type { Mailer } from '../mailer.ts';
import type { ChannelAdapters } from './channel-adapter.ts';
import { createEmailAdapter } from './email.adapter.ts';
import { createWebhookAdapter } from './webhook.adapter.ts';

/** E-mail through the mailer; SMS, letter and webhook through the provider webhooks the configuration names. */
export function createChannelAdapters(config: ChannelConfig, mailer: Mailer): ChannelAdapters {
  const adapters: ChannelAdapters = { email: createEmailAdapter(mailer) };
  const secret = config.webhookSecret;
  // loadConfig refuses a webhook URL without a secret; an unsigned request would be indistinguishable from a forgery.
  if (secret === null) return adapters;
  if (config.smsWebhookUrl) adapters.sms = createWebhookAdapter({ channel: 'sms', url: config.smsWebhookUrl, secret });
  if (config.letterWebhookUrl) adapters.letter = createWebhookAdapter({ channel: 'letter', url: config.letterWebhookUrl, secret });
  if (config.webhookUrl) adapters.webhook = createWebhookAdapter({ channel: 'webhook', url: config.webhookUrl, secret });
  return adapters;
}
