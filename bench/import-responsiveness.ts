import { Worker } from 'node:worker_threads';
import { ApiSession } from '../test/support/api-session.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';
import { portfolioCsv } from './portfolio-csv.ts';
import { camt053, type CamtEntry } from '../packages/domain/test/support/camt053.ts';
import { errorMessage } from '@recoup/domain';

// The API's responsiveness during heavy work: GET /api/health is asked every 50 ms, and the bench prints its
// latencies (median, 99th percentile, worst, and when the slowest were asked) beside the work's own time and the
// memory the API process held. Two pieces of work are measured, one after the other:
// - a large portfolio CSV import, for as long as its request runs;
// - a large camt.053 bank statement, from its upload until its reconciliation has finished, while a client reads
//   its progress once a second as the web app does.
// The probe asks once before each measurement starts and prints that first answer apart: it includes the probe's
// own connection and warm-up, not the API's.
//
// The API runs in this process (the launcher starts it here), so the health checks are asked from a thread of
// their own: asked from the API's thread, a check falls due while the thread is blocked and is sent only once it
// is free again, so the block never shows in any latency. This process also builds the file and sends it; its
// peak memory counts both.
//
//   sh scripts/pnpm.sh run bench:import-responsiveness        (ACCOUNTS=50000, INVOICES_PER_ACCOUNT=3: about 20 MB;
//                                                              STATEMENT_LINES=100000: about 40 MB; 0 skips it)

/** Asks workerData.url every 50 ms until told to stop, then posts [seconds since start, latency ms] pairs back. */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
parentPort.once('message', () => { running = false; });
(async () => {
  const latencies = [];
  const failures = [];
  const w = performance.now();
  try {
    await (await fetch(workerData.url)).arrayBuffer();
  } catch (error) {
    failures.push('warm-up: ' + error.message);
  }
  const first = performance.now() - w;
  parentPort.postMessage({ ready: true });
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
  parentPort.postMessage({ latencies, failures, first });
})();
`;

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 50_000);
const INVOICES_PER_ACCOUNT = Number(process.env.INVOICES_PER_ACCOUNT ?? 3);
const STATEMENT_LINES = Number(process.env.STATEMENT_LINES ?? 100_000);
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const MIB = 1_048_576;

interface Probed {
  latencies: [number, number][];
  failures: string[];
  first: number;
}

/** Probes the API's health while `work` runs and prints what it saw; `work` answers null or what went wrong. */
async function whileProbing(label: string, healthUrl: string, work: () => Promise<string | null>): Promise<string | null> {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const rssSampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
  const probe = new Worker(PROBE, { eval: true, workerData: { url: healthUrl } });
  await new Promise<void>((resolve) => probe.once('message', () => resolve()));
  const probed = new Promise<Probed>((resolve) => probe.once('message', resolve));
  const t0 = performance.now();
  // Failed work is measured too: how the API answered while it ran is the point, and the failure is printed.
  const outcome = await work().catch((error: unknown) => `${errorMessage(error)} (${String((error as { cause?: unknown }).cause)})`);
  const workMs = performance.now() - t0;
  clearInterval(rssSampler);
  probe.postMessage('stop');
  const { latencies: probes, failures, first } = await probed;
  await probe.terminate();
  const latencies = probes.map(([, ms]) => ms);
  const slowest = [...probes].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log('');
  console.log(`RESULT ${label}: ${(workMs / 1000).toFixed(1)} s${outcome === null ? '' : `, FAILED: ${outcome}`}`);
  console.log(`RESULT   health requests that failed: ${failures.length}${failures.length ? `\n  ${failures.slice(0, 5).join('\n  ')}` : ''}`);
  console.log(
    `RESULT   GET /api/health during it: ${latencies.length} requests, median ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(0)} ms, over 200 ms: ${latencies.filter((l) => l > 200).length}; slowest asked at ${slowest.map(([at, ms]) => `${at.toFixed(1)} s (${ms.toFixed(0)} ms)`).join(', ')}`,
  );
  console.log(`RESULT   the probe's first request, before the work began (its own connection and warm-up): ${first.toFixed(0)} ms`);
  console.log(`RESULT   API process RSS: ${(rssBefore / MIB).toFixed(0)} MiB before, peak ${(rssPeak / MIB).toFixed(0)} MiB during it (sampled every 100 ms)`);
  return outcome;
}

const bench = await startBenchStack();
const { stack } = bench;
try {
  const csv = portfolioCsv({ accounts: ACCOUNTS, invoicesPerAccount: INVOICES_PER_ACCOUNT, prefix: 'RESP' });
  console.log(`Portfolio: ${ACCOUNTS} accounts, ${ACCOUNTS * INVOICES_PER_ACCOUNT} invoices, ${(Buffer.byteLength(csv) / 1_048_576).toFixed(1)} MiB of CSV`);
  const admin = await ApiSession.login(stack.apiUrl, 'admin@recoup.local', 'demo-password');
  const health = `${stack.apiUrl}/api/health`;
  const failures: string[] = [];
  const portfolio = await whileProbing('portfolio CSV import request', health, async () => {
    const res = await admin.request('POST', '/api/imports/portfolio.csv', csv);
    return res.status === 201 ? null : `${res.status} ${JSON.stringify(res.body).slice(0, 500)}`;
  });
  if (portfolio !== null) failures.push(portfolio);
  if (STATEMENT_LINES > 0) {
    // Every second line, up to one per account, pays an account's first invoice exactly, by its number (the amount
    // is the one portfolioCsv gives it); the rest come from payers nobody knows and wait in the exception queue.
    const entries = Array.from({ length: STATEMENT_LINES }, (_, n): CamtEntry => {
      const account = n / 2;
      if (n % 2 === 0 && account < ACCOUNTS) {
        const number = `RESP-${String(account).padStart(6, '0')}-INV-0`;
        return { bankRef: `RESP-${n + 1}`, amountMinor: BigInt(5_000 + ((account * 7_919) % 2_000_000)), currency: 'EUR', text: `Invoice ${number}`, payer: `RESP CUSTOMER ${account}` };
      }
      return { bankRef: `RESP-${n + 1}`, amountMinor: BigInt(1_000 + (n % 90_000)), currency: 'EUR', text: 'private transfer', payer: `PRIVATE SENDER ${n + 1}` };
    });
    const xml = camt053({ messageId: 'RESPONSIVENESS', iban: 'DE89370400440532013000', currency: 'EUR', entries });
    console.log('');
    console.log(`Statement: camt.053, ${STATEMENT_LINES} lines, ${(Buffer.byteLength(xml) / MIB).toFixed(1)} MiB`);
    const statement = await whileProbing('bank statement, upload to reconciled', health, async () => {
      const res = await admin.request('POST', '/api/bank-statements?format=camt.053&filename=responsiveness.xml', xml, { 'content-type': 'application/xml' });
      if (res.status !== 201) return `${res.status} ${JSON.stringify(res.body).slice(0, 500)}`;
      const { id } = res.body as { id: string };
      for (;;) {
        const { status } = await admin.get<{ status: string }>(`/api/bank-statements/${id}`);
        if (status === 'reconciled') return null;
        if (status !== 'received' && status !== 'reconciling') return `the statement ended ${status}`;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    });
    if (statement !== null) failures.push(statement);
  }
  printWorkerResults(bench);
  if (failures.length > 0) process.exitCode = 1;
} finally {
  await bench.stop();
}
