import { createHash, randomUUID } from 'node:crypto';
import { Account, AppUser, CollectorTask, Communication, Contact, DisputeAttachment, Invoice, OutboxMessage } from '@recoup/db';
import { HARNESS_PORTAL_SECRET, type Harness, type LoggedIn } from './harness.ts';
import { enterPortal, portalLink } from './portal-debtors.ts';

/**
 * Objects for the authorization matrix, each made fresh for one request so that a write in one case (completing
 * a task, resolving a dispute) cannot change what the next case sees. Accounts are created through the import
 * API, as in production, and then handed to the collector who owns them.
 */
export class AuthzFixtures {
  readonly #h: Harness;
  readonly #admin: LoggedIn;
  #statementLines: { id: string; direction: string }[] = [];
  #statementId: string | null = null;
  #importBatchId: string | null = null;

  constructor(h: Harness, admin: LoggedIn) {
    this.#h = h;
    this.#admin = admin;
  }

  async account(ownerId: string | null): Promise<{ accountId: string; invoiceId: string; externalRef: string }> {
    const externalRef = `AZ-${randomUUID()}`;
    const response = await this.#admin.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', this.#admin.csrf)
      .send({
        accounts: [
          {
            externalRef,
            name: `Matrix ${externalRef.slice(3, 11)} Ltd`,
            customerType: 'business',
            currency: 'EUR',
            timeZone: 'Europe/Berlin',
            contacts: [{ name: 'Ann', email: 'ann@example.com', consent: { email: true, sms: false, phone: true, letter: true } }],
            invoices: [{ number: `I-${externalRef}`, issueDate: '2020-01-01', dueDate: '2020-02-01', amount: { amountMinor: '10000', currency: 'EUR' } }],
          },
        ],
      });
    if (response.status !== 201) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.#importBatchId ??= (response.body as { batchId: string }).batchId;
    const em = this.#h.db.orm.em.fork();
    const account = await em.findOneOrFail(Account, { externalRef });
    account.assignedCollector = ownerId ? em.getReference(AppUser, ownerId) : null;
    await em.flush();
    const invoice = await em.findOneOrFail(Invoice, { account: account.id });
    return { accountId: account.id, invoiceId: invoice.id, externalRef };
  }

  /** A collector on the demo manager's team, whom the manager and an admin may hand accounts to. */
  async teamCollector(): Promise<string> {
    return this.#h.userId('collector2');
  }

  async task(ownerId: string): Promise<string> {
    const { accountId } = await this.account(ownerId);
    const em = this.#h.db.orm.em.fork();
    const task = em.create(CollectorTask, {
      account: accountId,
      key: `az-${randomUUID()}`,
      workflowId: `collection-${accountId}`,
      nodeId: 'call',
      taskType: 'call',
      title: 'Call the customer',
      status: 'open',
      assignee: ownerId,
      outcomes: ['promised', 'no-contact'],
      dueAt: new Date(),
    });
    await em.flush();
    return task.id;
  }

  /** An e-mail sent on an account of the owner's, with its rendered body. */
  async communication(ownerId: string): Promise<{ accountId: string; communicationId: string }> {
    const { accountId } = await this.account(ownerId);
    const em = this.#h.db.orm.em.fork();
    const message = em.create(Communication, {
      account: accountId,
      key: `az-${randomUUID()}`,
      channel: 'email',
      templateKey: 'overdue-7',
      toAddress: 'ann@example.com',
      subject: 'Your invoice is overdue',
      bodyText: 'Please pay the overdue invoice.',
      bodyHtml: null,
      status: 'sent',
      sentAt: new Date(),
    });
    await em.flush();
    return { accountId, communicationId: message.id };
  }

