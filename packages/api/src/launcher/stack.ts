import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { formatPayloadKeyList, loadConfig, type RecoupConfig } from '@recoup/config';
import { createOrm, migrateToLatest, startEmbeddedPostgres, type RecoupOrm } from '@recoup/db';
import { seedDemo } from '@recoup/db/seed';
import { connectTemporalClient, createCollectionClient, createImportStartsClient, createReconciliationClient, temporalSettingsFrom, type CollectionClient } from '@recoup/workflows';
import { hashPassword } from '../auth/passwords.ts';
import { createLogger } from '../http/logger.ts';
import { startCheckoutSandbox } from '@recoup/checkout-sandbox';
import { startMailSink } from '../mail-sink/mail-sink.ts';
import { listenEarly, startApi } from '../main.ts';
import { persistentPayloadKeys } from './payload-key-file.ts';
import { startOpenAccountWorkflows } from './start-open-workflows.ts';
import { startTemporalDevServer, findTemporalCli } from './temporal-dev-server.ts';
import { startWorkerProcess, superviseWorker, type SupervisedWorker } from './worker-process.ts';
import { errorMessage } from '@recoup/domain';

export interface StackOptions {
  env: Record<string, string | undefined>;
  projectRoot: string;
  /** Seed the demo users, strategy and templates, with this many demo accounts (the README's first command: 200). */
  seed: false | { accounts: number };
  log: (message: string) => void;
  /** Where the worker's and dev server's output goes. */
  childLog?: (line: string) => void;
}

export interface RunningStack {
  config: RecoupConfig;
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  smtpUrl: string;
  /** The embedded checkout sandbox the portal pays through; null when a real provider (STRIPE_API_KEY) is set. */
  checkoutSandboxUrl: string | null;
  /** The running worker's pid; the launcher starts a worker that dies again, under a new pid. */
  readonly workerPid: number;
  worker: SupervisedWorker;
  orm: RecoupOrm;
  collections: CollectionClient;
  stop(): Promise<void>;
}

