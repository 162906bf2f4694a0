import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMailSink } from '@recoup/api';
import { startStack } from '@recoup/api/launcher';
import { Strategy, StrategyVersion, checksumGraph } from '@recoup/db';
import { strategyGraphSchema } from '@recoup/domain';
import { daytimeZone } from '../test/support/daytime-zone.ts';

// Reminders under worker crashes: ACCOUNTS accounts whose one e-mail reminder is due now, on the embedded stack
// with an SMTP server this script starts itself. While they send, the worker is killed with SIGKILL KILLS times;
// the launcher starts it again each time. At the end every recipient's messages are counted at the SMTP server:
// duplicates, missing ones, and the sends the communication log marks unconfirmed (a worker died while handing
// them over), each checked against what the server received.
//
//   sh scripts/pnpm.sh run bench:reminder-crash                 (ACCOUNTS=1000, KILLS=3)

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 1_000);
const KILLS = Number(process.env.KILLS ?? 3);
const TIMEOUT_MS = Number(process.env.TIMEOUT_MINUTES ?? 15) * 60_000;

const graph = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'remind', type: 'reminder', data: { channel: 'email', template: 'due-today' } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'remind' },
    { id: 'e2', source: 'remind', target: 'end' },
  ],
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'recoup-crash-'));
const smtpPort = await freePort();
const stack = await startStack({
  env: { ...process.env, RECOUP_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', TEMPORAL_ADDRESS: '', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
  projectRoot: fileURLToPath(new URL('../', import.meta.url)),
  seed: { accounts: 0 },
  log: (m) => console.log(`[stack] ${m}`),
});
// The SMTP server the reminders go to: this script's own, storing every message it accepts.
const sink = await startMailSink({ orm: stack.orm, host: '127.0.0.1', port: smtpPort });

try {
  const em = stack.orm.em.fork();
  const zone = daytimeZone();
  await em.execute(
    `insert into account (external_ref, name, customer_type, currency, time_zone)
     select 'KILL-' || lpad(g::text, 5, '0'), 'Crash Test ' || g || ' Ltd', 'business', 'EUR', ? from generate_series(1, ?::int) g`,
    [zone, ACCOUNTS],
  );
  await em.execute(
    `insert into contact (account_id, name, email, time_zone, is_primary, consent_email)
     select id, 'Debtor ' || external_ref, lower(external_ref) || '@debtor.example', ?, true, true from account where external_ref like 'KILL-%'`,
    [zone],
  );
  await em.execute(
    `insert into invoice (account_id, number, issue_date, due_date, currency, amount_minor, open_minor)
     select id, 'INV-' || external_ref, current_date - 30, current_date, 'EUR', 10000, 10000 from account where external_ref like 'KILL-%'`,
  );
  const strategy = em.create(Strategy, { name: 'One reminder', description: '', draft: graph, isDefault: false, createdBy: null });
  const version = em.create(StrategyVersion, { strategy, version: 1, graph, checksum: checksumGraph(graph), publishedBy: null });
  await em.flush();
  const accounts = await em.execute<{ id: string }[]>(`select id from account where external_ref like 'KILL-%' order by external_ref`);
  console.log(`Ledger: ${accounts.length} accounts, each with one e-mail reminder due now (contacts in ${zone})`);

  const count = async (sql: string) => Number((await stack.orm.em.fork().execute<{ n: string }[]>(sql))[0]?.n ?? 0);
  const received = () => count(`select count(*)::text as n from outbox_message`);
  const started = performance.now();
  for (let i = 0; i < accounts.length; i += 50) {
    await Promise.all(accounts.slice(i, i + 50).map((a) => stack.collections.start(a.id, version.id)));
  }
  console.log(`Started ${accounts.length} workflows in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  for (let kill = 1; kill <= KILLS; kill += 1) {
    const threshold = Math.floor((accounts.length * kill) / (KILLS + 1));
    while ((await received()) < threshold && performance.now() - started < TIMEOUT_MS) await sleep(50);
    const pid = stack.workerPid;
    const inFlight = await count(`select count(*)::text as n from communication where status = 'sending'`);
    process.kill(pid, 'SIGKILL');
    console.log(`Kill ${kill}: SIGKILL to worker pid ${pid} with ${await received()} messages received and ${inFlight} sends in flight`);
    while (stack.workerPid === pid && performance.now() - started < TIMEOUT_MS) await sleep(100);
  }

  // Done when every account's reminder is final in the log: sent, or unconfirmed for a person.
  for (;;) {
    const final = await count(`select count(*)::text as n from communication where status in ('sent', 'unconfirmed') and key not like '%/deferred/%'`);
    if (final >= accounts.length || performance.now() - started > TIMEOUT_MS) break;
    await sleep(500);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rows = await stack.orm.em.fork().execute<{ external_ref: string; messages: string; status: string | null; message_id: string | null }[]>(
    `select a.external_ref,
            (select count(*) from outbox_message o where lower(a.external_ref) || '@debtor.example' = any (o.rcpt_to))::text as messages,
            c.status, c.message_id
       from account a left join communication c on c.account_id = a.id and c.key not like '%/deferred/%' and c.key not like '%/failed'
      where a.external_ref like 'KILL-%'`,
  );
  const duplicates = rows.filter((r) => Number(r.messages) > 1);
  const unconfirmed = rows.filter((r) => r.status === 'unconfirmed');
  const missing = rows.filter((r) => Number(r.messages) === 0 && r.status !== 'unconfirmed');
  const unconfirmedArrived = unconfirmed.filter((r) => Number(r.messages) === 1).length;
  console.log('');
  console.log(`RESULT accounts ${rows.length}, worker killed ${KILLS} times (restarts ${stack.worker.restarts}), finished in ${seconds} s`);
  console.log(`RESULT messages received by the SMTP server: ${await received()}`);
  console.log(`RESULT duplicates: ${duplicates.length}${duplicates.length ? ` (${duplicates.slice(0, 5).map((r) => r.external_ref).join(', ')})` : ''}`);
  console.log(`RESULT missing (no message and not marked unconfirmed): ${missing.length}${missing.length ? ` (${missing.slice(0, 5).map((r) => `${r.external_ref}: ${r.status ?? 'no row'}`).join(', ')})` : ''}`);
  console.log(`RESULT unconfirmed (a worker died mid-send; left for a person): ${unconfirmed.length}, of which the server had received ${unconfirmedArrived} and not ${unconfirmed.length - unconfirmedArrived}`);
  console.log(`RESULT log statuses: ${JSON.stringify(await stack.orm.em.fork().execute(`select status, count(*)::int as n from communication group by status order by status`))}`);
  if (duplicates.length > 0 || missing.length > 0) process.exitCode = 1;
} finally {
  await sink.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
