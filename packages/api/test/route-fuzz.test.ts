import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { KPI_BLOCKS } from '@recoup/contracts';
import { DEFAULT_STRATEGY } from '@recoup/domain';
import { createLogger } from '../src/http/logger.ts';
import { AuthzFixtures } from './support/authz-fixtures.ts';
import { FakeTrainingTemporal } from './support/fake-training-temporal.ts';
import { storeTestModel } from './support/payment-model-fixtures.ts';
import {
  applyMutation,
  applyTextDamage,
  brokenJsonText,
  encode,
  garbageSegment,
  mutation,
  nastyJson,
  nastyString,
  pathsOf,
  queryValue,
  serialize,
  textDamage,
} from './support/fuzz-values.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { mountedRoutes, type MountedRoute } from './support/route-inventory.ts';

// Every route the app mounts, found by walking its router stack, gets requests no client should send: broken
// JSON, wrong types, huge strings, NUL and control characters, "__proto__" keys, impossible dates and amounts,
// garbage ids, malformed percent-encodings. Whatever it is sent, the API must answer with a 4xx that says what was
// wrong, or do the work: never a 5xx. The seed is fixed so a run can be repeated exactly; ROUTE_FUZZ_SEED and
// ROUTE_FUZZ_RUNS explore further by hand.

const SEED = Number(process.env['ROUTE_FUZZ_SEED'] ?? 1403);
const RUNS = Number(process.env['ROUTE_FUZZ_RUNS'] ?? 100);

interface FuzzRequest {
  method: string;
  url: string;
  contentType?: string;
  body?: string;
  headers: Record<string, string>;
}

interface Seed {
  json?: unknown;
  text?: { contentType: string; bodies: string[] };
  query?: string[];
  headers?: () => Record<string, string>;
}

interface Failure {
  route: string;
  request: FuzzRequest;
  status: number;
  body: unknown;
  logged: string[];
}

let h: Harness;
let admin: LoggedIn;
const logged: string[] = [];
/** Real ids by the path segment that precedes the parameter: /api/tasks/:id takes a task's id. */
const realIds = new Map<string, string[]>();
let seeds: Record<string, Seed> = {};
let plausibleQueryValues: string[] = [];

const KNOWN_QUERY_NAMES = [
  'limit',
  'offset',
  'q',
  'status',
  'from',
  'to',
  'format',
  'currency',
  'segment',
  'customerType',
  'strategyVersionId',
  'collectorId',
  'buckets',
  'pageToken',
  'pageSize',
  'nodeId',
  'mode',
  'filename',
  'mapping',
  'statementId',
  'assignee',
  'scope',
  'due',
  'sort',
  'tz',
  'type',
  'actorId',
  'action',
  'entity',
  'entityId',
  'before',
  'recipient',
  'subject',
  '__proto__',
  'constructor',
];

/**
 * Routes whose success needs a state the fuzz fixtures do not hold, with the test whose harness checks a success of
 * theirs against the contract instead.
 */
const SUCCEEDED_ELSEWHERE: Record<string, string> = {
  'POST /api/auth/logout': 'auth routes get a session of their own that is never signed in here; auth.test.ts',
  'GET /api/auth/me': 'the same; auth.test.ts and api-tokens.test.ts',
  'POST /api/tasks/:id/complete': 'a collector completes a task they hold; tasks-accounts.test.ts',
  'POST /api/tasks/:id/claim': 'the fixture tasks are assigned already; inbox.test.ts',
  'POST /api/tasks/:id/release': 'only a claimed task is released; inbox.test.ts',
  'POST /api/accounts/:id/promises': 'the fixture accounts have no collection workflow to tell; promises-disputes.test.ts',
  'GET /api/disputes/:id/attachments/:attachmentId': 'no fixture dispute has an attachment; portal-disputes.test.ts',
  'POST /api/bank-statements/:id/release': 'only a statement held for review is released; bank-statements.test.ts',
  'POST /api/bank-statements/:id/reject': 'the same; bank-statements.test.ts',
  'POST /api/statement-lines/:id/reverse': "only a line applied as a payment is reversed; statement-exceptions.test.ts",
  'GET /api/accounts/:id/communications/:communicationId': "the message belongs to one account and the path pairs ids at random; tasks-accounts.test.ts",
};

