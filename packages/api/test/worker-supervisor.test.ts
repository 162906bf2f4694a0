import { spawn } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { processHandle, restartDelayMs, superviseWorker, type WorkerProcessHandle } from '../src/launcher/worker-process.ts';

// The launcher keeps the worker running: a worker killed with SIGKILL is started again, and the log says so.

/** A stand-in worker: a real process that runs until it is stopped or killed. */
function idleProcess(): WorkerProcessHandle {
  return processHandle(spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the worker supervisor', () => {
  it('starts a worker killed with SIGKILL again under a new pid, and says so', async () => {
    const lines: string[] = [];
    const worker = superviseWorker(idleProcess, (line) => lines.push(line));
    try {
      const first = worker.pid;
      process.kill(first, 'SIGKILL');
      for (let i = 0; i < 100 && worker.restarts === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(worker.restarts).toBe(1);
      expect(worker.pid).not.toBe(first);
      expect(alive(worker.pid)).toBe(true);
      expect(lines).toEqual([
        `The worker (pid ${first}) exited on a signal; starting it again in 1 s`,
        `The worker is running again (pid ${worker.pid}, restart 1)`,
      ]);
    } finally {
      await worker.stop();
    }
  });

  it('does not start a worker it was asked to stop', async () => {
    const lines: string[] = [];
    const worker = superviseWorker(idleProcess, (line) => lines.push(line));
    const pid = worker.pid;
    await worker.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(alive(pid)).toBe(false);
    expect(worker.restarts).toBe(0);
    expect(lines).toEqual([]);
  });

  it('waits longer after each death in a row, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
