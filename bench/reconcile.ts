import type { EntityManager } from '@recoup/db';
import { mulberry32 } from '@recoup/domain';
import { ApiSession } from '../test/support/api-session.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';
import { camt053, type CamtEntry } from '../packages/domain/test/support/camt053.ts';

// Reconciliation throughput on the embedded stack: a ledger of ACCOUNTS accounts with two open invoices each is
// written straight into PostgreSQL, then a camt.053 statement of LINES lines is posted to the API, which parses and
// stores it and starts the reconciliation workflow; the bench polls the statement until it is reconciled. Prints
// the time to parse and store, the time to reconcile, lines per second from parse to applied, the outcome counts,
// the time of a plain COPY of the same payment and allocation rows (copyBaseline) with the ratio of the two rates,
// and the worker's peak memory. No collection workflows are started for the ledger's accounts, so the signals the
// reconciliation sends after each batch find no workflow to tell.
//
//   sh scripts/pnpm.sh run bench:reconcile                       (LINES=100000, ACCOUNTS=LINES/2 by default)
//   LINES=5000 ACCOUNTS=3000 sh scripts/pnpm.sh run bench:reconcile
//
// The statement's mix: 70% name one invoice by its number and pay it exactly, 8% quote the customer number and pay
// part of the oldest invoice, 7% pay both of an account's invoices at once (naming both, or quoting the customer
// number with the total), 13% come from payers the ledger does not know (they go to the exception queue) and 2% are
// outgoing bank charges (skipped). Every invoice is paid by at most one line.

const LINES = Number(process.env.LINES ?? 100_000);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? Math.ceil(LINES / 2));
const SEED = Number(process.env.SEED ?? 11);
/** Gives up when the statement has not finished after this many minutes. */
const TIMEOUT_MINUTES = Number(process.env.TIMEOUT_MINUTES ?? 60);
/** As often as the web app's progress bar reads the statement. */
const POLL_MS = 1_000;
const PRINT_EVERY_MS = 5_000;

type Kind = 'exact' | 'part' | 'several' | 'unknown' | 'charge';
const MIX: [Kind, number][] = [
  ['part', 0.08],
  ['several', 0.07],
  ['unknown', 0.13],
  ['charge', 0.02],
];

interface LedgerAccount {
  externalRef: string;
  name: string;
  invoices: { number: string; openMinor: bigint }[];
}

interface StatementDetail {
  status: 'received' | 'reconciling' | 'reconciled' | 'failed';
  progress: { lines: number; pending: number; applied: number; reversed: number; exceptions: number; skipped: number; appliedMinor: { currency: string; amountMinor: string }[] };
  workflow: { workflowId: string; status: string } | null;
}


/** The kinds of the LINES lines, in exact shares, shuffled. */
function planKinds(random: () => number): Kind[] {
  const kinds: Kind[] = [];
  for (const [kind, share] of MIX) for (let i = 0; i < Math.round(LINES * share); i++) kinds.push(kind);
  while (kinds.length < LINES) kinds.push('exact');
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as Kind, kinds[i] as Kind];
  }
  return kinds;
}

function accountsNeeded(kinds: readonly Kind[]): number {
  const count = (k: Kind) => kinds.filter((x) => x === k).length;
  return Math.ceil(count('exact') / 2) + count('part') + count('several');
}