  async dispute(ownerId: string): Promise<string> {
    const { accountId, invoiceId } = await this.account(ownerId);
    const response = await this.#admin.agent
      .post(`/api/accounts/${accountId}/disputes`)
      .set('x-csrf-token', this.#admin.csrf)
      .send({ reason: 'Goods never arrived', items: [{ invoiceId }] });
    if (response.status !== 201) throw new Error(`dispute failed: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { id: string }).id;
  }

  /** A dispute of an account the owner holds, with one file the debtor sent, stored as the portal stores it. */
  async disputeAttachment(ownerId: string): Promise<{ disputeId: string; attachmentId: string }> {
    const disputeId = await this.dispute(ownerId);
    const content = Buffer.from('%PDF-1.4\n%%EOF\n');
    const em = this.#h.db.orm.em.fork();
    const attachment = em.create(DisputeAttachment, {
      dispute: disputeId,
      fileName: 'delivery-note.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
    await em.flush();
    return { disputeId, attachmentId: attachment.id };
  }

  async payment(ownerId: string): Promise<string> {
    const { accountId } = await this.account(ownerId);
    const response = await this.#admin.agent
      .post('/api/payments')
      .set('x-csrf-token', this.#admin.csrf)
      .set('Idempotency-Key', randomUUID())
      .send({ accountId, amount: { amountMinor: '2500', currency: 'EUR' }, reference: 'matrix' });
    if (response.status !== 201) throw new Error(`payment failed: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { payment: { id: string } }).payment.id;
  }

  /** A collector nobody else uses, for the user-administration routes. */
  async spareUser(): Promise<string> {
    const suffix = randomUUID().slice(0, 8);
    return this.#h.addUser({ email: `spare-${suffix}@recoup.local`, name: `Spare ${suffix}`, role: 'collector' });
  }

  /** A fresh API token, made by the admin, for the token-administration routes. */
  async apiToken(): Promise<string> {
    const response = await this.#admin.agent
      .post('/api/admin/api-tokens')
      .set('x-csrf-token', this.#admin.csrf)
      .send({ name: `Matrix ${randomUUID().slice(0, 8)}`, userId: await this.#h.userId('manager'), scopes: ['accounts:read'] });
    if (response.status !== 201) throw new Error(`Creating an API token answered ${response.status}: ${JSON.stringify(response.body)}`);
    return (response.body as { token: { id: string } }).token.id;
  }

  async optOutToken(): Promise<string> {
    const { accountId } = await this.account(null);
    const contact = await this.#h.db.orm.em.fork().findOneOrFail(Contact, { account: accountId });
    if (!contact.optOutToken) throw new Error('the imported contact has no opt-out token');
    return contact.optOutToken;
  }

  /** A valid portal link (the token) for the primary contact of a fresh account. */
  async portalToken(): Promise<string> {
    const { accountId } = await this.account(null);
    const contact = await this.#h.db.orm.em.fork().findOneOrFail(Contact, { account: accountId });
    return portalLink(HARNESS_PORTAL_SECRET, { accountId, contactId: contact.id });
  }

  /** A portal visit of a fresh account's contact: the cookie to send, and an invoice of that account. */
  async portalVisit(): Promise<{ cookie: string; invoiceId: string }> {
    const { accountId, invoiceId } = await this.account(null);
    const contact = await this.#h.db.orm.em.fork().findOneOrFail(Contact, { account: accountId });
    const cookie = await enterPortal(this.#h.app, portalLink(HARNESS_PORTAL_SECRET, { accountId, contactId: contact.id }));
    return { cookie, invoiceId };
  }

  async outboxMessage(): Promise<string> {
    const em = this.#h.db.orm.em.fork();
    const message = em.create(OutboxMessage, {
      mailFrom: 'ar@recoup.test',
      rcptTo: ['ann@example.com'],
      subject: 'Reminder',
      textBody: 'Please pay.',
      htmlBody: null,
      raw: 'Subject: Reminder\r\n\r\nPlease pay.',
      messageId: null,
    });
    await em.flush();
    return message.id;
  }

  async importBatch(): Promise<string> {
    if (!this.#importBatchId) await this.account(null);
    return this.#importBatchId ?? '';
  }

  async defaultStrategy(): Promise<{ strategyId: string; versionId: string }> {
    const strategies = await this.#admin.agent.get('/api/strategies');
    const strategy = (strategies.body as { id: string; isDefault: boolean }[]).find((s) => s.isDefault);
    if (!strategy) throw new Error('no default strategy');
    const versions = await this.#admin.agent.get(`/api/strategies/${strategy.id}/versions`);
    const [version] = versions.body as { id: string }[];
    if (!version) throw new Error('the default strategy has no version');
    return { strategyId: strategy.id, versionId: version.id };
  }

  /** A segment with a strategy assignment, to remove. */
  async assignment(): Promise<string> {
    const segment = `matrix-${randomUUID().slice(0, 8)}`;
    const { versionId } = await this.defaultStrategy();
    const response = await this.#admin.agent
      .put(`/api/strategy-assignments/${segment}`)
      .set('x-csrf-token', this.#admin.csrf)
      .send({ splits: [{ strategyVersionId: versionId, percent: 100 }] });
    if (response.status !== 200) throw new Error(`assignment failed: ${response.status} ${JSON.stringify(response.body)}`);
    return segment;
  }

  async templateKey(): Promise<string> {
    const templates = await this.#admin.agent.get('/api/templates');
    const [first] = templates.body as { key: string }[];
    if (!first) throw new Error('no templates');
    return first.key;
  }

  #unbalanced = 0;

  async statement(): Promise<string> {
    if (this.#statementId) return this.#statementId;
    const mapping = {
      delimiter: ';',
      hasHeader: true,
      columns: { valueDate: 'Datum', amount: 'Betrag', bankRef: 'Ref', text: ['Zweck'] },
      currency: 'EUR',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      accountNumber: 'DE00MATRIX',
    };
    const saved = await this.#admin.agent.put('/api/statement-mappings/matrix').set('x-csrf-token', this.#admin.csrf).send(mapping);
    if (saved.status !== 200) throw new Error(`mapping failed: ${saved.status}`);
    const rows = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `19.11.2026;-${i + 1},00;MX-${i};Bank fee ${i}` : `19.11.2026;${i + 1},00;MX-${i};Payment ${i}`)).join('\n');
    const response = await this.#admin.agent
      .post('/api/bank-statements?format=csv&mapping=matrix')
      .set('x-csrf-token', this.#admin.csrf)
      .set('content-type', 'text/csv')
      .send(`Datum;Betrag;Ref;Zweck\n${rows}\n`);
    if (response.status !== 201) throw new Error(`statement failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.#statementId = (response.body as { id: string }).id;
    const lines = await this.#admin.agent.get(`/api/bank-statements/${this.#statementId}/lines`);
    this.#statementLines = (lines.body as { id: string; direction: string }[]).map((line) => ({ id: line.id, direction: line.direction }));
    return this.#statementId;
  }

  /** A new statement whose control total does not add up, held for a manager's release or rejection. */
  async unbalancedStatement(): Promise<string> {
    this.#unbalanced += 1;
    const n = this.#unbalanced;
    const bai2 = [
      `01,MATRIXBANK,RECOUPCO,261120,0600,UNB${n},,,2/`,
      '02,RECOUPCO,MATRIXBANK,1,261119,2400,USD,2/',
      '03,5550001111,USD,010,0,,/',
      `16,165,1000,0,MX-${n},,matrix/`,
      '49,1001,3/',
      '98,1001,1,5/',
      '99,1001,1,7/',
    ].join('\n');
    const response = await this.#admin.agent.post('/api/bank-statements?format=bai2').set('x-csrf-token', this.#admin.csrf).set('content-type', 'text/plain').send(bai2);
    if (response.status !== 201 || response.body.status !== 'unbalanced') throw new Error(`unbalanced statement failed: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { id: string }).id;
  }

  /** A statement line nobody has decided on yet: money in (credit) or out (debit). */
  async statementLine(direction: 'credit' | 'debit'): Promise<string> {
    await this.statement();
    const index = this.#statementLines.findIndex((line) => line.direction === direction);
    const [line] = index >= 0 ? this.#statementLines.splice(index, 1) : [];
    if (!line) throw new Error(`the matrix statement ran out of ${direction} lines`);
    return line.id;
  }
}