const tomorrow = (): string => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const truncate = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

beforeAll(async () => {
  h = await createHarness({
    logger: createLogger('error', (line) => {
      logged.push(line);
    }),
  });
  admin = await h.login('admin');
  // The training routes start and read runs in Temporal, which the harness's recording client has no connection to.
  const training = new FakeTrainingTemporal().install(h.collections);
  const fx = new AuthzFixtures(h, admin);
  const collector = await h.userId('collector1');
  const first = await fx.account(collector);
  const second = await fx.account(null);
  const { strategyId, versionId } = await fx.defaultStrategy();
  const statementId = await fx.statement();
  const credit = [await fx.statementLine('credit'), await fx.statementLine('credit')];
  const debit = [await fx.statementLine('debit'), await fx.statementLine('debit')];
  const communication = await fx.communication(collector);
  const mapping = await admin.agent
    .put('/api/statement-mappings/fuzz')
    .set('x-csrf-token', admin.csrf)
    .send({ delimiter: ';', hasHeader: true, columns: { valueDate: 'Datum', amount: 'Betrag', bankRef: 'Ref', text: ['Zweck'] }, currency: 'EUR', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', accountNumber: 'DE00FUZZ' });
  if (mapping.status !== 200) throw new Error(`mapping failed: ${mapping.status}`);
  const ids: Record<string, string[]> = {
    accounts: [first.accountId, second.accountId],
    communications: [communication.communicationId],
    tasks: [await fx.task(collector), await fx.task(collector)],
    disputes: [await fx.dispute(collector)],
    payments: [await fx.payment(collector)],
    collectors: [collector, await h.userId('collector2')],
    users: [await fx.spareUser(), await fx.spareUser()],
    kpis: [...KPI_BLOCKS, 'aging.csv'],
    templates: [await fx.templateKey()],
    strategies: [strategyId],
    'strategy-versions': [versionId],
    'strategy-assignments': [await fx.assignment(), 'fuzz-segment'],
    'compliance-settings': ['business', 'consumer'],
    imports: [await fx.importBatch()],
    outbox: [await fx.outboxMessage()],
    'bank-statements': [statementId, await fx.unbalancedStatement()],
    'statement-lines': [...credit, ...debit],
    'statement-mappings': ['fuzz', 'fuzz-new'],
    optout: [await fx.optOutToken()],
    'payment-models': [(await storeTestModel(h.db.orm.em.fork())).id, (await storeTestModel(h.db.orm.em.fork(), { activate: false })).id],
    'api-tokens': [await fx.apiToken(), await fx.apiToken()],
    runs: [training.add('payment-model-training-admin-fuzz'), training.add('payment-model-training-nightly-2026-11-20T02:00:00Z')],
  };
  for (const [segment, values] of Object.entries(ids)) realIds.set(segment, values);
  plausibleQueryValues = [
    '10',
    '0',
    '2025-01-01',
    '2025-12-31',
    'csv',
    'json',
    'EUR',
    'running',
    'open',
    'me',
    'none',
    'mine',
    'claimable',
    'today',
    'priority',
    'Europe/Berlin',
    '30,60,90',
    'valid-only',
    'fuzz',
    'bai2',
    'eyJhIjoxfQ',
    'abc',
    versionId,
    collector,
    statementId,
    first.accountId,
  ];

  const account = { accountId: first.accountId, invoiceId: first.invoiceId };
  const money = { amountMinor: '1500', currency: 'EUR' };
  const reason = { reason: 'Checked with the customer' };
  const csvPortfolio = [
    'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,currency,amount,contact_name,email,consent_email',
    'FZ-1,Fuzz Ltd,business,Europe/Berlin,FZ-INV-1,2024-01-01,2024-02-01,EUR,100.00,Ann,ann@example.com,true',
    'FZ-1,Fuzz Ltd,business,Europe/Berlin,FZ-INV-2,2024-01-05,2024-02-05,EUR,20.50,Ann,ann@example.com,true',
  ].join('\n');
  const sample = (name: string): string => readFileSync(join(process.cwd(), 'test', 'fixtures', 'bank-samples', name), 'utf8');
  const statementCsv = `Datum;Betrag;Ref;Zweck\n19.11.2026;12,00;FZ-1;Payment FZ-INV-1\n19.11.2026;-3,00;FZ-2;Bank fee\n`;
  seeds = {
    'POST /api/auth/login': { json: { email: 'admin@recoup.local', password: 'not the password' } },
    'POST /api/users': { json: { email: 'fuzz-user@recoup.local', name: 'Fuzz User', role: 'collector', password: 'a long fuzz password' } },
    'PATCH /api/users/:id': { json: { name: 'Renamed', role: 'collector', active: true } },
    'POST /api/users/:id/password': { json: { password: 'another long password' } },
    'POST /api/simulations': { json: { strategyVersionId: versionId, portfolio: { size: 5, seed: 1 }, days: 10, start: '2025-01-01T00:00:00Z', scenario: { payOnTime: 0.5 } } },
    'POST /api/team/tasks/reassign': { json: { taskIds: ids['tasks']?.slice(0, 1), collectorId: collector } },
    'POST /api/team/accounts/reassign': { json: { accountIds: [first.accountId], collectorId: collector } },
    'PATCH /api/team/collectors/:id': { json: { capacity: 40, skills: ['german'], pools: ['sme'] } },
    'POST /api/tasks/:id/complete': {
      json: { outcome: 'promise-to-pay', note: 'Will pay', promise: { amount: money, dueDate: tomorrow(), graceDays: 2 }, call: { result: 'conversation', placedAt: new Date().toISOString() } },
    },
    'POST /api/accounts/:id/promises': { json: { amount: money, dueDate: tomorrow(), graceDays: 3 } },
    'POST /api/accounts/:id/disputes': { json: { reason: 'Wrong amount', items: [{ invoiceId: first.invoiceId, amount: money }] } },
    'POST /api/disputes/:id/resolve': { json: { resolution: 'invalid', note: 'Delivery note signed' } },
    'POST /api/accounts/:id/calls': { json: { outcome: 'no-answer', placedAt: new Date().toISOString() } },
    'POST /api/accounts/:id/notes': { json: { body: 'Asked for a copy of the invoice.' } },
    'POST /api/accounts/:id/cease-communication': { json: reason },
    'DELETE /api/accounts/:id/cease-communication': { json: reason },
    'PUT /api/compliance-settings/:customerType': {
      json: { contactStartMinutes: 480, contactEndMinutes: 1260, maxCallAttempts: 7, callWindowDays: 7, quietDaysAfterConversation: 7 },
    },
    'PUT /api/strategy-assignments/:segment': { json: { splits: [{ strategyVersionId: versionId, percent: 100, label: 'A' }] } },
    'POST /api/strategies': { json: { name: 'Fuzz strategy', description: 'x', draft: DEFAULT_STRATEGY.graph } },
    'POST /api/strategies/validate': { json: { graph: DEFAULT_STRATEGY.graph } },
    'PUT /api/strategies/:id': { json: { description: 'Edited', draft: DEFAULT_STRATEGY.graph } },
    'POST /api/strategy-versions/:id/migrate': { json: { fromVersionId: versionId, nodeMapping: { start: 'start' }, accountIds: [first.accountId] } },
    'POST /api/templates': { json: { key: 'fuzz-template', channel: 'email', name: 'Fuzz', subject: 'Hello {{name}}', bodyText: 'You owe {{balance}}.' } },
    'POST /api/templates/preview': { json: { accountId: first.accountId, channel: 'sms', subject: 'Hi', bodyText: 'You owe {{balance}}.' } },
    'PUT /api/templates/:key': { json: { name: 'Renamed template', subject: 'Re: {{name}}' } },
    'POST /api/rules/evaluate': { json: { condition: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] }, accountId: first.accountId } },
    'POST /api/imports/portfolio': {
      json: {
        accounts: [
          {
            externalRef: 'FZ-JSON-1',
            name: 'Fuzz Json Ltd',
            customerType: 'business',
            currency: 'EUR',
            timeZone: 'Europe/Berlin',
            segment: 'sme',
            contacts: [{ name: 'Ann', email: 'ann@example.com', phone: '+49 30 1234567', consent: { email: true, sms: false, phone: true, letter: true } }],
            invoices: [{ number: 'FZ-J-1', issueDate: '2024-01-01', dueDate: '2024-02-01', amount: money }],
          },
        ],
      },
      query: ['mode=valid-only', 'filename=fuzz.json'],
    },
    'POST /api/imports/portfolio.csv': { text: { contentType: 'text/csv', bodies: [csvPortfolio] }, query: ['mode=valid-only', ''] },
    'POST /api/payments': {
      json: { accountId: account.accountId, amount: money, receivedAt: new Date().toISOString(), reference: 'FZ-INV-1', payerName: 'Fuzz Ltd' },
      headers: () => ({ 'idempotency-key': randomUUID() }),
    },
    'POST /api/payments/:id/reverse': { json: reason },
    'POST /api/bank-statements': {
      text: { contentType: 'text/plain', bodies: [statementCsv, sample('moj_citi_example.bai2'), sample('jejik_sparkasse.sta'), sample('genkgo_camt053.v2.minimal.xml')] },
      query: ['format=csv&mapping=fuzz', 'format=auto', 'format=bai2', 'format=mt940', 'format=camt.053', ''],
    },
    'POST /api/bank-statements/:id/release': { json: reason },
    'POST /api/bank-statements/:id/reject': { json: reason },
    'POST /api/statement-lines/:id/match': { json: { accountId: first.accountId, allocations: [{ invoiceId: first.invoiceId, amountMinor: '100' }], note: 'by hand' } },
    'POST /api/statement-lines/:id/reverse': { json: { paymentId: ids['payments']?.[0] } },
    'POST /api/statement-lines/:id/skip': { json: { reason: 'Bank fee' } },
    'PUT /api/statement-mappings/:name': {
      json: { delimiter: ';', hasHeader: true, columns: { valueDate: 'Datum', amount: 'Betrag', bankRef: 'Ref' }, currency: 'EUR', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', accountNumber: 'DE00FUZZ2' },
    },
    'POST /api/admin/accounts/:id/workflow/pause': { json: reason },
    'POST /api/admin/accounts/:id/workflow/resume': { json: reason },
    'POST /api/admin/accounts/:id/workflow/terminate': { json: reason },
    'POST /api/admin/temporal-codec/encode': { json: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'e30=' }] } },
    'POST /api/admin/temporal-codec/decode': { json: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'e30=' }] } },
    'POST /api/admin/api-tokens': { json: { name: 'Fuzz token', userId: collector, scopes: ['accounts:read'] } },
    'POST /api/admin/payment-models/runs': { json: { windowDays: 365, learner: 'random-forest' } },
    'POST /api/admin/payment-models/:id/pin': { json: { pinned: true } },
    'POST /api/admin/payment-models/:id/activate': { json: reason },
    'POST /optout/:token': { text: { contentType: 'application/x-www-form-urlencoded', bodies: ['List-Unsubscribe=One-Click'] } },
    'GET /api/admin/workflows': { query: ['status=running&pageSize=5', 'pageToken=abc', 'segment=sme&nodeId=start'] },
    'GET /api/admin/audit': { query: ['action=auth.&limit=5', `actorId=${collector}&from=2025-01-01T00:00:00Z&to=2025-12-31T00:00:00Z`, 'entity=account&entityId=x&before=9223372036854775807', 'actorId=system'] },
    'GET /api/outbox': { query: ['recipient=example&subject=overdue', 'recipient=%25_%5C&limit=5'] },
    'GET /api/kpis': { query: ['from=2025-01-01&to=2025-03-31&currency=EUR', 'buckets=30,60,90&format=csv'] },
  };
}, 300_000);

