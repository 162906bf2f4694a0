import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { listeningLine, type ListeningLine } from './listening-line.ts';
import { DEFAULT_API_KEY, type SandboxServerOptions } from './server.ts';
import { SETTINGS_ENV_PREFIX, settingsArguments } from './settings.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const DEFAULT_START_TIMEOUT_MS = 15_000;
/** After SIGTERM the sandbox has this long to close before it is killed. */
const STOP_GRACE_MS = 5_000;
/** Enough of stderr to show why a start failed, not a whole log. */
const STDERR_TAIL_CHARS = 8_192;

export interface StartCheckoutSandboxOptions extends SandboxServerOptions {
  /** How long to wait for the sandbox to listen. */
  startTimeoutMs?: number;
  /** Receives what the sandbox writes to stderr. */
  onStderr?: (text: string) => void;
}

export interface RunningCheckoutSandbox {
  /** Where the sandbox listens, e.g. `http://127.0.0.1:43121`: Stripe's API under /v1. */
  url: string;
  apiKey: string;
  /** The secret webhooks are signed with, unless PUT /_sandbox/webhook-endpoint gives another. */
  webhookSecret: string;
  pid: number;
  /** SIGTERM, then SIGKILL if the sandbox has not exited after a few seconds. */
  stop(): Promise<void>;
}

/** The sandbox process did not come up: it exited, could not be spawned, or did not listen in time. */
export class CheckoutSandboxStartError extends Error {
  readonly stderr: string;
  readonly exitCode: number | null;

  constructor(message: string, stderr: string, exitCode: number | null) {
    super(stderr.trim() ? `${message}\n--- stderr of the checkout sandbox ---\n${stderr.trim()}` : message);
    this.name = 'CheckoutSandboxStartError';
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}

const parseLine = (line: string): ListeningLine | null => {
  try {
    const parsed = listeningLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** Node keeps a child's pipes referenced; this lets the parent exit without stopping the sandbox first. */
const unref = (stream: unknown): void => (stream as { unref?: () => void } | null)?.unref?.();

/**
 * Runs the checkout sandbox as its own process (src/main.ts under this Node) and resolves once it listens. The
 * sandbox stops with stop(), or by itself when this process goes, since it watches the stdin pipe held here.
 */
export const startCheckoutSandbox = async (options: StartCheckoutSandboxOptions = {}): Promise<RunningCheckoutSandbox> => {
  const { startTimeoutMs = DEFAULT_START_TIMEOUT_MS, onStderr, ...serverOptions } = options;
  const { args, env } = settingsArguments(serverOptions);
  // Only the options given here decide: settings meant for another sandbox must not leak in from the environment.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith(SETTINGS_ENV_PREFIX)));
  const child = spawn(process.execPath, [MAIN, ...args, '--exit-on-stdin-close'], { env: { ...inherited, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    onStderr?.(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });

  const ready = await new Promise<ListeningLine>((resolve, reject) => {
    const fail = (error: CheckoutSandboxStartError): void => {
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new CheckoutSandboxStartError(`The checkout sandbox did not listen within ${startTimeoutMs} ms.`, stderr, null));
    }, startTimeoutMs);
    lines.on('line', (line) => {
      const parsed = parseLine(line);
      if (!parsed) return;
      clearTimeout(timer);
      resolve(parsed);
    });
    // 'close' rather than 'exit': it comes after stderr is read to the end, so the error can show all of it.
    child.once('close', (code, signal) =>
      fail(new CheckoutSandboxStartError(`The checkout sandbox exited ${code === null ? `on ${signal}` : `with code ${code}`} before it listened.`, stderr, code)));
    child.once('error', (error) => fail(new CheckoutSandboxStartError(`The checkout sandbox could not be started: ${error.message}`, stderr, null)));
  });

  child.unref();
  [child.stdin, child.stdout, child.stderr].forEach(unref);
  return {
    url: ready.url,
    apiKey: serverOptions.apiKey ?? DEFAULT_API_KEY,
    webhookSecret: ready.webhookSecret,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
};
