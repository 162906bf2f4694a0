import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditLog } from '@recoup/db';
import { pdfPages } from '../../documents/test/support/pdf-text.ts';
import { createHarness, type Harness } from './support/harness.ts';
import { addPortalDebtor, enterPortal, portalLink, type PortalDebtor } from './support/portal-debtors.ts';

const SECRET = 'portal-link-secret-for-documents-0123456789';

let h: Harness;
let ada: PortalDebtor;

let adaCookie: string;

/** Reads a binary body whole, whatever its type. */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const download = (path: string, cookie: string) => request(h.app).get(path).set('Cookie', cookie).set('Accept-Language', 'de-DE').buffer(true).parse(binary);

const invoiceId = async (number: string): Promise<string> => {
  const [row] = await h.db.orm.em.fork().execute<{ id: string }[]>('select id from invoice where number = ?', [number]);
  return row!.id;
};

beforeAll(async () => {
  h = await createHarness({
    env: {
      PORTAL_LINK_SECRET: SECRET,
      CREDITOR_ADDRESS: 'Nordlicht Handel GmbH | Hafenstraße 7 | 20457 Hamburg',
      CREDITOR_BANK_NAME: 'Hamburger Sparkasse',
      CREDITOR_IBAN: 'DE02 2005 0550 1234 5678 90',
      CREDITOR_BIC: 'HASPDEHHXXX',
    },
  });
  ada = await addPortalDebtor(h.db.orm, 'DOC-ADA', 'Ada Analytics GmbH', { name: 'Ada Lovelace', email: 'ada@docs.example' }, [
    { number: 'DOC-1001', amountMinor: 123456n, dueDate: '2026-10-31' },
  ]);
  await addPortalDebtor(h.db.orm, 'DOC-BOB', 'Bob Builders Ltd', { name: 'Bob Stone', email: 'bob@docs.example' }, [
    { number: 'DOC-2001', amountMinor: 99900n, dueDate: '2026-09-30' },
  ]);
  adaCookie = await enterPortal(h.app, portalLink(SECRET, ada));
});

afterAll(async () => {
  await h?.close();
});

describe('documents in the debtor portal', () => {
  it('downloads the account statement as a PDF in the visitor\'s language with the creditor\'s bank details', async () => {
    const res = await download('/portal/statement.pdf', adaCookie);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="statement-DOC-ADA-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const text = (await pdfPages(res.body as Buffer)).pages.join(' ');
    expect(text).toContain('Kontoauszug');
    expect(text).toContain('DOC-1001');
    expect(text).toContain('1.234,56 €');
    expect(text).toContain('Hafenstraße 7');
    expect(text).toContain('DE02 2005 0550 1234 5678 90');
    expect(text).not.toContain('DOC-2001');
  });

  it('downloads a copy of one of the account\'s own invoices and audits the download', async () => {
    const res = await download(`/portal/invoices/${await invoiceId('DOC-1001')}.pdf`, adaCookie);
    expect(res.status).toBe(200);
    const text = (await pdfPages(res.body as Buffer)).pages.join(' ');
    expect(text).toContain('Rechnung DOC-1001');
    expect(text).toContain('Noch offen');
    const audit = await h.db.orm.em.fork().find(AuditLog, { action: 'portal.invoice-downloaded' });
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ invoice: 'DOC-1001' }));
  });

  it('answers 404 for another account\'s invoice, exactly as for one that does not exist', async () => {
    const foreign = await download(`/portal/invoices/${await invoiceId('DOC-2001')}.pdf`, adaCookie);
    const missing = await download('/portal/invoices/00000000-0000-4000-8000-000000000000.pdf', adaCookie);
    const malformed = await download('/portal/invoices/..%2F..%2Fstatement.pdf', adaCookie);
    for (const res of [foreign, missing, malformed]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body.toString('utf8')).not.toContain('DOC-2001');
    }
    expect(foreign.body.toString('utf8')).toBe(missing.body.toString('utf8'));
  });

  it('gives no document without a portal visit', async () => {
    const res = await request(h.app).get('/portal/statement.pdf');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});