/** The statement's entries: every line that pays something pays invoices no other line pays. */
function statementEntries(kinds: readonly Kind[], ledger: readonly LedgerAccount[], random: () => number): CamtEntry[] {
  const exactAccounts = Math.ceil(kinds.filter((k) => k === 'exact').length / 2);
  let nextExact = 0;
  let nextFresh = exactAccounts;
  const account = (i: number): LedgerAccount => {
    const a = ledger[i];
    if (!a) throw new Error(`The ledger has no account ${i}`);
    return a;
  };
  return kinds.map((kind, n): CamtEntry => {
    const bankRef = `RB-${String(n + 1).padStart(7, '0')}`;
    const endToEndId = n % 2 === 0 ? `E2E${String(n + 1).padStart(9, '0')}` : 'NOTPROVIDED';
    switch (kind) {
      case 'exact': {
        const a = account(Math.floor(nextExact / 2));
        const invoice = a.invoices[nextExact % 2];
        if (!invoice) throw new Error(`Account ${a.externalRef} has no invoice ${(nextExact % 2) + 1}`);
        nextExact += 1;
        const text = [`Invoice ${invoice.number}`, invoice.number, `Payment ${invoice.number} thank you`, `re ${invoice.number.toLowerCase()}`][n % 4] as string;
        return { bankRef, amountMinor: invoice.openMinor, currency: 'EUR', text, endToEndId, payer: a.name.toUpperCase() };
      }
      case 'part': {
        const a = account(nextFresh++);
        const oldest = a.invoices[0];
        if (!oldest) throw new Error(`Account ${a.externalRef} has no invoice`);
        return { bankRef, amountMinor: oldest.openMinor / 3n + 7n, currency: 'EUR', text: `Customer ${a.externalRef} part payment`, endToEndId, payer: a.name.toUpperCase() };
      }
      case 'several': {
        const a = account(nextFresh++);
        const total = a.invoices.reduce((sum, i) => sum + i.openMinor, 0n);
        const text = n % 2 === 0 ? `Invoices ${a.invoices.map((i) => i.number).join(' and ')}` : `Customer ${a.externalRef}`;
        return { bankRef, amountMinor: total, currency: 'EUR', text, endToEndId, payer: a.name.toUpperCase() };
      }
      case 'unknown':
        return {
          bankRef,
          amountMinor: BigInt(1_000 + Math.floor(random() * 200_000)),
          currency: 'EUR',
          text: 'private transfer',
          endToEndId: 'NOTPROVIDED',
          payer: `PRIVATE SENDER ${n + 1}`,
        };
      case 'charge':
        return { bankRef, amountMinor: 1_250n, currency: 'EUR', direction: 'debit', text: 'Account maintenance fee' };
    }
  });
}

/**
 * The floor the reconciliation is measured against: the payment and allocation rows it wrote, loaded again with
 * plain COPY into the same tables on the same database, with their indexes, foreign keys and triggers, in a
 * transaction that is rolled back. Rolling back (rather than copying into a scratch database) keeps the baseline on
 * the very tables, statistics and cache the reconciliation used, and leaves the ledger as it was. Inside it, the
 * invoices are first given back their open amounts and the payments get fresh ids and no statement line, so the
 * same allocations fit again and no unique constraint is hit; only the two COPY statements are timed. The files are
 * read by the server from its data directory, so no client-side streaming is charged to COPY either: if anything,
 * the baseline is faster than a COPY from the worker would be. COPY does none of the matching, the line outcomes,
 * the promise checks, the commit-time ledger check or the workflow's orchestration.
 *
 * The allocation table's statement trigger (moving the money to payments and invoices) is most of that COPY's
 * time, so the same COPY is also timed with it disabled (inside the rolled-back transaction; foreign keys and
 * checks stay on): the raw cost of writing the rows, for reference.
 */
async function copyBaseline(em: EntityManager, statementId: string): Promise<{ ms: number; rawMs: number; payments: number; allocations: number }> {
  const ofStatement = `from payment p join statement_line l on l.id = p.statement_line_id where l.bank_statement_id = '${statementId}'`;
  const [counts] = await em.execute<{ payments: string; allocations: string }[]>(
    `select count(*)::text as payments, (select count(*) from allocation a where a.payment_id in (select p.id ${ofStatement}))::text as allocations ${ofStatement}`,
  );
  // COPY names server files by absolute path; the server's own data directory is one it can always write and read.
  const [{ dir } = { dir: '' }] = await em.execute<{ dir: string }[]>(`select current_setting('data_directory') as dir`);
  const file = (name: string) => `'${`${dir}/${name}`.replaceAll("'", "''")}'`;
  // A fresh id derived from the original, so an allocation names its payment's copy without a lookup.
  const fresh = (column: string) => `md5(${column}::text || '-copy')::uuid`;
  await em.execute(
    `copy (select ${fresh('p.id')}, p.account_id, p.amount_minor, p.currency, p.received_at, p.reference, p.payer_name, p.amount_minor ${ofStatement})
       to ${file('bench-copy-payment.csv')} with (format csv)`,
  );
  await em.execute(
    `copy (select ${fresh('a.payment_id')}, a.invoice_id, a.amount_minor from allocation a where a.payment_id in (select p.id ${ofStatement}))
       to ${file('bench-copy-allocation.csv')} with (format csv)`,
  );
  const timedCopy = async (moneyTrigger: boolean): Promise<number> => {
    await em.begin();
    try {
      if (!moneyTrigger) await em.execute(`alter table allocation disable trigger user`);
      await em.execute(
        `update invoice set open_minor = amount_minor, status = 'open'
          where id in (select a.invoice_id from allocation a where a.payment_id in (select p.id ${ofStatement}))`,
      );
      const start = performance.now();
      await em.execute(
        `copy payment (id, account_id, amount_minor, currency, received_at, reference, payer_name, unallocated_minor) from ${file('bench-copy-payment.csv')} with (format csv)`,
      );
      await em.execute(`copy allocation (payment_id, invoice_id, amount_minor) from ${file('bench-copy-allocation.csv')} with (format csv)`);
      return performance.now() - start;
    } finally {
      await em.rollback();
    }
  };
  const ms = await timedCopy(true);
  const rawMs = await timedCopy(false);
  return { ms, rawMs, payments: Number(counts?.payments ?? 0), allocations: Number(counts?.allocations ?? 0) };
}

