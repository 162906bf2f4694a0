import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { OBJECT_ROUTES, type MatrixRole, type ObjectRoute, type RouteRequest } from './authorization-matrix.table.ts';
import { AuthzFixtures } from './support/authz-fixtures.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { mountedRoutes } from './support/route-inventory.ts';

// Every object route × every role × an object of their own and one of someone else's. A route the role may never
// use answers 403 whatever the object; someone else's object answers 404, the same as a missing one; the role's
// own object succeeds. The table is in authorization-matrix.table.ts.

let h: Harness;
let fx: AuthzFixtures;
const sessions = new Map<MatrixRole, LoggedIn>();
/**
 * Whose object is "own" and whose is "someone else's" for each role. collector1 and collector2 share a team led
 * by the demo manager; the outsider is on another manager's team. An admin has no "someone else's".
 */
const owners = new Map<MatrixRole, { own: string; other: string | null }>();

const ROLES: readonly MatrixRole[] = ['admin', 'manager', 'collector'];

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.login('admin');
  sessions.set('admin', admin);
  sessions.set('manager', await h.login('manager'));
  sessions.set('collector', await h.login('collector1'));
  const otherManager = await h.addUser({ email: 'other-manager@recoup.local', name: 'Olga Other', role: 'manager' });
  const outsider = await h.addUser({ email: 'outsider@recoup.local', name: 'Otto Outsider', role: 'collector', managerId: otherManager });
  const c1 = await h.userId('collector1');
  const c2 = await h.userId('collector2');
  owners.set('collector', { own: c1, other: c2 });
  owners.set('manager', { own: c2, other: outsider });
  owners.set('admin', { own: outsider, other: null });
  fx = new AuthzFixtures(h, admin);
});
afterAll(async () => {
  await h.close();
});

const send = async (role: MatrixRole | null, method: string, req: RouteRequest) => {
  const session = role ? sessions.get(role) : undefined;
  const agent = session ? session.agent : request(h.app);
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let call = agent[verb](req.path);
  if (session && method !== 'GET') call = call.set('x-csrf-token', session.csrf);
  for (const [name, value] of Object.entries(req.headers ?? {})) call = call.set(name, value);
  if (req.text) return call.set('content-type', req.text.contentType).send(req.text.body);
  return req.body === undefined ? call : call.send(req.body as object);
};

const methodOf = (row: ObjectRoute): string => row.route.split(' ')[0] ?? 'GET';

const expectSuccess = (row: ObjectRoute, status: number, body: unknown): void => {
  const shown = `${row.route} answered ${status}: ${JSON.stringify(body)}`;
  if (row.success === 'reached') expect({ shown, refused: [401, 403, 404].includes(status) }).toEqual({ shown, refused: false });
  else expect({ shown, ok: status >= 200 && status < 300 }).toEqual({ shown, ok: true });
};

/** Body and query fields through which a request names accounts. */
const ACCOUNT_FIELDS = new Set(['accountId', 'accountIds']);

/**
 * The routes without a path parameter that read an account named in their body or query, found by asking each
 * one: a request whose account fields hold no id is refused by a route that reads them, naming the field. (A
 * route refusing unknown fields names none of them, so it is not taken for one.)
 */
const routesTakingAccountIds = async (): Promise<string[]> => {
  const admin = sessions.get('admin');
  if (!admin) throw new Error('no admin session');
  const found: string[] = [];
  for (const { method, path } of mountedRoutes(h.app)) {
    if (path.includes('/:') || !path.startsWith('/api/') || path.startsWith('/api/auth/')) continue;
    const probe = { accountId: 'not-an-id', accountIds: 'not-an-id' };
    const response = await send('admin', method, {
      path: `${path}?accountId=not-an-id&accountIds=not-an-id`,
      // A route that needs an idempotency key checks it first; a fresh one lets the probe reach the body.
      headers: { 'idempotency-key': `probe-${randomUUID()}` },
      ...(method === 'GET' ? {} : { body: probe }),
    });
    const fields = (response.body as { error?: { details?: { fields?: { path?: string }[] } } }).error?.details?.fields ?? [];
    if (fields.some((f) => ACCOUNT_FIELDS.has(String(f.path ?? '').split('.')[0] ?? ''))) found.push(`${method} ${path}`);
  }
  return found;
};

