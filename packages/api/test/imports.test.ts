import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Account, AppUser, Contact, ImportBatch, Invoice, StrategyVersion } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let manager: LoggedIn;
beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.collections.calls.length = 0;
});

const HEADER =
  'account_ref,account_name,customer_type,segment,time_zone,contact_name,email,phone,consent_email,invoice_number,issue_date,due_date,amount,amount_minor,currency';

const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';

const postCsv = (body: string, query = '') =>
  manager.agent
    .post(`/api/imports/portfolio.csv${query}`)
    .set('x-csrf-token', manager.csrf)
    .set('content-type', 'text/csv')
    .send(body);

const count = async (entity: typeof Account | typeof Invoice | typeof ImportBatch | typeof Contact, where = {}) =>
  h.db.orm.em.fork().count(entity as typeof Account, where);

describe('CSV portfolio import', () => {
  it('imports accounts and invoices, reading major amounts exactly, and starts their workflows', async () => {
    const body = csv(
      'C-100,Acme GmbH,business,key,Europe/Berlin,Ann Acme,ann@acme.test,+49 30 1,true,A-1,2025-01-01,2025-01-31,1234.50,,EUR',
      'C-100,Acme GmbH,business,key,Europe/Berlin,Ann Acme,ann@acme.test,+49 30 1,true,A-2,2025-02-01,2025-02-28,,99,EUR',
      'C-101,Bob Jones,consumer,,America/New_York,Bob Jones,bob@jones.test,,no,B-1,2025-01-10,2025-02-10,0.10,,USD',
      'C-102,Yen Corp,business,,Asia/Tokyo,,,,,Y-1,2025-01-10,2025-02-10,1200,,JPY',
    );
    const response = await postCsv(body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'imported',
      rowsTotal: 4,
      rowsImported: 4,
      accountsCreated: 3,
      accountsUpdated: 0,
      invoicesCreated: 4,
      workflowsStarted: 3,
      skipped: [],
    });
    const em = h.db.orm.em.fork();
    const a1 = await em.findOneOrFail(Invoice, { number: 'A-1' });
    expect(a1.amountMinor).toBe(123450n);
    expect(a1.openMinor).toBe(123450n);
    expect((await em.findOneOrFail(Invoice, { number: 'A-2' })).amountMinor).toBe(99n);
    expect((await em.findOneOrFail(Invoice, { number: 'B-1' })).amountMinor).toBe(10n);
    expect((await em.findOneOrFail(Invoice, { number: 'Y-1' })).amountMinor).toBe(1200n);
    const acme = await em.findOneOrFail(Account, { externalRef: 'C-100' });
    expect(acme).toMatchObject({ name: 'Acme GmbH', customerType: 'business', segment: 'key', currency: 'EUR' });
    const contacts = await em.find(Contact, { account: acme.id });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ email: 'ann@acme.test', isPrimary: true, consentEmail: true });

    const version = await em.findOneOrFail(StrategyVersion, { version: 1 });
    const starts = h.collections.of('start');
    expect(starts).toHaveLength(3);
    expect(new Set(starts.map((s) => s.strategyVersionId))).toEqual(new Set([version.id]));
    expect(starts.map((s) => s.accountId)).toContain(acme.id);
  });

  it('refuses the whole file with every bad row, its line and reason, and writes only the rejected batch', async () => {
    const accountsBefore = await count(Account);
    const invoicesBefore = await count(Invoice);
    const body = csv(
      'R-1,Rita,consumer,,Europe/Paris,,,,,R-OK,2025-01-01,2025-01-31,10.00,,EUR', // line 2: fine
      'R-1,Rita,consumer,,Europe/Paris,,,,,R-2,2025-01-01,2025-01-31,10.00,,XYZ', // 3: unknown currency
      'R-1,Rita,consumer,,Europe/Paris,,,,,R-3,2025-01-01,2025-01-31,,-500,EUR', // 4: negative minor
      'R-1,Rita,consumer,,Europe/Paris,,,,,R-4,2025-01-01,2025-01-31,,12.5,EUR', // 5: fractional minor
      'R-1,Rita,consumer,,Europe/Paris,,,,,R-5,2025-02-30,2025-03-31,1.00,,EUR', // 6: bad date
      'R-1,Rita,consumer,,Europe/Paris,,,,,R-6,2025-03-01,2025-02-01,1.00,,EUR', // 7: due before issue
      'R-1,Rita,consumer,,Europe/Paris,,,,,R-OK,2025-01-01,2025-01-31,1.00,,EUR', // 8: duplicate in file
      'R-2,Sam,consumer,,Mars/Olympus,,,,,R-7,2025-01-01,2025-01-31,1.00,,EUR', // 9: bad time zone
      'R-1,Rita Renamed,consumer,,Europe/Paris,,,,,R-8,2025-01-01,2025-01-31,1.00,,EUR', // 10: conflicting name
      'R-3,Tom,consumer,,Europe/Paris,,,,,,2025-01-01,2025-01-31,1.00,,EUR', // 11: missing invoice number
      'R-3,Tom,consumer,,Europe/Paris,,,,,R-9,2025-01-01,2025-01-31,1.001,,EUR', // 12: too many decimals
    );
    const response = await postCsv(body);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('import-rejected');
    const rows = response.body.error.details.rows as { line: number; field: string; reason: string }[];
    expect(rows.map((r) => [r.line, r.field])).toEqual([
      [3, 'currency'],
      [4, 'amount_minor'],
      [5, 'amount_minor'],
      [6, 'issue_date'],
      [7, 'due_date'],
      [8, 'invoice_number'],
      [9, 'time_zone'],
      [10, 'account_name'],
      [11, 'invoice_number'],
      [12, 'amount'],
    ]);
    const reason = (line: number) => rows.find((r) => r.line === line)?.reason;
    expect(reason(3)).toMatch(/unknown currency "XYZ"/);
    expect(reason(4)).toMatch(/must not be negative/);
    expect(reason(5)).toMatch(/not a fraction/);
    expect(reason(6)).toMatch(/bad date "2025-02-30"/);
    expect(reason(7)).toMatch(/before the issue date/);
    expect(reason(8)).toMatch(/duplicate invoice number R-OK \(already on line 2/);
    expect(reason(9)).toMatch(/unknown time zone "Mars\/Olympus"/);
    expect(reason(10)).toMatch(/conflicts with "Rita" on line 2/);
    expect(reason(11)).toMatch(/invoice_number is required/);
    expect(reason(12)).toMatch(/more decimals than the currency allows/);

    expect(await count(Account)).toBe(accountsBefore);
    expect(await count(Invoice)).toBe(invoicesBefore);
    expect(h.collections.calls).toEqual([]);
    const batchId = response.body.error.details.batchId as string;
    const batch = await manager.agent.get(`/api/imports/${batchId}`);
    expect(batch.body).toMatchObject({ status: 'rejected', format: 'csv', rowsTotal: 11, rowsImported: 0 });
    expect(batch.body.errors).toHaveLength(10);
    const raw = await manager.agent.get(`/api/imports/${batchId}/raw`).buffer(true);
    expect(raw.headers['content-type']).toMatch(/text\/csv/);
    expect(raw.text).toBe(body);
  });

  it('offers the raw file only for saving, as its stored format, whatever name it was uploaded under', async () => {
    const body = csv('<script>alert(1)</script>,=HYPERLINK(""http://x""),consumer,,Europe/Rome,,,,,RAW-1,2025-01-01,2025-01-31,5.00,,EUR');
    const uploaded = await postCsv(body, '?filename=statement.html');
    const batchId = (uploaded.body.batchId ?? uploaded.body.error?.details?.batchId) as string;
    expect(batchId).toEqual(expect.any(String));
    const raw = await manager.agent.get(`/api/imports/${batchId}/raw`).buffer(true);
    expect(raw.status).toBe(200);
    expect(raw.headers['content-disposition']).toMatch(/^attachment; filename="?statement\.html"?$/);
    expect(raw.headers['content-type']).toMatch(/^text\/csv/);
    expect(raw.headers['x-content-type-options']).toBe('nosniff');
    expect(raw.headers['content-security-policy']).toContain('sandbox');
    expect(raw.text).toBe(body);
  });

  it('refuses a file missing a required column, naming it on line 1', async () => {
    const response = await postCsv('account_ref,account_name\nX,Y\n');
    expect(response.status).toBe(422);
    const rows = response.body.error.details.rows as { line: number; field: string }[];
    expect(rows.every((r) => r.line === 1)).toBe(true);
    expect(rows.map((r) => r.field)).toEqual(expect.arrayContaining(['customer_type', 'currency', 'invoice_number', 'amount']));
  });

  it('refuses an invoice number that is already in the database', async () => {
    const first = await postCsv(csv('D-1,Dora,consumer,,Europe/Rome,,,,,DUP-1,2025-01-01,2025-01-31,5.00,,EUR'));
    expect(first.status).toBe(201);
    const again = await postCsv(csv('D-2,Dan,consumer,,Europe/Rome,,,,,DUP-1,2025-01-01,2025-01-31,5.00,,EUR'));
    expect(again.status).toBe(422);
    expect(again.body.error.details.rows).toEqual([
      { line: 2, field: 'invoice_number', reason: 'invoice number DUP-1 was already imported' },
    ]);
    expect(await count(Account, { externalRef: 'D-2' })).toBe(0);
  });

  it('in valid-only mode imports the good accounts and skips each bad account whole', async () => {
    const body = csv(
      'V-1,Vera,consumer,,Europe/Madrid,,,,,V-1a,2025-01-01,2025-01-31,1.00,,EUR',
      'V-1,Vera,consumer,,Europe/Madrid,,,,,V-1b,2025-01-01,2025-01-31,2.00,,EUR',
      'V-2,Walt,consumer,,Europe/Madrid,,,,,V-2a,2025-01-01,2025-01-31,3.00,,EUR',
      'V-2,Walt,consumer,,Europe/Madrid,,,,,V-2b,2025-01-01,2025-01-31,3.00,,QQQ',
      ',Nobody,consumer,,Europe/Madrid,,,,,V-3a,2025-01-01,2025-01-31,3.00,,EUR',
    );
    const response = await postCsv(body, '?mode=valid-only');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'partially-imported',
      rowsTotal: 5,
      rowsImported: 2,
      accountsCreated: 1,
      invoicesCreated: 2,
      workflowsStarted: 1,
    });
    expect(response.body.skipped).toEqual([
      { accountRef: null, lines: [6], problems: [{ line: 6, field: 'account_ref', reason: 'account_ref is required' }] },
      {
        accountRef: 'V-2',
        lines: [4, 5],
        problems: [{ line: 5, field: 'currency', reason: 'unknown currency "QQQ" (not an ISO 4217 code)' }],
      },
    ]);
    expect(await count(Account, { externalRef: 'V-2' })).toBe(0);
    expect(await count(Invoice, { number: 'V-2a' })).toBe(0);
    expect(await count(Invoice, { number: { $in: ['V-1a', 'V-1b'] } })).toBe(2);
  });

  it('updates an existing account by its reference instead of creating another', async () => {
    await postCsv(csv('U-1,Old Name,consumer,,Europe/Vienna,,,,,U-1a,2025-01-01,2025-01-31,1.00,,EUR'));
    const response = await postCsv(csv('U-1,New Name,business,,Europe/Vienna,,,,,U-1b,2025-01-01,2025-01-31,1.00,,EUR'));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ accountsCreated: 0, accountsUpdated: 1, invoicesCreated: 1, workflowsStarted: 0 });
    // The second start is idempotent: the workflow already runs, so it is not counted as started.
    expect(h.collections.of('start')).toHaveLength(2);
    const account = await h.db.orm.em.fork().findOneOrFail(Account, { externalRef: 'U-1' });
    expect(account).toMatchObject({ name: 'New Name', customerType: 'business' });
  });

  it('refuses a body that is not text/csv with 415', async () => {
    const response = await manager.agent
      .post('/api/imports/portfolio.csv')
      .set('x-csrf-token', manager.csrf)
      .set('content-type', 'application/json')
      .send({ a: 1 });
    expect(response.status).toBe(415);
  });

  it('refuses imports by collectors', async () => {
    const collector = await h.login('collector1');
    const response = await collector.agent
      .post('/api/imports/portfolio.csv')
      .set('x-csrf-token', collector.csrf)
      .set('content-type', 'text/csv')
      .send(csv());
    expect(response.status).toBe(403);
  });
});

