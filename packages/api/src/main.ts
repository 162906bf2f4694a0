import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@recoup/config';
import { createOrm, migrateToLatest } from '@recoup/db';
import { seedEssentials } from '@recoup/db/seed';
import { connectTemporalClient, createCollectionClient, createImportStartsClient, createReconciliationClient, temporalSettingsFrom } from '@recoup/workflows';
import { createApp, type AppDeps } from './app.ts';
import { createLogger } from './http/logger.ts';
import { errorMessage } from '@recoup/domain';

export interface StartApiOptions extends AppDeps {
  port: number;
  /** Defaults to all interfaces. */
  host?: string;
  /** A server already listening (see listenEarly): the API takes it over instead of binding port and host. */
  server?: Server;
}

/**
 * Binds the API's port before the rest of the system starts, so that nothing else takes it meanwhile (port 0 picks
 * a free one). Until the API takes the server over, every request is answered 503 "starting".
 */
export const listenEarly = async (port: number, host = '0.0.0.0'): Promise<Server> => {
  const server = createServer((_req, res) => {
    res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '5' });
    res.end(JSON.stringify({ error: { code: 'starting', message: 'Recoup is starting; try again in a few seconds.' } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use: set PORT to a free port, or to 0 for any free one.`) : error),
    );
    server.listen(port, host, () => resolve());
  });
  return server;
};

export interface RunningApi {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Starts the HTTP API; the caller owns the ORM and the Temporal client and closes them after `close()`. */
export const startApi = async (options: StartApiOptions): Promise<RunningApi> => {
  const app = createApp(options);
  const server = options.server ?? (await listenEarly(options.port, options.host));
  server.removeAllListeners('request');
  server.on('request', app);
  server.on('checkContinue', app.checkContinue);
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}`,
    port,
    server,
    close: () => {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open until they time out.
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 5_000).unref();
        });
        await app.close();
      })();
      return closed;
    },
  };
};

/** Production entry: configuration from the environment, PostgreSQL and Temporal from their URLs. */
const main = async (): Promise<void> => {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  if (!config.databaseUrl) {
    logger.error('DATABASE_URL is required');
    process.exitCode = 1;
    return;
  }
  if (!config.temporal.payloadKeys) {
    // A key made up here would differ from the worker's, and from the next start's: nothing could be decrypted.
    logger.error('TEMPORAL_PAYLOAD_KEYS is required: the keys that encrypt what Recoup stores in Temporal (see the README)');
    process.exitCode = 1;
    return;
  }
  const orm = await createOrm({ databaseUrl: config.databaseUrl });
  if (config.migrate) {
    const applied = await migrateToLatest(orm);
    if (applied.length > 0) logger.info('applied migrations', { applied });
    // A new installation gets the built-in templates and default strategy, so its first import can start work.
    const seeded = await seedEssentials(orm, new Date());
    if (seeded.templates > 0 || seeded.strategy) logger.info('added built-in templates and strategy', seeded);
  }
  const settings = temporalSettingsFrom(config.temporal);
  const temporal = await connectTemporalClient(settings);
  const collections = createCollectionClient(temporal, settings);
  const reconciliations = createReconciliationClient(temporal, settings);
  const importStarts = createImportStartsClient(temporal, settings);
  const api = await startApi({ orm, collections, reconciliations, importStarts, config, logger, port: config.port });
  logger.info('Recoup API listening', { url: api.url, publicUrl: config.publicUrl });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    try {
      await api.close();
      await temporal.connection.close();
      await orm.close();
    } catch (error) {
      logger.error('error during shutdown', { error: errorMessage(error) });
      process.exitCode = 1;
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`Recoup API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
