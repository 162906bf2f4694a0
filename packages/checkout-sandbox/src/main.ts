import { createSandboxServer } from './server.ts';
import type { ListeningLine } from './listening-line.ts';
import { parseSettings, SandboxSettingsError, USAGE } from './settings.ts';

// The checkout sandbox as its own process: `node packages/checkout-sandbox/src/main.ts --port=4242`. It runs apart
// from whatever uses it, as a real payment provider does, so nothing it does can reach into the caller's memory.

const EXIT_BAD_SETTINGS = 2;

if (process.argv.includes('--help')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let settings;
try {
  settings = parseSettings(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof SandboxSettingsError)) throw error;
  process.stderr.write(`checkout-sandbox: ${error.message}\n`);
  process.exit(EXIT_BAD_SETTINGS);
}

const server = await createSandboxServer(settings.server);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`checkout-sandbox: could not close cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (settings.exitOnStdinClose) {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

const line: ListeningLine = { event: 'listening', url: server.url, webhookSecret: server.webhookSecret };
process.stdout.write(`${JSON.stringify(line)}\n`);
