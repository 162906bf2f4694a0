import { Worker } from 'node:worker_threads';
import { ApiSession } from '../test/support/api-session.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';
import { portfolioCsv } from './portfolio-csv.ts';

// The API's responsiveness while a large portfolio CSV imports: GET /api/health is asked every 50 ms for as long
// as the import request runs, and the bench prints its latencies (median, 99th percentile, worst, and when the
// slowest were asked) beside the import's own time and the memory the API process held.
//
// The API runs in this process (the launcher starts it here), so the health checks are asked from a thread of
// their own: asked from the API's thread, a check falls due while the thread is blocked and is sent only once it
// is free again, so the block never shows in any latency. This process also builds the file and sends it; its
// peak memory counts both.
//
//   sh scripts/pnpm.sh run bench:import-responsiveness        (ACCOUNTS=50000, INVOICES_PER_ACCOUNT=3: about 20 MB)

/** Asks workerData.url every 50 ms until told to stop, then posts [seconds since start, latency ms] pairs back. */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
parentPort.once('message', () => { running = false; });
(async () => {
  const latencies = [];
  const failures = [];
  const t0 = performance.now();
  while (running) {
    const t = performance.now();
    try {
      await (await fetch(workerData.url)).arrayBuffer();
      latencies.push([(t - t0) / 1000, performance.now() - t]);
    } catch (error) {
      failures.push(((t - t0) / 1000).toFixed(1) + ' s: ' + error.message + ' (' + String(error.cause) + ')');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  parentPort.postMessage({ latencies, failures });
})();
`;

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 50_000);
const INVOICES_PER_ACCOUNT = Number(process.env.INVOICES_PER_ACCOUNT ?? 3);
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const MIB = 1_048_576;

const bench = await startBenchStack();
const { stack } = bench;
try {
  const csv = portfolioCsv({ accounts: ACCOUNTS, invoicesPerAccount: INVOICES_PER_ACCOUNT, prefix: 'RESP' });
  console.log(`Portfolio: ${ACCOUNTS} accounts, ${ACCOUNTS * INVOICES_PER_ACCOUNT} invoices, ${(Buffer.byteLength(csv) / 1_048_576).toFixed(1)} MiB of CSV`);
  const admin = await ApiSession.login(stack.apiUrl, 'admin@recoup.local', 'demo-password');
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const rssSampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
  const probe = new Worker(PROBE, { eval: true, workerData: { url: `${stack.apiUrl}/api/health` } });
  const probed = new Promise<{ latencies: [number, number][]; failures: string[] }>((resolve) => probe.once('message', resolve));
  const t0 = performance.now();
  // A failed import is measured too: how the API answered while it ran is the point, and the failure is printed.
  const outcome = await admin.request('POST', '/api/imports/portfolio.csv', csv).then(
    (res) => (res.status === 201 ? null : `${res.status} ${JSON.stringify(res.body).slice(0, 500)}`),
    (error: unknown) => `${error instanceof Error ? error.message : String(error)} (${String((error as { cause?: unknown }).cause)})`,
  );
  const importMs = performance.now() - t0;
  clearInterval(rssSampler);
  probe.postMessage('stop');
  const { latencies: probes, failures } = await probed;
  await probe.terminate();
  const latencies = probes.map(([, ms]) => ms);
  const slowest = [...probes].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`RESULT health requests that failed: ${failures.length}${failures.length ? `\n  ${failures.slice(0, 5).join('\n  ')}` : ''}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log('');
  console.log(`RESULT import request: ${(importMs / 1000).toFixed(1)} s${outcome === null ? '' : `, FAILED: ${outcome}`}`);
  console.log(
    `RESULT GET /api/health during it: ${latencies.length} requests, median ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(0)} ms, over 200 ms: ${latencies.filter((l) => l > 200).length}; slowest asked at ${slowest.map(([at, ms]) => `${at.toFixed(1)} s (${ms.toFixed(0)} ms)`).join(', ')}`,
  );
  console.log(
    `RESULT API process RSS: ${(rssBefore / MIB).toFixed(0)} MiB before the import, peak ${(rssPeak / MIB).toFixed(0)} MiB during it (sampled every 100 ms)`,
  );
  printWorkerResults(bench);
  if (outcome !== null) process.exitCode = 1;
} finally {
  await bench.stop();
}