afterAll(async () => {
  await h?.close();
});

const fieldNames = (): string[] => {
  const names = new Set<string>(['id', 'amount', 'amountMinor', 'currency', 'date', 'reason', 'name']);
  for (const seed of Object.values(seeds)) {
    for (const path of pathsOf(seed.json)) for (const part of path) if (typeof part === 'string') names.add(part);
  }
  return [...names];
};

/** The route's path with each parameter replaced: by a real id of that kind, or by garbage. */
const pathArbitrary = (route: MountedRoute): fc.Arbitrary<string> => {
  const parts = route.path.split('/');
  const segments = parts.map((part, index) => {
    if (!part.startsWith(':')) return fc.constant(part);
    const real = realIds.get(parts[index - 1] ?? '') ?? [];
    const id = real.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: garbageSegment }) : garbageSegment;
    return id;
  });
  return fc.tuple(...segments).map((built) => built.join('/'));
};

const queryArbitrary = (seed: Seed | undefined): fc.Arbitrary<string> => {
  const random = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_QUERY_NAMES), nastyString.map(encode)), queryValue(plausibleQueryValues)), { maxLength: 4 })
    .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'));
  const seeded = seed?.query ?? [];
  if (seeded.length === 0) return fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: random });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...seeded) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...seeded), random).map(([a, b]) => [a, b].filter(Boolean).join('&')) },
    { weight: 1, arbitrary: random },
  );
};