describe('JSON portfolio import', () => {
  const account = (ref: string, invoiceNumber: string, amountMinor: string | number = '5000') => ({
    externalRef: ref,
    name: `Account ${ref}`,
    customerType: 'business',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    contacts: [
      {
        name: 'Primary',
        email: 'p@x.test',
        postalAddress: '1 Letter Lane\nBerlin',
        isPrimary: true,
        consent: { email: true, sms: false, phone: true, letter: true },
      },
      { name: 'Other', phone: '+49 1', consent: { email: false, sms: false, phone: false, letter: false } },
    ],
    invoices: [{ number: invoiceNumber, issueDate: '2025-01-01', dueDate: '2025-02-01', amount: { amountMinor, currency: 'EUR' } }],
  });

  it('imports accounts with contacts and invoices', async () => {
    const response = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .send({ accounts: [account('J-1', 'J-1a'), account('J-2', 'J-2a', 700)] });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'imported', rowsTotal: 2, accountsCreated: 2, invoicesCreated: 2, workflowsStarted: 2 });
    const em = h.db.orm.em.fork();
    const j1 = await em.findOneOrFail(Account, { externalRef: 'J-1' });
    const contacts = await em.find(Contact, { account: j1.id }, { orderBy: { name: 'asc' } });
    expect(contacts.map((c) => [c.name, c.isPrimary, c.consentPhone, c.postalAddress ?? null])).toEqual([
      ['Other', false, false, null],
      ['Primary', true, true, '1 Letter Lane\nBerlin'],
    ]);
    expect((await em.findOneOrFail(Invoice, { number: 'J-2a' })).amountMinor).toBe(700n);
    const batch = await em.findOneOrFail(ImportBatch, { id: response.body.batchId });
    expect(batch.format).toBe('json');
  });

  it('keeps the document as it was sent, not a re-serialization of it', async () => {
    const text = `{\n  "accounts": [\n    ${JSON.stringify(account('J-RAW', 'J-RAW-a'))}\n  ]\n}\n`;
    const response = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .set('content-type', 'application/json')
      .send(text);
    expect(response.status).toBe(201);
    const raw = await manager.agent.get(`/api/imports/${response.body.batchId as string}/raw`).buffer(true);
    expect(raw.headers['content-type']).toMatch(/^application\/json/);
    expect(raw.text).toBe(text);
  });

  it('refuses the whole document naming each bad field by its path', async () => {
    const response = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .send({ accounts: [account('K-1', 'K-1a'), account('K-2', 'K-2a', '-3'), { ...account('K-3', 'K-3a'), currency: 'ZZZ' }] });
    expect(response.status).toBe(422);
    expect(response.body.error.details.rows).toEqual([
      { line: 2, field: 'accounts[1].invoices[0].amount.amountMinor', reason: 'must not be negative' },
      { line: 3, field: 'accounts[2].currency', reason: expect.stringContaining('ISO 4217') },
    ]);
    expect(await count(Account, { externalRef: 'K-1' })).toBe(0);
  });
});

