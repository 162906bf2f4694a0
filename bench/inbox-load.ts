// How the collector inbox copes with a full worklist: one collector with 500 open tasks on 500 accounts (1 to 4
// open invoices each, random risk scores and strategy priorities), against the embedded stack serving the built
// web app.
//   - the inbox API (GET /api/tasks/inbox, first page of 100, ranked): median and p95 over 40 requests;
//   - the page in headless Chromium: from navigation start to the ranked list rendered (cold, then warm median).
// Run: sh scripts/pnpm.sh --filter @recoup/designer run build && sh scripts/pnpm.sh run bench:inbox
import { Account, AppUser, CollectorTask, Invoice } from '@recoup/db';
import { ApiSession } from '../test/support/api-session.ts';
import { launchChromium, signIn } from '../test/support/browser.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';

const TASKS = 500;
const PAGE = 100;
const API_RUNS = 40;
const DAY = 86_400_000;
const COLLECTOR = 'collector1@recoup.local';

/** A small deterministic generator, so every run ranks the same worklist. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const bench = await startBenchStack();
const browser = await launchChromium();
try {
  const em = bench.stack.orm.em.fork();
  const collector = await em.findOneOrFail(AppUser, { email: COLLECTOR });
  const random = prng(42);
  const now = Date.now();
  const priorities = ['low', 'normal', 'normal', 'high', 'urgent'] as const;
  for (let i = 0; i < TASKS; i += 1) {
    const account = em.create(Account, {
      externalRef: `INBOX-${10_000 + i}`,
      name: `Inbox Bench ${i} GmbH`,
      customerType: 'business',
      segment: random() < 0.3 ? 'key-account' : 'standard',
      riskScore: random() < 0.1 ? null : Math.floor(100 + random() * 850),
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      assignedCollector: collector,
    });
    const invoices = 1 + Math.floor(random() * 4);
    for (let n = 0; n < invoices; n += 1) {
      const amount = BigInt(5_000 + Math.floor(random() * 2_000_000));
      const due = new Date(now - Math.floor(random() * 90 - 10) * DAY).toISOString().slice(0, 10);
      em.create(Invoice, { account, number: `INBOX-${i}-${n}`, issueDate: '2026-01-01', dueDate: due, currency: 'EUR', amountMinor: amount, openMinor: amount });
    }
    em.create(CollectorTask, {
      account,
      key: `bench-inbox-${i}`,
      workflowId: `collection-${account.id}`,
      nodeId: 'task-call',
      taskType: random() < 0.8 ? 'call' : 'review',
      title: 'Call the customer about the overdue balance',
      status: 'open',
      assignee: collector,
      outcomes: ['promise-to-pay', 'payment-plan', 'no-contact', 'wrong-number', 'dispute'],
      dueAt: new Date(now + Math.floor(random() * 72 - 36) * 3_600_000),
      priority: priorities[Math.floor(random() * priorities.length)] ?? 'normal',
    });
  }
  await em.flush();

  const api = await ApiSession.login(bench.stack.apiUrl, COLLECTOR, 'demo-password');
  const path = `/api/tasks/inbox?limit=${PAGE}&tz=UTC`;
  const first = await api.request('GET', path);
  const body = first.body as { total: number; items: unknown[] };
  if (first.status !== 200 || body.total !== TASKS) throw new Error(`The inbox answered ${first.status} with ${JSON.stringify(body).slice(0, 200)}`);
  const times: number[] = [];
  for (let i = 0; i < API_RUNS; i += 1) {
    const started = performance.now();
    const res = await api.request('GET', path);
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`The inbox answered ${res.status}`);
  }
  times.sort((a, b) => a - b);

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, bench.stack.apiUrl, COLLECTOR, '/');
  const load = async (): Promise<number> => {
    await page.goto(`${bench.stack.apiUrl}/tasks`);
    await page.waitForFunction((expected) => document.querySelectorAll('.inbox__item').length === expected, PAGE, { timeout: 60_000, polling: 'raf' });
    return page.evaluate(() => performance.now());
  };
  const cold = await load();
  const warm: number[] = [];
  for (let i = 0; i < 5; i += 1) warm.push(await load());
  warm.sort((a, b) => a - b);
  await context.close();

  console.log(`\nInbox load: one collector with ${TASKS} open tasks on ${TASKS} accounts, first page of ${PAGE}, ranked by priority`);
  console.log(`RESULT inbox API: median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms over ${API_RUNS} requests`);
  console.log(`RESULT inbox page (navigation to ${PAGE} ranked tasks rendered, headless Chromium): cold ${cold.toFixed(0)} ms, warm median ${quantile(warm, 0.5).toFixed(0)} ms (min ${(warm[0] ?? 0).toFixed(0)}, max ${(warm.at(-1) ?? 0).toFixed(0)})`);
} finally {
  await browser.close();
  printWorkerResults(bench);
  await bench.stop();
}