type Body = { contentType?: string; body?: string };

const bodyArbitrary = (route: MountedRoute, seed: Seed | undefined, names: string[]): fc.Arbitrary<Body> => {
  const json = (value: unknown): Body => ({ contentType: 'application/json', body: serialize(value) });
  const generic = fc.oneof(
    { weight: 3, arbitrary: nastyJson(names).map(json) },
    { weight: 1, arbitrary: brokenJsonText.map((body) => ({ contentType: 'application/json', body })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('text/csv', 'text/plain', 'application/xml', 'application/octet-stream', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'), nastyString).map(([contentType, body]) => ({ contentType, body })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
  if (route.method === 'GET') return fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: generic });
  if (seed?.json !== undefined) {
    const base = seed.json;
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(json(base)) },
      { weight: 6, arbitrary: fc.array(mutation(names), { minLength: 1, maxLength: 3 }).map((ms) => json(ms.reduce(applyMutation, base))) },
      { weight: 2, arbitrary: generic },
    );
  }
  if (seed?.text) {
    const { contentType, bodies } = seed.text;
    return fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...bodies).map((body) => ({ contentType, body })) },
      {
        weight: 6,
        arbitrary: fc.tuple(fc.nat(), fc.array(textDamage, { minLength: 1, maxLength: 3 })).map(([index, damages]) => ({
          contentType,
          body: damages.reduce(applyTextDamage, pick(bodies, index)),
        })),
      },
      { weight: 2, arbitrary: generic },
    );
  }
  return generic;
};

