import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { recoupDataConverter } from '@recoup/workflows';
import { persistentPayloadKeys } from '../../packages/api/src/launcher/payload-key-file.ts';
import { createTimeSkippingEnv } from '../../workflows/test/temporal-test-env.ts';

/**
 * Which Temporal server the system runs on. dev-server: the launcher starts its embedded dev server, as
 * `npm start` does. time-skipping: the test starts Temporal's time-skipping test server and the launcher connects
 * to it as to any external Temporal (TEMPORAL_ADDRESS); its clock runs at real speed until a test advances it
 * (see advanceTime in system-clock.ts).
 */
export type LaunchedTemporal = 'dev-server' | 'time-skipping';

export interface LaunchOptions {
  timeoutMs?: number;
  env?: Record<string, string>;
  temporal?: LaunchedTemporal;
}

export interface LaunchedSystem {
  apiUrl: string;
  temporalAddress: string;
  dataDir: string;
  /** The time-skipping test server's environment; null on the dev server. */
  timeSkipping: TestWorkflowEnvironment | null;
  output: () => string;
  stop(): Promise<number | null>;
}

/**
 * Starts the system the way the README's first command does (the launcher, on embedded defaults, with the demo
 * portfolio) in a fresh data directory, and waits until it reports that it is running.
 */
export async function launchSystem(options: LaunchOptions = {}): Promise<LaunchedSystem> {
  const timeSkipping = options.temporal === 'time-skipping' ? await createTimeSkippingEnv() : null;
  try {
    return await launchOn(timeSkipping, options);
  } catch (error) {
    await timeSkipping?.teardown();
    throw error;
  }
}

async function launchOn(timeSkipping: TestWorkflowEnvironment | null, options: LaunchOptions): Promise<LaunchedSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recoup-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['packages/api/src/launcher/up.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      RECOUP_DATA_DIR: dataDir,
      // Any free port: the launcher holds it from its first moment and prints the one it got.
      PORT: '0',
      DATABASE_URL: '',
      SMTP_URL: '',
      ...(timeSkipping
        ? // The activities judge deadlines on the test server's virtual clock, like the workflow timers that wake them.
          { TEMPORAL_ADDRESS: timeSkipping.address, TEMPORAL_NAMESPACE: timeSkipping.namespace ?? 'default', RECOUP_ACTIVITY_CLOCK: 'temporal' }
        : { TEMPORAL_ADDRESS: '' }),
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
    timeSkipping,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      // The worker has stopped polling by now, so the server goes without cutting a task off midway.
      await timeSkipping?.teardown();
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * A Temporal client that reads the launched system's workflows as its own workers do: with the payload keys the
 * launcher generated into the data directory. Close its connection when done.
 */
export async function temporalClientOf(system: LaunchedSystem): Promise<Client> {
  const connection = await Connection.connect({ address: system.temporalAddress });
  return new Client({ connection, dataConverter: recoupDataConverter(persistentPayloadKeys(system.dataDir)) });
}