const random = mulberry32(SEED);
const kinds = planKinds(random);
const needed = accountsNeeded(kinds);
if (needed > ACCOUNTS) {
  throw new Error(`LINES=${LINES} pays invoices of ${needed} accounts, but ACCOUNTS=${ACCOUNTS}: raise ACCOUNTS to at least ${needed}.`);
}

const bench = await startBenchStack();
const { stack } = bench;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

try {
  // The ledger, set-based: accounts RB-C-000001.., each with two open invoices RB-INV-000001.., the older one first.
  const ledgerStart = performance.now();
  const em = stack.orm.em.fork();
  await em.execute(
    `insert into account (external_ref, name, customer_type, currency, time_zone)
     select 'RB-C-' || lpad(g::text, greatest(6, length(g::text)), '0'),
            (array['Harbour','Pike','Nordlicht','Cedar','Bakery','Atlas','Meridian','Oak','River','Summit','Vega','Linden','Falcon','Orchard','Quarry'])[1 + g % 15]
              || ' ' || (array['Works','Trading','Foods','Logistics','Studio','Partners','Supplies','Motors','Textiles','Media','Systems'])[1 + (g / 15) % 11]
              || ' ' || g || ' ' || (array['Ltd','GmbH','SA','Inc','BV'])[1 + g % 5],
            'business', 'EUR', 'Europe/Berlin'
       from generate_series(1, ?::int) as g`,
    [ACCOUNTS],
  );
  await em.execute(
    `insert into invoice (account_id, number, issue_date, due_date, currency, amount_minor, open_minor)
     select a.id, 'RB-INV-' || lpad(x.n::text, greatest(6, length(x.n::text)), '0'),
            current_date - (120 - 30 * k), current_date - (90 - 30 * k), 'EUR', x.amount, x.amount
       from (select id, substr(external_ref, 6)::int as seq from account where external_ref like 'RB-C-%') as a
       cross join generate_series(1, 2) as k
       cross join lateral (select 2 * (a.seq - 1) + k as n, 5000 + ((2 * (a.seq - 1) + k)::bigint * 7919) % 2000000 as amount) as x`,
  );
  await em.execute('analyze account, invoice');
  const rows = await em.execute<{ external_ref: string; name: string; number: string; open_minor: string }[]>(
    `select a.external_ref, a.name, i.number, i.open_minor::text
       from account a join invoice i on i.account_id = a.id
      where a.external_ref like 'RB-C-%'
      order by a.external_ref, i.due_date, i.number`,
  );
  const ledger: LedgerAccount[] = [];
  for (const r of rows) {
    let last = ledger.at(-1);
    if (last?.externalRef !== r.external_ref) {
      last = { externalRef: r.external_ref, name: r.name, invoices: [] };
      ledger.push(last);
    }
    last.invoices.push({ number: r.number, openMinor: BigInt(r.open_minor) });
  }
  console.log(`Ledger: ${ledger.length} accounts, ${rows.length} open invoices, written with SQL in ${seconds(performance.now() - ledgerStart)} s`);
  console.log('  (no collection workflows are started for these accounts: the payment signals after each batch find none to tell)');

  const generateStart = performance.now();
  const entries = statementEntries(kinds, ledger, random);
  const xml = camt053({ messageId: `RB-STMT-${SEED}-${LINES}`, iban: 'DE89370400440532013000', currency: 'EUR', entries });
  const mix = MIX.map(([k]) => k)
    .concat('exact')
    .map((k) => `${k} ${kinds.filter((x) => x === k).length}`)
    .join(', ');
  console.log(`Statement: camt.053, ${LINES} lines (${mix}), ${(Buffer.byteLength(xml) / 1_048_576).toFixed(1)} MiB, generated in ${seconds(performance.now() - generateStart)} s`);

  const admin = await ApiSession.login(stack.apiUrl, 'admin@recoup.local', 'demo-password');
  const t0 = performance.now();
  const res = await admin.request('POST', `/api/bank-statements?format=camt.053&filename=${encodeURIComponent(`bench-${LINES}.xml`)}`, xml, {
    'content-type': 'application/xml',
  });
  const storedMs = performance.now() - t0;
  if (res.status !== 201) throw new Error(`Import failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  const imported = res.body as { id: string; lines: number; newLines: number };
  console.log(`Parse + store + workflow start: ${seconds(storedMs)} s (${imported.newLines} of ${imported.lines} lines stored)`);

  const deadline = t0 + TIMEOUT_MINUTES * 60_000;
  let lastPrinted = 0;
  let detail: StatementDetail;
  for (;;) {
    detail = await admin.get<StatementDetail>(`/api/bank-statements/${imported.id}`);
    const now = performance.now();
    const done = detail.status === 'reconciled' || detail.status === 'failed';
    if (done || now - lastPrinted >= PRINT_EVERY_MS) {
      const p = detail.progress;
      console.log(
        `  ${seconds(now - t0).padStart(6)} s  ${detail.status.padEnd(11)} pending ${p.pending}  applied ${p.applied}  exceptions ${p.exceptions}  skipped ${p.skipped}  reversed ${p.reversed}`,
      );
      lastPrinted = now;
    }
    if (detail.status === 'failed') throw new Error(`The reconciliation failed: ${JSON.stringify(detail.workflow)}`);
    if (done) break;
    if (now > deadline) throw new Error(`The statement was not reconciled within ${TIMEOUT_MINUTES} minutes`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const totalMs = performance.now() - t0;
  const reconcileMs = totalMs - storedMs;
  const p = detail.progress;
  const byRule = await stack.orm.em.fork().execute<{ status: string; rule: string | null; n: string }[]>(
    `select status, rule, count(*)::text as n from statement_line where bank_statement_id = ? group by status, rule order by status, count(*) desc`,
    [imported.id],
  );

  const copy = await copyBaseline(stack.orm.em.fork(), imported.id);
  const linesPerSecond = LINES / (totalMs / 1000);
  const copyLinesPerSecond = LINES / (copy.ms / 1000);

  console.log('');
  console.log(`RESULT lines: ${LINES}, ledger: ${ACCOUNTS} accounts with 2 open invoices each (no collection workflows)`);
  console.log(`RESULT parse + store + workflow start: ${seconds(storedMs)} s`);
  console.log(`RESULT reconcile (workflow start to reconciled): ${seconds(reconcileMs)} s, ${Math.round(LINES / (reconcileMs / 1000))} lines/s`);
  console.log(`RESULT total, parse to applied: ${seconds(totalMs)} s, ${Math.round(LINES / (totalMs / 1000))} lines/s`);
  console.log(
    `RESULT applied ${p.applied}, exceptions ${p.exceptions}, skipped ${p.skipped}, reversed ${p.reversed}, pending ${p.pending}; money applied ${p.appliedMinor.map((m) => `${m.currency} ${m.amountMinor}`).join(', ') || 'none'} (minor units)`,
  );
  console.log(
    `RESULT plain COPY of the same ${copy.payments} payments and ${copy.allocations} allocations into payment and allocation (same database, rolled back): ${seconds(copy.ms)} s, ${Math.round(copyLinesPerSecond)} lines/s`,
  );
  console.log(
    `RESULT the same COPY with the allocation table's own triggers disabled (foreign keys and checks on): ${seconds(copy.rawMs)} s, ${Math.round(LINES / (copy.rawMs / 1000))} lines/s; ratio parse to applied vs it: ${(linesPerSecond / (LINES / (copy.rawMs / 1000))).toFixed(2)}x`,
  );
  console.log(
    `RESULT ratio, parse to applied vs COPY: ${(linesPerSecond / copyLinesPerSecond).toFixed(2)}x (reconcile alone: ${(LINES / (reconcileMs / 1000) / copyLinesPerSecond).toFixed(2)}x; aim 0.3x)`,
  );
  console.log(`RESULT by status and rule: ${byRule.map((r) => `${r.status}/${r.rule ?? '-'} ${r.n}`).join(', ')}`);
  printWorkerResults(bench);
} finally {
  await bench.stop();
}
