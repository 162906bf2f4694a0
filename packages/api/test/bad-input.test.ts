import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Account, ImportBatch, Payment, Strategy } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// The input rules every route shares: text PostgreSQL cannot store, refused wherever it hides; dates and amounts
// outside the bounds of the shared schemas; a path that does not decode. Each answers 400 naming the field,
// and nothing is written.

let h: Harness;
let manager: LoggedIn;
let accountId: string;

const account = (externalRef: string, overrides: Record<string, unknown> = {}) => ({
  externalRef,
  name: 'Guarded Ltd',
  customerType: 'business',
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  contacts: [{ name: 'Ann', email: 'ann@guarded.test', consent: { email: true, sms: false, phone: true, letter: true } }],
  invoices: [{ number: `${externalRef}-1`, issueDate: '2025-01-01', dueDate: '2025-02-01', amount: { amountMinor: '10000', currency: 'EUR' } }],
  ...overrides,
});

const importJson = (body: unknown) => manager.agent.post('/api/imports/portfolio').set('x-csrf-token', manager.csrf).send(body as object);
const importJsonText = (text: string) =>
  manager.agent.post('/api/imports/portfolio').set('x-csrf-token', manager.csrf).set('content-type', 'application/json').send(text);
const importCsv = (text: string) =>
  manager.agent.post('/api/imports/portfolio.csv').set('x-csrf-token', manager.csrf).set('content-type', 'text/csv').send(text);
const pay = (body: object) =>
  manager.agent.post('/api/payments').set('x-csrf-token', manager.csrf).set('Idempotency-Key', randomUUID()).send(body);

const count = (entity: typeof Account | typeof ImportBatch | typeof Payment) => h.db.orm.em.fork().count(entity as typeof Account, {});

interface ErrorBody {
  error: { code: string; message: string; details: { fields: { in: string; path: string; reason: string }[] } };
}
const fieldsOf = (body: unknown) => (body as ErrorBody).error.details.fields;

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  const imported = await importJson({ accounts: [account('G-1')] });
  expect(imported.status).toBe(201);
  accountId = (await h.db.orm.em.fork().findOneOrFail(Account, { externalRef: 'G-1' })).id;
});
afterAll(async () => {
  await h.close();
});

describe('a NUL character (U+0000)', () => {
  it('in a JSON body, deep inside it, is refused with 400 naming body.accounts.0.contacts.0.name, and nothing is imported', async () => {
    const batches = await count(ImportBatch);
    const contacts = [{ name: 'An\u0000n', consent: { email: false, sms: false, phone: false, letter: false } }];
    const response = await importJson({ accounts: [account('G-NUL', { contacts })] });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation-failed');
    expect(fieldsOf(response.body)).toEqual([{ in: 'body', path: 'accounts.0.contacts.0.name', reason: 'must not contain a NUL character (U+0000)' }]);
    expect(response.body.error.message).toContain('body.accounts.0.contacts.0.name');
    expect(await count(ImportBatch)).toBe(batches);
  });

  it('in a JSON key is refused with 400 naming the key', async () => {
    const response = await importJsonText(JSON.stringify({ accounts: [{ ...account('G-KEY'), 'seg\u0000ment': 'x' }] }));
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([
      { in: 'body', path: 'accounts.0."seg\\u0000ment"', reason: 'is a key that must not contain a NUL character (U+0000)' },
    ]);
  });

  it('in a query parameter is refused with 400 naming query.q', async () => {
    const response = await manager.agent.get('/api/accounts?q=Guar%00ded');
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'query', path: 'q', reason: 'must not contain a NUL character (U+0000)' }]);
  });

  it.each([
    ['/api/templates/due%00today', 'key'],
    ['/api/accounts/%00/timeline', 'id'],
    ['/api/strategy-assignments/sme%00', 'segment'],
  ])('in the path %s is refused with 400 naming params.%s', async (path, param) => {
    const response = await manager.agent.get(path);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'params', path: param, reason: 'must not contain a NUL character (U+0000)' }]);
  });

  it('in a path written to, such as a template key, is refused with 400 before anything is stored', async () => {
    const response = await manager.agent.put('/api/templates/due%00today').set('x-csrf-token', manager.csrf).send({ name: 'Renamed' });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'params', path: 'key', reason: 'must not contain a NUL character (U+0000)' }]);
  });

  it('in a CSV cell is refused with 400 naming its line and column, and no batch is stored', async () => {
    const batches = await count(ImportBatch);
    const csv = [
      'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,currency,amount,contact_name,email,consent_email',
      'G-CSV,Guarded Csv,business,Europe/Berlin,GC-1,2025-01-01,2025-02-01,EUR,10.00,Ann,ann@guarded.test,true',
      'G-CSV,Guarded Csv,business,Europe/Berlin,GC-2,2025-01-01,2025-02-01,EUR,10.00,Ann,ann\u0000@guarded.test,true',
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([
      { in: 'body', path: 'line 3, column email', reason: expect.stringContaining('must not contain a NUL character (U+0000)') },
    ]);
    expect(await count(ImportBatch)).toBe(batches);
  });

  it('in a file that is not CSV at all is refused with 400 naming its line and column in the text', async () => {
    const response = await importCsv('account_ref\n"unclosed\u0000');
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'body', path: 'line 2, column 10', reason: expect.stringContaining('NUL') }]);
  });
});

