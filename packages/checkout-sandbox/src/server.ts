import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { newId } from './core/ids.ts';
import { createSandbox, type Sandbox } from './core/sandbox.ts';
import { hostedCheckoutRoutes } from './http/hosted-checkout.routes.ts';
import { sandboxControlRoutes } from './http/sandbox-control.routes.ts';
import { stripeApiRoutes } from './http/stripe-api.routes.ts';
import { stripeErrorHandler, unrecognizedUrl } from './http/stripe-error-handler.ts';

export const DEFAULT_API_KEY = 'sk_test_sandbox';
export const DEFAULT_HOST = '127.0.0.1';

export interface SandboxServerOptions {
  /** 0 (the default) listens on any free port; the url says which. */
  port?: number;
  host?: string;
  /** The one secret key the server accepts, as Bearer or Basic auth. */
  apiKey?: string;
  webhookUrl?: string | null;
  /** Signs every webhook; generated (`whsec_…`) when not given. */
  webhookSecret?: string;
  retryBaseDelayMs?: number;
  maxDeliveryAttempts?: number;
  /** How long after the payer confirms a bank transfer it is reported paid. */
  settleDelayMs?: number;
}

export interface SandboxServer {
  url: string;
  port: number;
  apiKey: string;
  /** The secret webhooks are signed with at start; PUT /_sandbox/webhook-endpoint can replace it. */
  webhookSecret: string;
  /** The sandbox behind the routes, for tests of its pieces in one process. */
  sandbox: Sandbox;
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 2_000;

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/** The checkout sandbox in this process, listening: Stripe's API at /v1, the hosted page at /c/pay, controls at /_sandbox. */
export const createSandboxServer = async (options: SandboxServerOptions = {}): Promise<SandboxServer> => {
  const host = options.host ?? DEFAULT_HOST;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  let baseUrl = '';
  const sandbox = createSandbox({
    hostedPageUrl: (sessionId) => `${baseUrl}/c/pay/${sessionId}`,
    webhookUrl: options.webhookUrl ?? null,
    webhookSecret: options.webhookSecret ?? newId.webhookSecret(),
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1_000,
    maxDeliveryAttempts: options.maxDeliveryAttempts ?? 8,
    settleDelayMs: options.settleDelayMs ?? 1_000,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Stripe's list and retrieve parameters use the same bracket notation as its bodies.
  app.set('query parser', 'extended');
  app.use('/v1', stripeApiRoutes(sandbox, apiKey));
  app.use('/_sandbox', sandboxControlRoutes(sandbox, apiKey));
  app.use('/c/pay', hostedCheckoutRoutes(sandbox));
  app.use(unrecognizedUrl);
  app.use(stripeErrorHandler);

  const server = createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: baseUrl,
    port,
    apiKey,
    webhookSecret: sandbox.webhookSecret(),
    sandbox,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Stripe's SDK keeps connections alive, and a client need never drop them: idle ones go now, busy ones get
        // a moment to finish their answer.
        server.closeIdleConnections();
        const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        await Promise.all([closed, sandbox.close()]);
        clearTimeout(cutOff);
      })();
      return closing;
    },
  };
};
