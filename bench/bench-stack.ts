import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '@recoup/api/launcher';

// The embedded stack as a benchmark needs it: a fresh data directory, no demo portfolio, the worker's memory
// sampled, and its warnings and errors kept to print at the end.

export interface BenchStack {
  stack: Awaited<ReturnType<typeof startStack>>;
  /** The worker's peak resident memory so far, in MiB. */
  peakRssMiB(): number;
  /** Warning and error lines the worker printed. */
  workerErrors: string[];
  /** Stops the stack and removes its data directory. */
  stop(): Promise<void>;
}

function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recoup-bench-'));
  const workerErrors: string[] = [];
  const stack = await startStack({
    env: { ...process.env, RECOUP_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', TEMPORAL_ADDRESS: '', SMTP_URL: '' },
    projectRoot: fileURLToPath(new URL('../', import.meta.url)),
    seed: { accounts: 0 },
    log: (m) => console.log(`[stack] ${m}`),
    childLog: (line) => {
      if (/\[ERROR\]|\[WARN\]|Error:|failed/.test(line)) workerErrors.push(line.trim().slice(0, 300));
    },
  });
  let peak = 0;
  const sampler = setInterval(() => {
    const rss = rssMiB(stack.workerPid);
    if (rss !== null) peak = Math.max(peak, rss);
  }, 250);
  return {
    stack,
    peakRssMiB: () => peak,
    workerErrors,
    async stop() {
      clearInterval(sampler);
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The last lines every benchmark prints: the worker's memory and what went wrong, if anything. */
export function printWorkerResults(bench: BenchStack): void {
  console.log(`RESULT worker peak RSS: ${bench.peakRssMiB().toFixed(0)} MiB`);
  const errors = bench.workerErrors;
  console.log(`RESULT errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 10).join('\n  ')}` : ''}`);
}