describe('imports and team scope', () => {
  it("refuses, changing nothing, an import naming another team's account by its reference", async () => {
    const admin = await h.login('admin');
    const otherManager = await h.addUser({ email: 'import-other-manager@recoup.local', name: 'Ida Other', role: 'manager' });
    const outsider = await h.addUser({ email: 'import-outsider@recoup.local', name: 'Oscar Outsider', role: 'collector', managerId: otherManager });
    const body = csv('SCOPE-1,Elsewhere Ltd,business,standard,Europe/Berlin,Eve,eve@elsewhere.example,,true,SCOPE-INV-1,2026-01-01,2026-02-01,100.00,,EUR');
    const first = await admin.agent.post('/api/imports/portfolio.csv').set('x-csrf-token', admin.csrf).set('content-type', 'text/csv').send(body);
    expect(first.status).toBe(201);
    const em = h.db.orm.em.fork();
    const account = await em.findOneOrFail(Account, { externalRef: 'SCOPE-1' });
    account.assignedCollector = em.getReference(AppUser, outsider);
    await em.flush();

    const renamed = csv('SCOPE-1,Renamed By Another Team,business,standard,Europe/Berlin,Eve,eve@elsewhere.example,,true,SCOPE-INV-2,2026-01-01,2026-02-01,50.00,,EUR');
    const response = await postCsv(renamed);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'import-accounts-out-of-scope', details: { accountRefs: ['SCOPE-1'] } });
    expect((await h.db.orm.em.fork().findOneOrFail(Account, { externalRef: 'SCOPE-1' })).name).toBe('Elsewhere Ltd');
    expect(await count(Invoice, { number: 'SCOPE-INV-2' })).toBe(0);
  });
});

