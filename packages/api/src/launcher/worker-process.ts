import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface WorkerProcessHandle {
  pid: number;
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** Runs the Temporal worker as its own Node process (as in production), with the stack's configuration. */
export function startWorkerProcess(options: {
  projectRoot: string;
  env: Record<string, string>;
  log?: (line: string) => void;
}): WorkerProcessHandle {
  const child: ChildProcess = spawn(process.execPath, [join(options.projectRoot, 'workflows/src/worker/main.ts')], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer) => options.log?.(chunk.toString());
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return processHandle(child);
}

/** A child process as the supervisor sees it: stopped with SIGTERM, and SIGKILL after 15 s if it will not go. */
export function processHandle(child: ChildProcess): WorkerProcessHandle {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid ?? -1,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface SupervisedWorker {
  /** The running worker's pid (a new one after each restart). */
  readonly pid: number;
  /** How often the worker died and was started again. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/** The wait before the n-th restart in a row: 1 s, doubling, at most 30 s. */
export const restartDelayMs = (inARow: number): number => Math.min(30_000, 1_000 * 2 ** Math.max(0, inARow - 1));
/** A worker that ran this long before dying starts the back-off afresh. */
const STEADY_MS = 60_000;

/**
 * Keeps a worker process running: when it dies unasked (a crash, an out-of-memory kill, SIGKILL), it is started
 * again after a growing pause, and the launcher says so. Workflows and reminders in flight resume on the new
 * worker; the reminder intent makes sure none is sent twice.
 */
export function superviseWorker(start: () => WorkerProcessHandle, log: (message: string) => void): SupervisedWorker {
  let current = start();
  let stopping = false;
  let restarts = 0;
  let inARow = 0;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | null = null;
  const watch = (handle: WorkerProcessHandle): void => {
    void handle.exited.then((code) => {
      if (stopping || handle !== current) return;
      inARow = Date.now() - startedAt >= STEADY_MS ? 1 : inARow + 1;
      const delay = restartDelayMs(inARow);
      log(`The worker (pid ${handle.pid}) exited${code === null ? ' on a signal' : ` with code ${code}`}; starting it again in ${delay / 1000} s`);
      timer = setTimeout(() => {
        timer = null;
        if (stopping) return;
        current = start();
        restarts += 1;
        startedAt = Date.now();
        log(`The worker is running again (pid ${current.pid}, restart ${restarts})`);
        watch(current);
      }, delay);
    });
  };
  watch(current);
  return {
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current.stop();
    },
  };
}
