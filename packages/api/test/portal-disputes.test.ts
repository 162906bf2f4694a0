import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditLog, Dispute, DisputeAttachment, DisputeItem, Invoice, collectibleAmounts } from '@recoup/db';
import { MAX_ATTACHMENT_BYTES } from '../src/portal/portal-dispute-upload.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { addPortalDebtor, enterPortal, portalLink, putOnPortalPolicy, type PortalDebtor } from './support/portal-debtors.ts';

// A debtor queries invoices in the portal, optionally with one file: a PDF, PNG or JPEG of at most 10 MiB whose
// bytes are what its name says. Staff of the account's team see and download the file; nobody else does.

const SECRET = 'portal-link-secret-for-disputes-0123456789';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const HTML = Buffer.from('<!doctype html><html><body><script>alert("owned")</script></body></html>');

let h: Harness;
let manager: LoggedIn;
let outsider: LoggedIn;
let otherManager: LoggedIn;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const invoiceId = async (number: string): Promise<string> => (await h.db.orm.em.fork().findOneOrFail(Invoice, { number })).id;

/** A debtor of their own, so no test sees another's disputes; answers their portal cookie too. */
const debtor = async (ref: string, invoices: { number: string; amountMinor: bigint }[]): Promise<PortalDebtor & { cookie: string }> => {
  const who = await addPortalDebtor(h.db.orm, ref, `${ref} GmbH`, { name: `${ref} Contact`, email: `${ref.toLowerCase()}@disputes.example` }, invoices.map((i) => ({ ...i, dueDate: '2026-09-30' })));
  return { ...who, cookie: await enterPortal(h.app, portalLink(SECRET, who)) };
};

interface Upload {
  content: Buffer;
  filename: string;
  contentType: string;
}

const dispute = (cookie: string, form: { invoices: string[]; reason: string; attachment?: Upload }, language = 'en') => {
  let call = request(h.app).post('/portal/disputes').set('Cookie', cookie).set('Accept-Language', language);
  for (const id of form.invoices) call = call.field('invoice', id);
  call = call.field('reason', form.reason);
  if (form.attachment) call = call.attach('attachment', form.attachment.content, { filename: form.attachment.filename, contentType: form.attachment.contentType });
  return call;
};

const storedFor = async (accountId: string) => {
  const em = h.db.orm.em.fork();
  const disputes = await em.find(Dispute, { account: accountId });
  const attachments = await em.find(DisputeAttachment, { dispute: { account: accountId } }, { populate: ['content'] });
  return { disputes, attachments };
};

/** Reads a binary body whole, whatever its type. */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  h = await createHarness({ env: { PORTAL_LINK_SECRET: SECRET } });
  manager = await h.login('manager');
  const otherManagerId = await h.addUser({ email: 'other-manager@disputes.example', name: 'Olga Other', role: 'manager' });
  await h.addUser({ email: 'outsider@disputes.example', name: 'Otto Outsider', role: 'collector', managerId: otherManagerId });
  outsider = await h.loginAs('outsider@disputes.example');
  otherManager = await h.loginAs('other-manager@disputes.example');
});

afterAll(async () => {
  await h?.close();
});