describe('workflow starts after an import', () => {
  it('starts one workflow per account with bounded concurrency', async () => {
    const accounts = Array.from({ length: 120 }, (_, i) => ({
      externalRef: `BULK-${i}`,
      name: `Bulk ${i}`,
      customerType: 'consumer',
      currency: 'EUR',
      timeZone: 'UTC',
      invoices: [{ number: `BULK-INV-${i}`, issueDate: '2025-01-01', dueDate: '2025-01-31', amount: { amountMinor: '100', currency: 'EUR' } }],
    }));
    h.collections.maxInFlight = 0;
    const response = await manager.agent.post('/api/imports/portfolio').set('x-csrf-token', manager.csrf).send({ accounts });
    expect(response.status).toBe(201);
    expect(response.body.workflowsStarted).toBe(120);
    expect(h.collections.maxInFlight).toBeGreaterThan(1);
    expect(h.collections.maxInFlight).toBeLessThanOrEqual(32);
  });
});


describe('an import that writes in several chunks', () => {
  const entries = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      externalRef: `${prefix}-${i}`,
      name: `Chunked ${i}`,
      customerType: 'consumer',
      currency: 'EUR',
      timeZone: 'UTC',
      invoices: [{ number: `${prefix}-INV-${i}`, issueDate: '2025-01-01', dueDate: '2025-01-31', amount: { amountMinor: '100', currency: 'EUR' } }],
    }));

  it('leaves nothing behind when the database refuses a row of its last chunk, as when another import took a number first', async () => {
    // 2,600 accounts of two rows each are more than one chunk; the database refuses the very last invoice.
    const accounts = entries('ATOM', 2_600);
    const em = h.db.orm.em.fork();
    await em.execute(`create function refuse_atom_last() returns trigger language plpgsql as $$
      begin raise exception 'duplicate key value violates unique constraint "invoice_number_unique"' using errcode = 'unique_violation'; end $$`);
    await em.execute(`create trigger refuse_atom_last before insert on "invoice" for each row when (new."number" = 'ATOM-INV-2599') execute function refuse_atom_last()`);
    const batches = await count(ImportBatch);
    try {
      const response = await manager.agent.post('/api/imports/portfolio').set('x-csrf-token', manager.csrf).send({ accounts });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('conflict');
    } finally {
      await em.execute('drop trigger refuse_atom_last on "invoice"');
      await em.execute('drop function refuse_atom_last()');
    }
    expect(await count(Account, { externalRef: { $like: 'ATOM-%' } })).toBe(0);
    expect(await count(Invoice, { number: { $like: 'ATOM-INV-%' } })).toBe(0);
    expect(await count(ImportBatch)).toBe(batches);
    expect(h.collections.calls).toEqual([]);
  });

  it('writes every chunk: each account with its invoice, open for its whole amount', async () => {
    const response = await manager.agent.post('/api/imports/portfolio').set('x-csrf-token', manager.csrf).send({ accounts: entries('MANY', 2_600) });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ rowsTotal: 2_600, accountsCreated: 2_600, invoicesCreated: 2_600, workflowsStarted: 2_600 });
    const em = h.db.orm.em.fork();
    expect(await count(Invoice, { number: { $like: 'MANY-INV-%' }, status: 'open', openMinor: 100n })).toBe(2_600);
    const last = await em.findOneOrFail(Invoice, { number: 'MANY-INV-2599' }, { populate: ['account'] });
    expect(last.account.externalRef).toBe('MANY-2599');
  });
});