describe('a lone surrogate, which JSON can spell but PostgreSQL cannot store', () => {
  it('is refused with 400 naming the field, and the strategy is not changed', async () => {
    const em = h.db.orm.em.fork();
    const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
    const response = await manager.agent
      .put(`/api/strategies/${strategy.id}`)
      .set('x-csrf-token', manager.csrf)
      .set('content-type', 'application/json')
      .send('{"description":"half a pair: \\udc00"}');
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'body', path: 'description', reason: expect.stringContaining('lone surrogate') }]);
    expect((await h.db.orm.em.fork().findOneOrFail(Strategy, { id: strategy.id })).description).toBe(strategy.description);
  });
});

describe('a JSON body nested beyond reason', () => {
  it('is refused with 400 naming where it goes too deep, before it is stored', async () => {
    const depth = 100_000;
    const strategies = await h.db.orm.em.fork().count(Strategy, {});
    const response = await manager.agent
      .post('/api/strategies')
      .set('x-csrf-token', manager.csrf)
      .set('content-type', 'application/json')
      .send(`{"name":"Deep","draft":{"nodes":${'['.repeat(depth)}${']'.repeat(depth)}}}`);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([
      { in: 'body', path: ['draft', 'nodes', ...Array(62).fill('0')].join('.'), reason: 'nests deeper than 64 levels, which no field of this API does' },
    ]);
    expect(await h.db.orm.em.fork().count(Strategy, {})).toBe(strategies);
  });
});

describe('a path segment that does not decode', () => {
  it.each(['%zz', '%C0%80', '%E0%A4%A'])('(%s) is refused with 400 in the API error shape', async (segment) => {
    const response = await manager.agent.post(`/api/tasks/${segment}/claim`).set('x-csrf-token', manager.csrf);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'validation-failed', details: { fields: [{ in: 'params', reason: expect.stringContaining('percent-encoded') }] } });
  });
});

describe('dates and amounts outside the bounds', () => {
  it.each(['0001-01-01T00:00:00Z', '2999-12-31T00:00:00Z'])('refuses a payment received at %s with 400 naming receivedAt, and records none', async (receivedAt) => {
    const payments = await count(Payment);
    const response = await pay({ accountId, amount: { amountMinor: '100', currency: 'EUR' }, receivedAt });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'body', path: 'receivedAt', reason: 'must be between 1900-01-01 and 2100-12-31' }]);
    expect(await count(Payment)).toBe(payments);
  });

  it('refuses a payment received more than two days from now with 400 naming receivedAt', async () => {
    const receivedAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const response = await pay({ accountId, amount: { amountMinor: '100', currency: 'EUR' }, receivedAt });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'body', path: 'receivedAt', reason: 'must not be more than 2 days in the future' }]);
  });

  it('refuses a payment above 10^15 minor units with 400 naming amount.amountMinor', async () => {
    const response = await pay({ accountId, amount: { amountMinor: '1000000000000001', currency: 'EUR' } });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ in: 'body', path: 'amount.amountMinor', reason: 'must be at most 1000000000000000 minor units' }]);
  });

  it('refuses a JSON import with an invoice dated 2999 or too large, naming the entry and field', async () => {
    const response = await importJson({
      accounts: [
        account('G-DATE', { invoices: [{ number: 'GD-1', issueDate: '2025-01-01', dueDate: '2999-12-31', amount: { amountMinor: '100', currency: 'EUR' } }] }),
        account('G-BIG', { invoices: [{ number: 'GB-1', issueDate: '2025-01-01', dueDate: '2025-02-01', amount: { amountMinor: '99999999999999999', currency: 'EUR' } }] }),
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, field: 'accounts[0].invoices[0].dueDate', reason: 'must be between 1900-01-01 and 2100-12-31' }),
        expect.objectContaining({ line: 2, field: 'accounts[1].invoices[0].amount.amountMinor', reason: 'must be at most 1000000000000000 minor units' }),
      ]),
    );
  });

  it('refuses CSV rows with a date in the year 1 or an amount above the bound, naming line and column', async () => {
    const csv = [
      'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,currency,amount,amount_minor',
      'G-C1,Guarded One,business,Europe/Berlin,GC1-1,0001-01-01,2025-02-01,EUR,10.00,',
      'G-C2,Guarded Two,business,Europe/Berlin,GC2-1,2025-01-01,2025-02-01,EUR,,1000000000000001',
      'G-C3,Guarded Three,business,Europe/Berlin,GC3-1,2025-01-01,2025-02-01,EUR,10000000000000.01,',
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(422);
    expect(response.body.error.details.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'issue_date', reason: 'issue_date 0001-01-01 must be between 1900-01-01 and 2100-12-31' }),
        expect.objectContaining({ line: 3, field: 'amount_minor', reason: 'amount_minor must be at most 1000000000000000 minor units' }),
        expect.objectContaining({ line: 4, field: 'amount', reason: 'amount must be at most 1000000000000000 minor units' }),
      ]),
    );
  });
});

describe('a route nobody mounted, outside /api', () => {
  it('answers 404 in the API error shape, not as an HTML page', async () => {
    const response = await request(h.app).post('/nowhere').send({});
    expect(response.status).toBe(404);
    expect(response.type).toBe('application/json');
    expect(response.body.error).toMatchObject({ code: 'not-found' });
  });
});
