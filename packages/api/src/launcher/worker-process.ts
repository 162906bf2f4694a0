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