const requestArbitrary = (route: MountedRoute, names: string[]): fc.Arbitrary<FuzzRequest> => {
  const seed = seeds[`${route.method} ${route.path}`];
  return fc
    .record({
      path: pathArbitrary(route),
      query: queryArbitrary(seed),
      body: bodyArbitrary(route, seed, names),
      idempotencyKey: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 220 }) }),
    })
    .map(({ path, query, body, idempotencyKey }) => {
      const headers = { ...(seed?.headers?.() ?? {}) };
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      return { method: route.method, url: query ? `${path}?${query}` : path, headers, ...body };
    });
};

/** Auth routes get a session of their own, so no request can sign the admin out from under the others. */
const isOwnSession = (route: MountedRoute): boolean => route.path.startsWith('/api/auth/');

const send = async (route: MountedRoute, req: FuzzRequest): Promise<{ status: number; body: unknown }> => {
  const agent = isOwnSession(route) ? request.agent(h.app) : admin.agent;
  const verb = req.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let call = agent[verb](req.url);
  if (!isOwnSession(route) && req.method !== 'GET') call = call.set('x-csrf-token', admin.csrf);
  for (const [name, value] of Object.entries(req.headers)) call = call.set(name, value);
  if (req.body !== undefined) call = call.set('content-type', req.contentType ?? 'application/json').send(req.body);
  const response = await call;
  return { status: response.status, body: response.body && Object.keys(response.body as object).length > 0 ? response.body : truncate(response.text ?? '') };
};