describe('importing an account again', () => {
  it('adds only the contacts not yet stored, and a stored primary contact keeps the role', async () => {
    const consent = { email: true, sms: false, phone: false, letter: false };
    const entry = (invoice: string, contacts: object[]) => ({
      externalRef: 'AGAIN-1',
      name: 'Again Ltd',
      customerType: 'business',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      contacts,
      invoices: [{ number: invoice, issueDate: '2025-01-01', dueDate: '2025-02-01', amount: { amountMinor: '500', currency: 'EUR' } }],
    });
    const post = (body: object) => manager.agent.post('/api/imports/portfolio').set('x-csrf-token', manager.csrf).send(body);
    const first = await post({ accounts: [entry('AGAIN-INV-1', [{ name: 'Pia', email: 'pia@again.test', isPrimary: true, consent }, { name: 'Olaf', consent }])] });
    expect(first.status).toBe(201);
    const second = await post({ accounts: [entry('AGAIN-INV-2', [{ name: 'Pia', email: 'pia@again.test', consent }, { name: 'Nora', isPrimary: true, consent }])] });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ accountsCreated: 0, accountsUpdated: 1, invoicesCreated: 1 });
    const em = h.db.orm.em.fork();
    const account = await em.findOneOrFail(Account, { externalRef: 'AGAIN-1' });
    const contacts = await em.find(Contact, { account: account.id }, { orderBy: { name: 'asc' } });
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['Nora', false],
      ['Olaf', false],
      ['Pia', true],
    ]);
  });
});

