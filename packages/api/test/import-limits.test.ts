import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, ImportBatch } from '@recoup/db';
import { DEMO_PASSWORD } from '@recoup/db/seed';
import { createHarness, type Harness } from './support/harness.ts';

// What one portfolio import may hold: its bytes, its rows, and the one slot per API process. The requests go over
// real HTTP to a server wired as the API's own (main.ts), so a client can hold an upload half-sent and read the
// answer to it before it has sent the rest.

const MAX_BYTES = 64 * 1024;
const MAX_ROWS = 3;

let h: Harness;
let server: http.Server;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await createHarness({ env: { IMPORT_MAX_BYTES: String(MAX_BYTES), IMPORT_MAX_ROWS: String(MAX_ROWS) } });
  server = http.createServer(h.app);
  server.on('checkContinue', h.app.checkContinue);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const login = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@recoup.local', password: DEMO_PASSWORD }),
  });
  session = {
    cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '),
    csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
  };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

const base = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { error?: { code: string; message: string; details?: Record<string, unknown> } } & Record<string, unknown>;
}

/**
 * A portfolio upload whose body the test writes itself. `continued` settles when the server says 100 Continue,
 * which the import routes say once they hold a slot and would read the file.
 */
const upload = (path: string, headers: Record<string, string | number>) => {
  const req = http.request(`${base()}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers },
  });
  // The server closes the connection after refusing a body still being sent; the answer has arrived by then.
  req.on('error', () => {});
  const continued = new Promise<void>((resolve) => req.once('continue', resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      res.on('error', reject);
    });
  });
  req.flushHeaders();
  return { req, continued, answer };
};

const HEADER = 'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,amount,currency';
const csv = (prefix: string, rows: number): string =>
  [HEADER, ...Array.from({ length: rows }, (_, i) => `${prefix}-${i},Limit Ltd ${i},business,Europe/Berlin,${prefix}-INV-${i},2026-01-01,2026-02-01,10.00,EUR`)].join('\n') + '\n';

const stored = async () => {
  const em = h.db.orm.em.fork();
  return { batches: await em.count(ImportBatch, {}), accounts: await em.count(Account, {}) };
};

describe('a portfolio file over IMPORT_MAX_BYTES', () => {
  it('is refused with 413 naming the limit from its Content-Length, before the client sends it, and nothing is stored', async () => {
    const before = await stored();
    const { req, continued, answer } = upload('/api/imports/portfolio.csv', {
      'content-type': 'text/csv',
      'content-length': MAX_BYTES + 1,
      expect: '100-continue',
    });
    let toldToContinue = false;
    void continued.then(() => (toldToContinue = true));
    const refused = await answer;
    req.destroy();
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: 'payload-too-large', details: { maxBytes: MAX_BYTES } });
    expect(refused.body.error?.message).toBe(
      'A portfolio file may be at most 65536 bytes (IMPORT_MAX_BYTES); this one is larger, and nothing of it was stored.',
    );
    expect(toldToContinue).toBe(false);
    expect(await stored()).toEqual(before);
  });

  it('sent without a length is refused with 413 at the first byte over, while the client is still sending, and nothing is stored', async () => {
    const before = await stored();
    const { req, continued, answer } = upload('/api/imports/portfolio', { 'content-type': 'application/json', expect: '100-continue' });
    await continued;
    // An unfinished document, one byte over the bound: the server answers without waiting for the rest.
    req.write(`{"accounts":[${'1,'.repeat(MAX_BYTES / 2)}`);
    const refused = await answer;
    req.destroy();
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(refused.body.error?.code).toBe('payload-too-large');
    expect(await stored()).toEqual(before);
  });

  it('compressed below the limit but inflating beyond it is refused with 413, and nothing is stored', async () => {
    const before = await stored();
    const bomb = gzipSync(Buffer.from(csv('GZ', 1) + ' '.repeat(MAX_BYTES)));
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const { req, answer } = upload('/api/imports/portfolio.csv', { 'content-type': 'text/csv', 'content-encoding': 'gzip', 'content-length': bomb.length });
    req.end(bomb);
    const refused = await answer;
    expect(refused.status).toBe(413);
    expect(refused.body.error?.code).toBe('payload-too-large');
    expect(await stored()).toEqual(before);
  });
});

describe('a portfolio file over IMPORT_MAX_ROWS', () => {
  it('is refused with 413 naming its rows and the limit, and nothing is stored', async () => {
    const before = await stored();
    const body = csv('ROWS', MAX_ROWS + 1);
    const { req, answer } = upload('/api/imports/portfolio.csv', { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(body) });
    req.end(body);
    const refused = await answer;
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: 'import-too-many-rows', details: { rowsTotal: MAX_ROWS + 1, maxRows: MAX_ROWS } });
    expect(refused.body.error?.message).toContain('at most 3 (IMPORT_MAX_ROWS)');
    expect(await stored()).toEqual(before);
  });
});

describe('a second portfolio import while one is in progress', () => {
  it('is refused with 429 and Retry-After without being read, and the first imports once its file has arrived', async () => {
    const before = await stored();
    const body = csv('FIRST', 2);
    const first = upload('/api/imports/portfolio.csv', { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(body), expect: '100-continue' });
    // The server says 100 Continue only once the first import holds the slot.
    await first.continued;
    first.req.write(body.slice(0, 20));

    const second = await h.login('manager');
    const refused = await second.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', second.csrf)
      .send({ accounts: [{ externalRef: 'SECOND-1', name: 'Second Ltd', customerType: 'business', currency: 'EUR', timeZone: 'Europe/Berlin' }] });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.body.error).toMatchObject({ code: 'import-in-progress', details: { concurrentImports: 1, retryAfterSeconds: 30 } });
    expect(refused.body.error.message).toMatch(/^Another portfolio import is running on this server/);

    first.req.end(body.slice(20));
    const imported = await first.answer;
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ status: 'imported', accountsCreated: 2, invoicesCreated: 2 });
    expect(await stored()).toEqual({ batches: before.batches + 1, accounts: before.accounts + 2 });
    expect(await h.db.orm.em.fork().count(Account, { externalRef: 'SECOND-1' })).toBe(0);
  });

  it('is accepted once the first has finished, even when the first was refused', async () => {
    const tooLarge = upload('/api/imports/portfolio.csv', { 'content-type': 'text/csv', 'content-length': MAX_BYTES + 1 });
    expect((await tooLarge.answer).status).toBe(413);
    tooLarge.req.destroy();
    const body = csv('AFTER', 1);
    const next = upload('/api/imports/portfolio.csv', { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(body) });
    next.req.end(body);
    expect((await next.answer).status).toBe(201);
  });
});