describe('every mounted route, sent malformed and hostile input', () => {
  it('is found by walking the router stack, so a new route is fuzzed without being listed', () => {
    const mounted = mountedRoutes(h.app).map((r) => `${r.method} ${r.path}`);
    expect(mounted.length).toBeGreaterThan(80);
    expect(mounted).toEqual(expect.arrayContaining(['POST /api/payments', 'GET /api/admin/workflows', 'POST /api/imports/portfolio.csv', 'GET /optout/:token']));
  });

  it('never answers with a 5xx, whatever it is sent', async () => {
    const names = fieldNames();
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    for (const route of mountedRoutes(h.app)) {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route, names), async (req) => {
          const before = logged.length;
          const response = await send(route, req);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          // No request may end the admin's session behind their back: that is a finding too, and the run goes on signed in again.
          const signedOut = response.status === 401 && !isOwnSession(route) && !route.path.startsWith('/optout');
          if (signedOut) admin = await h.login('admin');
          if (response.status >= 500 || signedOut) {
            failures.push({
              route: `${route.method} ${route.path}`,
              request: { ...req, ...(req.body === undefined ? {} : { body: truncate(req.body) }), url: truncate(req.url) },
              status: response.status,
              body: response.body,
              logged: logged.slice(before).map((line) => truncate(line, 600)),
            });
          }
        }),
        { seed: SEED, numRuns: route.method === 'GET' ? Math.ceil(RUNS / 2) : RUNS },
      );
    }
    // The requests must reach the handlers, or a clean result would say nothing: most are answered past sign-in.
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const refusedAtTheDoor = (statuses.get(401) ?? 0) + (statuses.get(403) ?? 0);
    expect(refusedAtTheDoor / total).toBeLessThan(0.2);
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300)).toBe(true);
    // One line per distinct failure (route and what the server logged), with the first request that caused it.
    const distinct = new Map<string, Failure>();
    for (const failure of failures) {
      const key = `${failure.route} ${failure.status} ${(failure.logged[0] ?? '').replace(/"time":"[^"]*",/, '')}`;
      if (!distinct.has(key)) distinct.set(key, failure);
    }
    expect([...distinct.values()]).toEqual([]);
    // "__proto__" and "constructor" keys were sent everywhere: none may have reached a prototype.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  }, 900_000);

  it("succeeds on every API route at least once, so each success answer was checked against the contract's schema", () => {
    // The harness checks every answer against the OpenAPI contract (support/harness.ts); a route that never
    // succeeded here would have had only its errors checked.
    const succeeded = (key: string): boolean => [...(h.contract.answered.get(key as never) ?? [])].some((status) => status >= 200 && status < 300);
    const never = mountedRoutes(h.app)
      .filter((route) => route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path}`)
      .filter((key) => !succeeded(key));
    expect(never.sort()).toEqual(Object.keys(SUCCEEDED_ELSEWHERE).sort());
  });
});