describe('workflows that start in the background', () => {
  // Its own app: the answer waits only 20 ms for the starts, and unfinished imports are taken up every 200 ms.
  let bg: Harness;
  let importer: LoggedIn;
  beforeAll(async () => {
    bg = await createHarness({ env: { IMPORT_START_WAIT_MS: '20', IMPORT_RESUME_MS: '200' } });
    importer = await bg.login('manager');
  });
  afterAll(async () => {
    await bg.close();
  });

  const entries = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      externalRef: `${prefix}-${i}`,
      name: `Background ${i}`,
      customerType: 'consumer',
      currency: 'EUR',
      timeZone: 'UTC',
      invoices: [{ number: `${prefix}-INV-${i}`, issueDate: '2025-01-01', dueDate: '2025-01-31', amount: { amountMinor: '100', currency: 'EUR' } }],
    }));
  const importJson = (accounts: unknown[]) => importer.agent.post('/api/imports/portfolio').set('x-csrf-token', importer.csrf).send({ accounts });

  /** Reads the batch until its workflows have finished starting. */
  const startedBatch = async (batchId: string) => {
    for (let i = 0; i < 200; i++) {
      const batch = await importer.agent.get(`/api/imports/${batchId}`);
      expect(batch.status).toBe(200);
      if (['started', 'failed'].includes(batch.body.workflows?.status)) return batch.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the import did not finish starting its workflows');
  };

  it('answers once the import is saved while its workflows are still starting, and the batch shows them all started later', async () => {
    bg.collections.startDelayMs = 40;
    try {
      const response = await importJson(entries('SLOW', 100));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ accountsCreated: 100, workflowStatus: 'starting', workflowsTotal: 100, workflowsProcessed: 0, workflowsStarted: 0 });
      expect(response.body.workflowNote).toContain('starting in the background: 0 of 100 accounts');
      const batch = await startedBatch(response.body.batchId);
      expect(batch.workflows).toEqual({ status: 'started', total: 100, processed: 100, started: 100, withoutStrategy: 0, errors: [], note: null });
      expect(bg.collections.of('start')).toHaveLength(100);
    } finally {
      bg.collections.startDelayMs = 1;
    }
  });

  it('keeps an import whose workflows Temporal could not take pending, and starts them once Temporal can be reached', async () => {
    bg.importStarts.startError = new Error('connect ECONNREFUSED 127.0.0.1:7233');
    let response;
    try {
      response = await importJson(entries('AWAY', 3));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ accountsCreated: 3, workflowStatus: 'pending', workflowsStarted: 0 });
      expect(response.body.workflowNote).toContain('start as soon as Temporal can be reached');
      const away = await bg.db.orm.em.fork().find(Account, { externalRef: { $like: 'AWAY-%' } });
      const startedAway = () => bg.collections.of('start').filter((c) => away.some((a) => a.id === c.accountId));
      expect(startedAway()).toEqual([]);
      // Temporal comes back: the next round takes the import up.
      bg.importStarts.startError = null;
      const batch = await startedBatch(response.body.batchId);
      expect(batch.workflows).toMatchObject({ status: 'started', total: 3, processed: 3, started: 3 });
      expect(startedAway()).toHaveLength(3);
    } finally {
      bg.importStarts.startError = null;
    }
  });

  it('counts an account whose workflow already runs as processed, not started', async () => {
    const first = await importJson(entries('TWICE', 2));
    expect((await startedBatch(first.body.batchId)).workflows).toMatchObject({ started: 2 });
    const again = entries('TWICE', 2).map((account, i) => ({ ...account, invoices: [{ ...account.invoices[0], number: `TWICE-INV-${i}-again` }] }));
    const second = await importJson(again);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ accountsUpdated: 2 });
    expect((await startedBatch(second.body.batchId)).workflows).toMatchObject({ status: 'started', total: 2, processed: 2, started: 0 });
  });
});
