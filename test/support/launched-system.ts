import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface LaunchedSystem {
  apiUrl: string;
  temporalAddress: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/**
 * Starts the system the way the README's first command does (the launcher, on embedded defaults, with the demo
 * portfolio) in a fresh data directory, and waits until it reports that it is running.
 */
export async function launchSystem(options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<LaunchedSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recoup-e2e-'));
  const port = await freeLoopbackPort();
  const child: ChildProcess = spawn(process.execPath, ['packages/api/src/launcher/up.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      RECOUP_DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      SMTP_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (!output.includes('Recoup is running.')) {
    if (child.exitCode !== null) throw new Error(`The launcher exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The launcher did not report running in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const apiUrl = /listening on (http:\/\/\S+?)\)/.exec(output)?.[1];
  const temporalAddress = /Temporal server\s+(\S+)/.exec(output)?.[1];
  if (!apiUrl || !temporalAddress) throw new Error(`Could not read the URLs from the launcher's output:\n${output}`);

  return {
    apiUrl,
    temporalAddress,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
