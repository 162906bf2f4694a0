// Worker-side entry: the activity implementations and the worker factory.
export type * from './activities/activity-types.ts';
export { activityClock, scheduledAttemptTime } from './activities/activity-clock.ts';
export { createActivities } from './activities/create-activities.ts';
export type { ActivityDeps } from './activities/deps.ts';
export { createSmtpMailer, type Mailer, type OutgoingMail } from './activities/mailer.ts';
export type { ChannelAdapter, ChannelAdapters, ChannelMessage, ChannelReceipt, ChannelRecipient } from './activities/channels/channel-adapter.ts';
export { createChannelAdapters } from './activities/channels/channel-adapters.ts';
export { createEmailAdapter, messageIdFor } from './activities/channels/email.adapter.ts';
export { SMS_MAX_CHARACTERS, SmsTooLongError } from './activities/channels/reminder-content.ts';
export {
  PROVIDER_REFUSED,
  PROVIDER_UNAVAILABLE,
  createWebhookAdapter,
  type WebhookAdapterOptions,
  type WebhookPayload,
} from './activities/channels/webhook.adapter.ts';
export { WEBHOOK_SIGNATURE_HEADER, signWebhookBody, verifyWebhookSignature } from './activities/channels/webhook-signature.ts';
export { CEASE_COMMUNICATION_REASON } from './activities/send-reminder.ts';
export { createWorker, WORKFLOWS_PATH } from './worker/create-worker.ts';
export { createReconciliationActivities, type AccountNotifier, type ReconciliationDeps } from './activities/reconciliation.ts';
export { activityLogger, createAccountNotifier } from './activities/account-notifier.ts';
export { createImportStartActivities } from './activities/import-starts.ts';
export { createModelTrainingActivities, type ModelTrainingDeps } from './activities/model-training.ts';
export type { WorkerActivities } from './worker/create-worker.ts';