describe('disputing an invoice in the portal', () => {
  it('opens a dispute with the PDF the debtor sent, stores the file with its SHA-256, and stops asking for the invoice', async () => {
    const ada = await debtor('DSP-ADA', [
      { number: 'ADA-1', amountMinor: 12_000n },
      { number: 'ADA-2', amountMinor: 3_000n },
    ]);
    const page = await request(h.app).get('/portal').set('Cookie', ada.cookie).set('Accept-Language', 'en');
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain('accept="application/pdf,image/png,image/jpeg"');
    expect(page.text).toContain('at most 10 MB');
    const first = await invoiceId('ADA-1');
    expect(page.text).toContain(`id="dispute-invoice-${first}"`);
    expect(await collectibleAmounts(h.db.orm.em.fork(), ada.accountId)).toMatchObject({ openMinor: 15_000n, collectibleMinor: 15_000n });

    const sent = await dispute(ada.cookie, {
      invoices: [first],
      reason: '  The goods arrived broken; the delivery note says so.\r\nPlease credit it.  ',
      attachment: { content: PDF, filename: 'delivery-note.pdf', contentType: 'application/pdf' },
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/portal?notice=disputed');

    const { disputes, attachments } = await storedFor(ada.accountId);
    expect(disputes).toHaveLength(1);
    expect(disputes[0]).toMatchObject({ status: 'open', openedBy: null, reason: 'The goods arrived broken; the delivery note says so.\nPlease credit it.' });
    const items = await h.db.orm.em.fork().find(DisputeItem, { dispute: disputes[0]!.id }, { populate: ['invoice'] });
    expect(items.map((i) => [i.invoice.number, i.amountMinor])).toEqual([['ADA-1', 12_000n]]);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ fileName: 'delivery-note.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) });
    expect(Buffer.compare(Buffer.from(attachments[0]!.content), PDF)).toBe(0);

    // Only the undisputed invoice is asked for now.
    expect(await collectibleAmounts(h.db.orm.em.fork(), ada.accountId)).toMatchObject({ openMinor: 15_000n, disputedMinor: 12_000n, collectibleMinor: 3_000n });
    const audit = await h.db.orm.em.fork().find(AuditLog, { action: 'portal.dispute-opened', entityId: ada.accountId });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({
      actor: { kind: 'contact', contactId: ada.contactId },
      disputeId: disputes[0]!.id,
      items: [{ invoice: 'ADA-1', amountMinor: '12000' }],
      attachments: [{ fileName: 'delivery-note.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) }],
    });
    // The account's workflow hears of it through the outbox, after commit.
    expect(h.collections.calls).toContainEqual(expect.objectContaining({ kind: 'disputeOpened', accountId: ada.accountId }));

    const after = await request(h.app).get('/portal?notice=disputed').set('Cookie', ada.cookie).set('Accept-Language', 'en');
    expect(after.text).toContain('We have received your query');
    expect(after.text).toContain('Under review');
    // The disputed invoice is no longer offered to dispute; the other one still is.
    expect(after.text).not.toContain(`id="dispute-invoice-${first}"`);
    expect(after.text).toContain(`id="dispute-invoice-${await invoiceId('ADA-2')}"`);
  });

  it('accepts a PNG photo and stores it under a cleaned name of at most 200 characters', async () => {
    const bea = await debtor('DSP-BEA', [{ number: 'BEA-1', amountMinor: 4_500n }]);
    const longName = `${'Foto vom beschädigten Karton '.repeat(10)}\u202e.png`;
    const sent = await dispute(bea.cookie, {
      invoices: [await invoiceId('BEA-1')],
      reason: 'The box was crushed.',
      attachment: { content: PNG, filename: longName, contentType: 'image/png' },
    });
    expect(sent.status).toBe(303);
    const { attachments } = await storedFor(bea.accountId);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ mediaType: 'image/png', sizeBytes: PNG.length, sha256: sha256(PNG) });
    expect(attachments[0]!.fileName.length).toBeLessThanOrEqual(200);
    expect(attachments[0]!.fileName).toMatch(/^Foto vom beschädigten Karton .*\.png$/);
    expect(attachments[0]!.fileName).not.toContain('\u202e');
  });

  it('opens a dispute without a file when none is chosen', async () => {
    const cal = await debtor('DSP-CAL', [{ number: 'CAL-1', amountMinor: 900n }]);
    // A browser sends an empty file part without a name when the file input is left empty.
    const sent = await dispute(cal.cookie, { invoices: [await invoiceId('CAL-1')], reason: 'Never ordered.', attachment: { content: Buffer.alloc(0), filename: '', contentType: 'application/octet-stream' } });
    expect(sent.status).toBe(303);
    const { disputes, attachments } = await storedFor(cal.accountId);
    expect([disputes.length, attachments.length]).toEqual([1, 0]);
  });

  it('refuses a file one byte over 10 MiB with 413, naming the field and the limit, and stores nothing', async () => {
    const dan = await debtor('DSP-DAN', [{ number: 'DAN-1', amountMinor: 7_000n }]);
    const oversized = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length, 0x20)]);
    const sent = await dispute(dan.cookie, { invoices: [await invoiceId('DAN-1')], reason: 'Wrong price.', attachment: { content: oversized, filename: 'scan.pdf', contentType: 'application/pdf' } });
    expect(sent.status).toBe(413);
    expect(sent.headers['content-type']).toMatch(/^text\/html/);
    expect(sent.text).toContain('Document: the file is larger than 10 MB.');
    // A body declared far larger than any form is refused before it is read.
    const huge = await dispute(dan.cookie, { invoices: [await invoiceId('DAN-1')], reason: 'Wrong price.', attachment: { content: Buffer.alloc(MAX_ATTACHMENT_BYTES * 2, 0x25), filename: 'scan.pdf', contentType: 'application/pdf' } });
    expect(huge.status).toBe(413);
    const { disputes, attachments } = await storedFor(dan.accountId);
    expect([disputes.length, attachments.length]).toEqual([0, 0]);
    expect(await collectibleAmounts(h.db.orm.em.fork(), dan.accountId)).toMatchObject({ collectibleMinor: 7_000n });
  });

  it('accepts a file of exactly 10 MiB', async () => {
    const eve = await debtor('DSP-EVE', [{ number: 'EVE-1', amountMinor: 1_000n }]);
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]);
    const sent = await dispute(eve.cookie, { invoices: [await invoiceId('EVE-1')], reason: 'Big scan.', attachment: { content: exact, filename: 'scan.pdf', contentType: 'application/pdf' } });
    expect(sent.status).toBe(303);
    const { attachments } = await storedFor(eve.accountId);
    expect(attachments.map((a) => a.sizeBytes)).toEqual([MAX_ATTACHMENT_BYTES]);
  });

  it('refuses an HTML page named .pdf with 400 and stores nothing', async () => {
    const fay = await debtor('DSP-FAY', [{ number: 'FAY-1', amountMinor: 2_000n }]);
    const sent = await dispute(fay.cookie, { invoices: [await invoiceId('FAY-1')], reason: 'See attached.', attachment: { content: HTML, filename: 'invoice-copy.pdf', contentType: 'application/pdf' } });
    expect(sent.status).toBe(400);
    expect(sent.text).toContain('Document: “invoice-copy.pdf” is named as a PDF file, but its content is not a PDF file.');
    expect(sent.text).not.toContain('<script>alert');
    const { disputes, attachments } = await storedFor(fay.accountId);
    expect([disputes.length, attachments.length]).toEqual([0, 0]);
    // The refusal is audited with the contact who sent it and what was wrong, though nothing was stored.
    const audit = await h.db.orm.em.fork().find(AuditLog, { action: 'portal.dispute-refused', entityId: fay.accountId });
    expect(audit.map((a) => a.details)).toEqual([
      {
        actor: { kind: 'contact', contactId: fay.contactId, name: expect.any(String) },
        status: 400,
        problems: [{ field: 'attachment', reason: 'attachmentNotAsNamed', values: { name: 'invoice-copy.pdf', kind: 'PDF' } }],
      },
    ]);
  });

  it('refuses a file whose bytes are not what its name or declared type says', async () => {
    const gus = await debtor('DSP-GUS', [{ number: 'GUS-1', amountMinor: 2_000n }]);
    const id = await invoiceId('GUS-1');
    const pngAsPdf = await dispute(gus.cookie, { invoices: [id], reason: 'Photo.', attachment: { content: PNG, filename: 'photo.pdf', contentType: 'application/pdf' } });
    expect(pngAsPdf.status).toBe(400);
    expect(pngAsPdf.text).toContain('“photo.pdf” is named as a PDF file');
    const pdfAsText = await dispute(gus.cookie, { invoices: [id], reason: 'Note.', attachment: { content: PDF, filename: 'note.txt', contentType: 'text/plain' } });
    expect(pdfAsText.status).toBe(400);
    expect(pdfAsText.text).toContain('“note.txt” is a PDF file, but its name does not end in .pdf.');
    const declaredHtml = await dispute(gus.cookie, { invoices: [id], reason: 'Note.', attachment: { content: PDF, filename: 'note.pdf', contentType: 'text/html' } });
    expect(declaredHtml.status).toBe(400);
    expect(declaredHtml.text).toContain('your browser sent “note.pdf” as text/html');
    const htmlPage = await dispute(gus.cookie, { invoices: [id], reason: 'Page.', attachment: { content: HTML, filename: 'page.html', contentType: 'text/html' } });
    expect(htmlPage.status).toBe(400);
    expect(htmlPage.text).toContain('“page.html” is not a PDF, PNG or JPEG file.');
    const { disputes, attachments } = await storedFor(gus.accountId);
    expect([disputes.length, attachments.length]).toEqual([0, 0]);
  });

  it('refuses a form without an invoice or a reason, naming both fields', async () => {
    const hal = await debtor('DSP-HAL', [{ number: 'HAL-1', amountMinor: 2_000n }]);
    const sent = await dispute(hal.cookie, { invoices: [], reason: '   ' });
    expect(sent.status).toBe(400);
    expect(sent.text).toContain('Invoices: please tick at least one invoice');
    expect(sent.text).toContain('What is wrong: please tell us what is wrong');
    const tooLong = await dispute(hal.cookie, { invoices: [await invoiceId('HAL-1')], reason: 'x'.repeat(2_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('please keep it to 2000 characters');
    expect((await storedFor(hal.accountId)).disputes).toHaveLength(0);
  });

  it('refuses a dispute on another account\'s invoice, without naming it, and opens nothing on either account', async () => {
    const ida = await debtor('DSP-IDA', [{ number: 'IDA-1', amountMinor: 2_000n }]);
    const jon = await debtor('DSP-JON', [{ number: 'JON-1', amountMinor: 8_000n }]);
    const sent = await dispute(ida.cookie, { invoices: [await invoiceId('JON-1')], reason: 'Not mine.', attachment: { content: PDF, filename: 'a.pdf', contentType: 'application/pdf' } });
    expect(sent.status).toBe(422);
    expect(sent.text).toContain('is not an open invoice of your account');
    expect(sent.text).not.toContain('JON-1');
    for (const who of [ida, jon]) {
      const { disputes, attachments } = await storedFor(who.accountId);
      expect([disputes.length, attachments.length]).toEqual([0, 0]);
    }
  });

  it('opens one dispute when the same form is sent twice at once, and refuses the second with 409', async () => {
    const kim = await debtor('DSP-KIM', [{ number: 'KIM-1', amountMinor: 6_000n }]);
    const form = { invoices: [await invoiceId('KIM-1')], reason: 'Charged twice.', attachment: { content: PDF, filename: 'statement.pdf', contentType: 'application/pdf' } };
    const answers = await Promise.all([dispute(kim.cookie, form), dispute(kim.cookie, form)]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.text).toContain('Invoices: invoice KIM-1 is already under review, so we have not opened a second query for it.');
    const again = await dispute(kim.cookie, form);
    expect(again.status).toBe(409);
    const { disputes, attachments } = await storedFor(kim.accountId);
    expect([disputes.length, attachments.length]).toEqual([1, 1]);
  });

  it('says what is wrong in German to a German-speaking debtor', async () => {
    const lea = await debtor('DSP-LEA', [{ number: 'LEA-1', amountMinor: 6_000n }]);
    const id = await invoiceId('LEA-1');
    const oversized = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length, 0x20)]);
    const tooLarge = await dispute(lea.cookie, { invoices: [id], reason: 'Falscher Preis.', attachment: { content: oversized, filename: 'scan.pdf', contentType: 'application/pdf' } }, 'de-DE');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('<html lang="de">');
    expect(tooLarge.text).toContain('Dokument: Die Datei ist größer als 10 MB. Bitte senden Sie eine kleinere Datei oder lassen Sie sie weg.');
    const fake = await dispute(lea.cookie, { invoices: [id], reason: 'Siehe Anhang.', attachment: { content: HTML, filename: 'rechnung.pdf', contentType: 'application/pdf' } }, 'de-DE');
    expect(fake.status).toBe(400);
    expect(fake.text).toContain('Dokument: „rechnung.pdf“ ist als PDF-Datei benannt, ihr Inhalt ist aber keine PDF-Datei.');
    expect((await dispute(lea.cookie, { invoices: [id], reason: 'Falscher Preis.' }, 'de-DE')).status).toBe(303);
    const twice = await dispute(lea.cookie, { invoices: [id], reason: 'Falscher Preis.' }, 'de-DE');
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('Rechnungen: Rechnung LEA-1 wird bereits geprüft. Eine zweite Beanstandung haben wir dafür nicht angelegt.');
    const page = await request(h.app).get('/portal?notice=disputed').set('Cookie', lea.cookie).set('Accept-Language', 'de-DE');
    expect(page.text).toContain('Wir haben Ihre Beanstandung erhalten');
  });

  it('shows no dispute form and refuses a dispute sent anyway with 403 when the strategy keeps disputes out of the portal', async () => {
    const max = await debtor('DSP-MAX', [{ number: 'MAX-1', amountMinor: 4_000n }]);
    await putOnPortalPolicy(h.db.orm, max, { disputes: { enabled: false } });
    const page = await request(h.app).get('/portal').set('Cookie', max.cookie).set('Accept-Language', 'en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('MAX-1');
    expect(page.text).not.toContain('id="dispute-form"');
    const sent = await dispute(max.cookie, { invoices: [await invoiceId('MAX-1')], reason: 'Wrong price.', attachment: { content: PDF, filename: 'scan.pdf', contentType: 'application/pdf' } });
    expect(sent.status).toBe(403);
    expect(sent.text).toContain('Queries cannot be sent here for your account.');
    const { disputes, attachments } = await storedFor(max.accountId);
    expect([disputes.length, attachments.length]).toEqual([0, 0]);
    expect(await collectibleAmounts(h.db.orm.em.fork(), max.accountId)).toMatchObject({ collectibleMinor: 4_000n });
  });
});