/**
 * Starts the whole system on one machine: every component that is not configured runs embedded (PostgreSQL
 * under .data/, the Temporal dev server with its SQLite file under .data/, the built-in SMTP sink).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { env, log } = options;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        log(`while stopping: ${errorMessage(error)}`);
      }
    }
  };
  try {
    const baseConfig = loadConfig(env);
    // The API's port is held from the start: the minute it takes to start the rest must not let anything take it.
    const listener = await listenEarly(baseConfig.port);
    stops.push(() => new Promise<void>((done) => listener.close(() => done())));
    const apiPort = (listener.address() as AddressInfo).port;
    const dataDir = resolve(options.projectRoot, baseConfig.dataDir);
    mkdirSync(dataDir, { recursive: true });

    let databaseUrl = baseConfig.databaseUrl;
    if (!databaseUrl) {
      log(`Starting embedded PostgreSQL (data in ${dataDir}/postgres)`);
      const pg = await startEmbeddedPostgres({ dataDir });
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
    }
    const orm = await createOrm({ databaseUrl });
    stops.push(() => orm.close());
    const applied = await migrateToLatest(orm);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);

    let temporalAddress = env.TEMPORAL_ADDRESS?.trim() || null;
    let temporalUiUrl = baseConfig.temporal.uiUrl;
    if (!temporalAddress) {
      const cliPath = findTemporalCli(env, options.projectRoot);
      log(`Starting the Temporal dev server (${cliPath}; SQLite in ${dataDir}/temporal)`);
      const dev = await startTemporalDevServer({ cliPath, dataDir, namespace: baseConfig.temporal.namespace, log: options.childLog });
      stops.push(() => dev.stop());
      temporalAddress = dev.address;
      temporalUiUrl = temporalUiUrl ?? dev.uiUrl;
    }

    let smtpUrl = baseConfig.smtpUrl;
    if (!smtpUrl) {
      // 2525 when it is free; beside another system on the machine (a second checkout, a test) any free port.
      const sink = await startMailSink({ orm, host: '127.0.0.1', port: 2525, anyPortIfTaken: true });
      stops.push(() => sink.close());
      smtpUrl = sink.url;
      log(`Built-in SMTP sink listening at ${smtpUrl}`);
    }

    // Online payment in the portal: without a Stripe key, the checkout sandbox (Stripe's API and webhook signatures,
    // in its own process) stands in, and confirms payments to this API's webhook as Stripe would.
    let payments = baseConfig.portal.payments;
    let checkoutSandboxUrl: string | null = null;
    if (!payments) {
      const checkout = await startCheckoutSandbox({ webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/payments`, onStderr: (text) => options.childLog?.(text) });
      stops.push(() => checkout.stop());
      payments = { apiKey: checkout.apiKey, apiBase: checkout.url, webhookSecret: checkout.webhookSecret };
      checkoutSandboxUrl = checkout.url;
      log(`Checkout sandbox (a Stripe-compatible test provider) listening at ${checkout.url}; pay with card 4242 4242 4242 4242`);
    }

    // The API, the worker and the launcher's own client must all hold the same keys.
    const payloadKeys = baseConfig.temporal.payloadKeys ?? persistentPayloadKeys(dataDir);
    if (!baseConfig.temporal.payloadKeys) log(`Temporal payloads are encrypted with the generated key in ${dataDir}/temporal-payload-keys`);
    const config: RecoupConfig = {
      ...baseConfig,
      publicUrl: env.PUBLIC_URL?.trim() ? baseConfig.publicUrl : `http://localhost:${apiPort}`,
      sessionSecret: baseConfig.sessionSecret ?? persistentSecret(join(dataDir, 'session-secret')),
      // The worker signs the portal links in reminders and the API checks them: one key, kept with the data.
      portal: { ...baseConfig.portal, payments, linkSecret: baseConfig.portal.linkSecret ?? persistentSecret(join(dataDir, 'portal-link-secret')) },
      creditor: options.seed && !baseConfig.creditor.iban ? DEMO_CREDITOR : baseConfig.creditor,
      databaseUrl,
      smtpUrl,
      temporal: { ...baseConfig.temporal, address: temporalAddress, uiUrl: temporalUiUrl, payloadKeys },
    };
    const childEnv: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: config.temporal.namespace,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      TEMPORAL_PAYLOAD_KEYS: formatPayloadKeyList(payloadKeys.keys),
      TEMPORAL_PAYLOAD_KEY_ID: payloadKeys.activeKeyId,
      MAIL_FROM: config.mailFrom,
      PUBLIC_URL: config.publicUrl,
      PORTAL_LINK_SECRET: config.portal.linkSecret ?? '',
      PORTAL_LINK_DAYS: String(config.portal.linkDays),
      PATH: process.env.PATH ?? '',
    };
    const worker = superviseWorker(() => startWorkerProcess({ projectRoot: options.projectRoot, env: childEnv, log: options.childLog }), log);
    stops.push(() => worker.stop());

    const settings = temporalSettingsFrom(config.temporal);
    const temporal = await connectTemporalClient(settings);
    stops.push(() => temporal.connection.close());
    const collections = createCollectionClient(temporal, settings);
    const reconciliations = createReconciliationClient(temporal, settings);
    const importStarts = createImportStartsClient(temporal, settings);

    if (options.seed) {
      const seeded = await seedDemo(orm, { hashPassword, now: new Date(), accounts: options.seed.accounts });
      if (seeded.skipped) {
        // Workflows outlive a restart (they live in Temporal). Starting them again here would begin a new run for
        // every account whose strategy has already finished, so only a freshly seeded portfolio is started.
        log('Demo portfolio already present');
      } else {
        log(`Seeded the demo portfolio: ${seeded.accounts} accounts`);
        const started = await startOpenAccountWorkflows(orm, collections, createLogger(config.logLevel));
        log(`Collection workflows: ${started.started} started, ${started.alreadyRunning} already running, ${started.errors.length} failed to start`);
      }
    }

    const api = await startApi({ orm, collections, reconciliations, importStarts, config, port: apiPort, server: listener });
    stops.push(() => api.close());

    return {
      config,
      apiUrl: api.url,
      databaseUrl,
      temporalAddress,
      temporalUiUrl,
      smtpUrl,
      checkoutSandboxUrl,
      get workerPid() {
        return worker.pid;
      },
      worker,
      orm,
      collections,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The demo portfolio's creditor, so its letters and portal show bank details; the IBAN is the well-known example one. */
const DEMO_CREDITOR: RecoupConfig['creditor'] = {
  addressLines: ['Recoup Demo GmbH', 'Musterstraße 1', '10115 Berlin', 'Germany'],
  bankName: 'Demo Bank',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};

/** A session secret generated once and kept with the data, so sessions survive a restart of the stack. */
function persistentSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
