import { Runtime } from '@temporalio/worker';
import { createLogger, creditorLetterhead, loadConfig } from '@recoup/config';
import { createOrm, listModels } from '@recoup/db';
import { errorMessage } from '@recoup/domain';
import { createTrainingPool } from '@recoup/prediction';
import { activityClock } from '../activities/activity-clock.ts';
import { createChannelAdapters } from '../activities/channels/channel-adapters.ts';
import { createActivities } from '../activities/create-activities.ts';
import { createSmtpMailer } from '../activities/mailer.ts';
import { activityLogger, createAccountNotifier } from '../activities/account-notifier.ts';
import { createImportStartActivities } from '../activities/import-starts.ts';
import { createModelTrainingActivities } from '../activities/model-training.ts';
import { ensureTrainingSchedule, startFirstTrainingRun } from '../client/model-training.ts';
import { createReconciliationActivities } from '../activities/reconciliation.ts';
import { createAccountEventOutbox } from '../client/account-events.ts';
import { connectTemporalClient, createCollectionClient } from '../client/collection-client.impl.ts';
import { registerSearchAttributes } from '../client/search-attributes-registration.ts';
import type { StartLogger } from '../client/starting/start-logger.ts';
import { temporalSettingsFrom } from '../client/temporal-settings.ts';
import { createWorker } from './create-worker.ts';
import { temporalLogger } from './temporal-logger.ts';

// The worker process: runs collection workflows and their activities. Scale out by starting more of these.

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
// The SDK logs every bundling step at INFO; below debug only warnings and errors are worth an operator's time.
Runtime.install({ logger: temporalLogger(logger, ['debug', 'trace'].includes(config.logLevel) ? 'DEBUG' : 'WARN') });
if (!config.databaseUrl) throw new Error('DATABASE_URL is required to run the worker.');
if (!config.smtpUrl) throw new Error('SMTP_URL is required to run the worker.');
// The worker must hold the keys the API encrypts with; it never makes one up (see the README).
if (!config.temporal.payloadKeys) throw new Error('TEMPORAL_PAYLOAD_KEYS is required to run the worker.');

const orm = await createOrm({ databaseUrl: config.databaseUrl, poolMax: 20 });
const mailer = createSmtpMailer(config.smtpUrl, config.mailFrom);
const channels = createChannelAdapters(config.channels, mailer);
const temporal = temporalSettingsFrom(config.temporal);
// Reconciliation tells collection workflows about payments, and starts collection again after a reversal; an
// import's accounts have their collection started from here too.
const client = await connectTemporalClient(temporal);
// Workflows upsert the admin console's search attributes, and a server refuses an upsert of an unknown one: make
// sure they exist before taking any workflow task (the dev server has them from its start already).
await registerSearchAttributes(client.connection, config.temporal.namespace);
const collections = createCollectionClient(client, temporal);
const notifier = createAccountNotifier(orm, collections, activityLogger);
const training = createTrainingPool();
const portal = config.portal.linkSecret ? { secret: config.portal.linkSecret, linkDays: config.portal.linkDays } : undefined;
if (!portal) logger.warn('PORTAL_LINK_SECRET is not set: reminders go out without a link to the debtor portal.');
const activities = {
  ...createActivities({ orm, mailer, channels, publicUrl: config.publicUrl, portal, letterhead: creditorLetterhead(config), now: activityClock(config.activityClock) }),
  ...createReconciliationActivities({ orm, notifier }),
  ...createImportStartActivities({ orm, collections, logger: activityLogger }),
  ...createModelTrainingActivities({ orm, training, now: activityClock(config.activityClock) }),
};
const { worker, connection } = await createWorker({ temporal, activities });
// The payment models retrain nightly; the schedule is made once and then left to Temporal. A server without
// Schedules (the time-skipping test server) still runs everything else, and admins can start runs.
await ensureTrainingSchedule(client, { taskQueue: config.temporal.taskQueue }).catch((error: unknown) =>
  logger.warn('Could not create the nightly model-training schedule; models train only when an admin starts a run.', {
    error: errorMessage(error),
  }),
);
// A system with no model yet trains one now, from whatever history it holds, rather than after the first night.
if ((await listModels(orm.em.fork())).length === 0) {
  await startFirstTrainingRun(client, config.temporal.taskQueue)
    .then((started) => started && console.log('No payment model yet: training the first one from the ledger now.'))
    .catch((error: unknown) => logger.warn('Could not start the first model-training run.', { error: errorMessage(error) }));
}
// The worker drains the account-event outbox too, so a change the API committed but could not signal (Temporal
// away, the API killed between commit and signal) reaches its workflow even while no API process runs.
const processLogger: StartLogger = logger;
const accountEvents = createAccountEventOutbox({ orm, collections, logger: processLogger });
accountEvents.start(1_000);

const shutdown = () => worker.shutdown();
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

console.log(`Recoup worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
if (config.activityClock === 'temporal') console.log('Activities read the time from Temporal (RECOUP_ACTIVITY_CLOCK=temporal).');
// Reminders on a channel without a provider are suppressed, so say which ones will be.
const unserved = (['sms', 'letter', 'webhook'] as const).filter((channel) => !channels[channel]);
if (unserved.length > 0) console.log(`No provider configured for ${unserved.join(', ')}: reminders on these channels are suppressed.`);
try {
  await worker.run();
} finally {
  await accountEvents.close();
  mailer.close();
  await training.close();
  await connection.close();
  await client.connection.close();
  await orm.close();
}