describe('the route table', () => {
  it('lists every object route the app mounts, so none can be added without its authorization row', async () => {
    const mounted = mountedRoutes(h.app).map((r) => `${r.method} ${r.path}`);
    // Guards the introspection itself: an empty inventory would make this test pass vacuously.
    expect(mounted).toEqual(expect.arrayContaining(['GET /api/accounts/:id', 'POST /api/tasks/:id/complete']));
    const byBody = await routesTakingAccountIds();
    // Guards the probe the same way: these are known to read an account from their body.
    expect(byBody).toEqual(expect.arrayContaining(['POST /api/payments', 'POST /api/rules/evaluate', 'POST /api/simulations', 'POST /api/team/accounts/reassign']));
    const objectRoutes = [...mounted.filter((route) => route.includes('/:')), ...byBody];
    const inTable = new Set(OBJECT_ROUTES.map((row) => row.route));
    expect(objectRoutes.filter((route) => !inTable.has(route))).toEqual([]);
  });

  it('has no row for a route the app does not mount, and no route twice', () => {
    const mounted = new Set(mountedRoutes(h.app).map((r) => `${r.method} ${r.path}`));
    expect(OBJECT_ROUTES.map((row) => row.route).filter((route) => !mounted.has(route))).toEqual([]);
    const routes = OBJECT_ROUTES.map((row) => row.route);
    expect(routes.filter((route, index) => routes.indexOf(route) !== index)).toEqual([]);
  });
});

describe.each(OBJECT_ROUTES.map((row) => [row.route, row] as const))('%s', (_route, row) => {
  const method = methodOf(row);
  switch (row.owner) {
    case 'team':
      it.each(ROLES)('as %s', async (role) => {
        const { own, other } = owners.get(role) ?? { own: '', other: null };
        const allowed = row.roles.includes(role);
        const mine = await send(role, method, await row.request(fx, own));
        if (allowed) expectSuccess(row, mine.status, mine.body);
        else expect(mine.status).toBe(403);
        if (other === null) return;
        const theirs = await send(role, method, await row.request(fx, other));
        // Someone else's object looks missing; a role that may never use the route is told so before any lookup.
        expect({ route: row.route, status: theirs.status }).toEqual({ route: row.route, status: allowed ? 404 : 403 });
      });
      break;
    case 'none':
      it.each(ROLES)('as %s', async (role) => {
        const response = await send(role, method, await row.request(fx));
        if (row.roles.includes(role)) expectSuccess(row, response.status, response.body);
        else expect({ route: row.route, status: response.status }).toEqual({ route: row.route, status: 403 });
      });
      break;
    case 'public':
      it(`works with its token and answers 404 to an unknown one, without a session (${row.why})`, async () => {
        const known = await send(null, method, await row.request(fx));
        expectSuccess(row, known.status, known.text);
        expect((await send(null, method, row.unknown)).status).toBe(404);
      });
      break;
    case 'debtor':
      it('serves the visitor their own account\'s object, hides another account\'s as missing and refuses without a visit', async () => {
        const own = await row.request(fx);
        expectSuccess(row, (await send(null, method, own)).status, null);
        const foreign = await send(null, method, await row.foreign(fx));
        expect({ route: row.route, status: foreign.status }).toEqual({ route: row.route, status: 404 });
        const { Cookie: _cookie, ...withoutVisit } = own.headers ?? {};
        expect((await send(null, method, { ...own, headers: withoutVisit })).status).toBe(401);
      });
      break;
  }
});
