import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { accountSummarySchema, idParamsSchema, pageOf } from '@recoup/contracts';
import { createContractCheck } from '../src/openapi/contract-check.ts';
import { buildDocument, openApiPath } from '../src/openapi/document.ts';
import { apiDocument, apiOperations } from '../src/openapi/index.ts';
import { json, type Operations } from '../src/openapi/operation.ts';
import { accountOperations } from '../src/openapi/operations/accounts.ts';
import { DEMO_PASSWORD } from '@recoup/db/seed';
import { createHarness, type Harness } from './support/harness.ts';
import { mountedRoutes } from './support/route-inventory.ts';

// The OpenAPI contract is built from the schemas the routes validate with. Here: every mounted route is in it, it is
// served without sign-in, and the check that every harness test runs (support/harness.ts) does catch an answer or an
// input schema that drifted from it. route-fuzz.test.ts then sends every route real requests under that check.

/** Routes outside /api are pages and callbacks, not the API an integrator calls; each says why it is left out. */
const OUTSIDE_THE_CONTRACT: readonly { prefix: string; why: string }[] = [
  { prefix: '/portal', why: "the debtor portal's HTML pages and forms, reached from a signed link in a reminder" },
  { prefix: '/optout', why: 'the unsubscribe page and one-click opt-out that e-mail clients post to' },
  { prefix: '/webhooks/payments', why: "the payment provider's own confirmation call, in its format and signed by its scheme" },
];

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the OpenAPI contract', () => {
  it('names every route the app mounts under /api, and nothing that is not mounted', () => {
    const mounted = mountedRoutes(h.app).map(({ method, path }) => `${method} ${path}`);
    const outside = mounted.filter((route) => OUTSIDE_THE_CONTRACT.some(({ prefix }) => route.split(' ')[1]!.startsWith(prefix)));
    const api = mounted.filter((route) => !outside.includes(route));
    expect(api.every((route) => route.split(' ')[1]!.startsWith('/api/'))).toBe(true);
    const contract = Object.keys(apiOperations);
    expect(api.filter((route) => !contract.includes(route))).toEqual([]);
    expect(contract.filter((route) => !api.includes(route))).toEqual([]);
    expect(outside.length).toBeGreaterThan(0);
  });

  it('is served at /api/openapi.json without signing in, as OpenAPI 3.1 with one operation per route', async () => {
    const response = await request(h.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const document = response.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>>; components: { securitySchemes: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(Object.keys(apiOperations).length);
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['csrf', 'session', 'token']);
  });

  it("states each operation's token scope as the token check enforces it", () => {
    const document = apiDocument() as unknown as { paths: Record<string, Record<string, { 'x-token-scope'?: string; security: unknown[] }>> };
    const listAccounts = document.paths[openApiPath('/api/accounts')]?.['get'];
    expect(listAccounts?.['x-token-scope']).toBe('accounts:read');
    expect(listAccounts?.security).toEqual([{ session: [] }, { token: ['accounts:read'] }]);
    const createUser = document.paths['/api/users']?.['post'];
    expect(createUser?.['x-token-scope']).toBeUndefined();
    expect(createUser?.security).toEqual([{ session: [], csrf: [] }]);
    expect(document.paths['/api/health']?.['get']?.security).toEqual([]);
  });
});

describe('the contract check', () => {
  let cookie = '';
  beforeAll(async () => {
    const login = await request(h.app).post('/api/auth/login').send({ email: 'admin@recoup.local', password: DEMO_PASSWORD });
    cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  });

  /** The violations a check against `operations` finds in the app's answer to GET `path` as the admin. */
  const violationsOf = async (operations: Operations, path: string) => {
    const check = createContractCheck(operations, buildDocument(operations, 'test'));
    const app = express();
    app.use(check.middleware);
    app.use(h.app);
    await request(app).get(path).set('cookie', cookie);
    // The check runs once the answer has gone out.
    await new Promise((resolve) => setImmediate(resolve));
    return check.violations;
  };

  it('accepts the accounts list as the real contract describes it', async () => {
    expect(await violationsOf(apiOperations, '/api/accounts?limit=5')).toEqual([]);
  });

  it('flags an answer whose body does not match its schema', async () => {
    const strict: Operations = {
      ...accountOperations,
      'GET /api/accounts': { ...accountOperations['GET /api/accounts']!, responses: { 200: json('Accounts.', pageOf(accountSummarySchema).extend({ nextCursor: z.string() })) } },
    };
    expect(await violationsOf(strict, '/api/accounts')).toEqual([
      expect.objectContaining({ route: 'GET /api/accounts', status: 200, problem: expect.stringContaining('nextCursor') }),
    ]);
  });

  it('flags a success status the contract does not declare', async () => {
    const other: Operations = { ...accountOperations, 'GET /api/accounts': { ...accountOperations['GET /api/accounts']!, responses: { 202: json('Accepted.', z.object({})) } } };
    expect(await violationsOf(other, '/api/accounts')).toEqual([expect.objectContaining({ status: 200, problem: expect.stringContaining('does not declare') })]);
  });

  it('flags a route that checks its input with a schema the contract does not name', async () => {
    const lookalike = z.object({ id: z.uuid() });
    expect(lookalike).not.toBe(idParamsSchema);
    const other: Operations = { ...accountOperations, 'GET /api/accounts/:id': { ...accountOperations['GET /api/accounts/:id']!, params: lookalike } };
    expect(await violationsOf(other, '/api/accounts/00000000-0000-4000-8000-000000000000')).toEqual(
      expect.arrayContaining([expect.objectContaining({ route: 'GET /api/accounts/:id', problem: expect.stringContaining('params') })]),
    );
  });

  it('flags a request to a route the contract lacks', async () => {
    const { 'GET /api/accounts': left, ...fewer } = accountOperations;
    expect(left).toBeDefined();
    expect(await violationsOf(fewer, '/api/accounts')).toEqual([expect.objectContaining({ route: 'GET /api/accounts', status: 200, problem: 'no route of the contract matches this request' })]);
  });

  it('flags an error answered in another shape than the one error body', async () => {
    const check = createContractCheck(accountOperations, buildDocument(accountOperations, 'test'));
    const app = express();
    app.use(check.middleware);
    app.get('/api/accounts', (_req, res) => {
      res.status(400).json({ message: 'bad' });
    });
    await request(app).get('/api/accounts');
    await new Promise((resolve) => setImmediate(resolve));
    expect(check.violations).toEqual([expect.objectContaining({ status: 400, problem: expect.stringContaining('error schema') })]);
  });

  it('flags a success for a role outside the operation\'s access', async () => {
    const adminsOnly: Operations = { ...accountOperations, 'GET /api/accounts': { ...accountOperations['GET /api/accounts']!, access: ['manager'] } };
    expect(await violationsOf(adminsOnly, '/api/accounts')).toEqual([expect.objectContaining({ problem: expect.stringContaining('outside its access') })]);
  });
});
