import { ApiSession } from '../test/support/api-session.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';

// The API's responsiveness while a large portfolio CSV imports: GET /api/health is asked every 50 ms for as long
// as the import request runs, and the bench prints its latencies (median, 99th percentile, worst) beside the
// import's own time. The file is read in a worker thread; what is left on the request thread is the database work.
//
//   sh scripts/pnpm.sh run bench:import-responsiveness        (ACCOUNTS=40000, INVOICES_PER_ACCOUNT=3: about 20 MB)

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 40_000);
const INVOICES_PER_ACCOUNT = Number(process.env.INVOICES_PER_ACCOUNT ?? 3);
const DAY = 86_400_000;
const isoDate = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

function portfolioCsv(): string {
  const lines = ['account_ref,account_name,customer_type,time_zone,contact_name,email,consent_email,invoice_number,issue_date,due_date,amount,currency'];
  for (let a = 0; a < ACCOUNTS; a++) {
    const ref = `RESP-${String(a).padStart(6, '0')}`;
    for (let i = 0; i < INVOICES_PER_ACCOUNT; i++) {
      const due = ((a * 7 + i * 13) % 71) - 40;
      const cents = 5_000 + ((a * 7919 + i * 104_729) % 2_000_000);
      const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      lines.push(
        `${ref},Responsive Customer Number ${a} Trading Limited,business,Europe/Berlin,Patricia Payer-Accounts,accounts.payable.${a}@responsive-bench.example,true,RESP-INV-${a}-${i},${isoDate(due - 30)},${isoDate(due)},${amount},EUR`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

const bench = await startBenchStack();
const { stack } = bench;
try {
  const csv = portfolioCsv();
  console.log(`Portfolio: ${ACCOUNTS} accounts, ${ACCOUNTS * INVOICES_PER_ACCOUNT} invoices, ${(Buffer.byteLength(csv) / 1_048_576).toFixed(1)} MiB of CSV`);
  const admin = await ApiSession.login(stack.apiUrl, 'admin@recoup.local', 'demo-password');
  const latencies: number[] = [];
  let importing = true;
  const failures: string[] = [];
  const t0 = performance.now();
  const probe = (async () => {
    while (importing) {
      const t = performance.now();
      try {
        await fetch(`${stack.apiUrl}/api/health`);
        latencies.push(performance.now() - t);
      } catch (error) {
        failures.push(`${((t - t0) / 1000).toFixed(1)} s: ${error instanceof Error ? `${error.message} (${String((error as { cause?: unknown }).cause)})` : String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const res = await admin.request('POST', '/api/imports/portfolio.csv', csv);
  const importMs = performance.now() - t0;
  importing = false;
  await probe;
  console.log(`RESULT health requests that failed: ${failures.length}${failures.length ? `\n  ${failures.slice(0, 5).join('\n  ')}` : ''}`);
  if (res.status !== 201) throw new Error(`Import failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log('');
  console.log(`RESULT import request: ${(importMs / 1000).toFixed(1)} s`);
  console.log(
    `RESULT GET /api/health during it: ${latencies.length} requests, median ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(0)} ms, over 200 ms: ${latencies.filter((l) => l > 200).length}`,
  );
  printWorkerResults(bench);
} finally {
  await bench.stop();
}