describe('the attachment for staff', () => {
  let moe: PortalDebtor & { cookie: string };
  let disputeId = '';
  let attachmentId = '';

  beforeAll(async () => {
    moe = await debtor('DSP-MOE', [{ number: 'MOE-1', amountMinor: 5_500n }]);
    const sent = await dispute(moe.cookie, { invoices: [await invoiceId('MOE-1')], reason: 'Damaged.', attachment: { content: PDF, filename: 'Lieferschein März.pdf', contentType: 'application/pdf' } });
    expect(sent.status).toBe(303);
    const { disputes, attachments } = await storedFor(moe.accountId);
    disputeId = disputes[0]!.id;
    attachmentId = attachments[0]!.id;
  });

  it('lists the attachment with its name, type and size on the account\'s disputes', async () => {
    const list = await manager.agent.get(`/api/accounts/${moe.accountId}/disputes`);
    expect(list.status).toBe(200);
    const found = (list.body as { items: { id: string; attachments: unknown[] }[] }).items.find((d) => d.id === disputeId);
    expect(found?.attachments).toEqual([{ id: attachmentId, fileName: 'Lieferschein März.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, createdAt: expect.any(String) }]);
  });

  it('lets staff of the account\'s team download the file as it was sent', async () => {
    const download = await manager.agent.get(`/api/disputes/${disputeId}/attachments/${attachmentId}`).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Lieferschein%20M%C3%A4rz.pdf");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(sha256(download.body as Buffer)).toBe(sha256(PDF));
  });

  it('hides the file from staff of another team, as if it did not exist', async () => {
    for (const stranger of [outsider, otherManager]) {
      const download = await stranger.agent.get(`/api/disputes/${disputeId}/attachments/${attachmentId}`);
      expect(download.status).toBe(404);
      expect(JSON.stringify(download.body)).not.toContain('Lieferschein');
    }
  });

  it('answers 404 for an attachment asked for under another dispute', async () => {
    const other = await h.db.orm.em.fork().findOneOrFail(Dispute, { account: { externalRef: 'DSP-ADA' } });
    const download = await manager.agent.get(`/api/disputes/${other.id}/attachments/${attachmentId}`);
    expect(download.status).toBe(404);
  });
});
