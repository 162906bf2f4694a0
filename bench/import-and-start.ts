import { ApiSession } from '../test/support/api-session.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';
import { portfolioCsv } from './portfolio-csv.ts';

// Imports ACCOUNTS accounts with INVOICES_PER_ACCOUNT invoices each through the CSV API on the embedded stack,
// whose workers then start one collection workflow per account in the background; follows the batch until every
// account is dealt with, then waits until every workflow has run its first steps. Prints wall times, workflows
// started per second, the worker's peak memory and any errors.
//
//   sh scripts/pnpm.sh run bench:import            (ACCOUNTS=10000 INVOICES_PER_ACCOUNT=3 by default)

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 10_000);
const INVOICES_PER_ACCOUNT = Number(process.env.INVOICES_PER_ACCOUNT ?? 3);
const bench = await startBenchStack();
const { stack } = bench;

try {
  const csv = portfolioCsv({ accounts: ACCOUNTS, invoicesPerAccount: INVOICES_PER_ACCOUNT, prefix: 'BENCH' });
  console.log(`Portfolio: ${ACCOUNTS} accounts, ${ACCOUNTS * INVOICES_PER_ACCOUNT} invoices, ${(csv.length / 1_048_576).toFixed(1)} MiB of CSV`);
  const admin = await ApiSession.login(stack.apiUrl, 'admin@recoup.local', 'demo-password');

  const t0 = performance.now();
  const res = await admin.request('POST', '/api/imports/portfolio.csv', csv);
  const importMs = performance.now() - t0;
  const body = res.body as { batchId: string; workflowStatus: string; workflowsStarted: number; accountsCreated: number; invoicesCreated: number };
  if (res.status !== 201) throw new Error(`Import failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  console.log(`Import request (parse, validate, write; answered while workflows start): ${(importMs / 1000).toFixed(1)} s`);
  console.log(`  accounts created ${body.accountsCreated}, invoices created ${body.invoicesCreated}; workflows ${body.workflowStatus}, ${body.workflowsStarted} started by then`);

  // The workflows go on starting in the background: follow the batch until every account is dealt with.
  let workflows = { status: body.workflowStatus, started: body.workflowsStarted, processed: 0, total: 0, errors: [] as unknown[] };
  let shown = -1;
  while (workflows.status !== 'started' && workflows.status !== 'failed') {
    await new Promise((r) => setTimeout(r, 1_000));
    workflows = ((await admin.request('GET', `/api/imports/${body.batchId}`)).body as { workflows: typeof workflows }).workflows;
    if (workflows.processed !== shown && workflows.processed % 5_000 < 500) {
      console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${workflows.processed} of ${workflows.total} accounts dealt with, ${workflows.started} started`);
      shown = workflows.processed;
    }
  }
  const startsMs = performance.now() - t0;
  console.log(`Every workflow started (${workflows.status}, ${workflows.errors.length} errors): ${(startsMs / 1000).toFixed(1)} s after the upload began`);

  // Every workflow has run its first steps once no workflow task or activity is pending: count the ones whose
  // history has reached a timer or a task wait, via the running count and the worker's quiet period.
  const temporal = stack.collections.temporal;
  const settleStart = performance.now();
  let quietSince = 0;
  let lastPending = -1;
  for (;;) {
    const { count: running } = await temporal.workflow.count(`WorkflowType = 'collectionWorkflow' AND ExecutionStatus = 'Running'`);
    const rows = await stack.orm.em.fork().execute<{ sent: string }[]>(`select count(*)::text as sent from communication`);
    const pending = Number(rows[0]?.sent ?? 0) + running;
    if (pending === lastPending) {
      quietSince ||= performance.now();
      if (performance.now() - quietSince > 5_000) break;
    } else {
      quietSince = 0;
      lastPending = pending;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const firstStepsMs = performance.now() - settleStart - 5_000;
  const totalMs = startsMs + firstStepsMs;
  const { started } = workflows;
  const sent = await stack.orm.em.fork().execute<{ status: string; n: string }[]>(
    `select status, count(*)::text as n from communication group by status order by status`,
  );
  const tasks = await stack.orm.em.fork().execute<{ n: string }[]>(`select count(*)::text as n from collector_task`);

  console.log(`First steps of every workflow (reminders due now sent, tasks created): ${(firstStepsMs / 1000).toFixed(1)} s more`);
  console.log('');
  console.log(`RESULT wall time (import + starts + first steps): ${(totalMs / 1000).toFixed(1)} s`);
  console.log(`RESULT import answered in ${(importMs / 1000).toFixed(1)} s`);
  console.log(`RESULT workflows started: ${started}, ${(started / (startsMs / 1000)).toFixed(0)} per second from upload to the last start`);
  console.log(`RESULT reminders by status: ${sent.map((r) => `${r.status} ${r.n}`).join(', ') || 'none'}; tasks created ${tasks[0]?.n}`);
  printWorkerResults(bench);
} finally {
  await bench.stop();
}
