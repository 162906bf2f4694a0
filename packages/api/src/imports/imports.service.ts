import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Account, Contact, ImportBatch, Invoice, type IAccount, type IContact, type JsonValue } from '@recoup/db';
import type { ImportBatchView, ImportQuery, ImportResult, ImportRowProblem, SkippedEntry } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { ACCOUNT_SCOPE_FILTER } from '../shared/access-scope.ts';
import type { Logger } from '../http/logger.ts';
import type { AccountToStart } from '@recoup/workflows';
import {
  allProblems,
  flagDuplicateInvoiceNumbers,
  flagExistingInvoiceNumbers,
  type PortfolioAccount,
  type PortfolioParse,
} from './portfolio.ts';
import { startCollections } from '@recoup/workflows';

export interface ImportRequest {
  format: 'csv' | 'json';
  raw: Buffer;
  filename: string;
  mode: ImportQuery['mode'];
  user: AuthUser;
  parse: PortfolioParse;
}

export type ImportOutcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'rejected'; batchId: string; rowsTotal: number; rows: ImportRowProblem[]; skipped: SkippedEntry[] };

// Large IN lists are split so no statement nears PostgreSQL's 65,535 bind parameters.
const CHUNK = 5_000;
const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

interface WriteCounts {
  accountsCreated: number;
  accountsUpdated: number;
  invoicesCreated: number;
  accountIds: string[];
}

export class ImportsService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;
  readonly #logger: Logger;

  constructor(orm: MikroORM, collections: CollectionClient, logger: Logger) {
    this.#orm = orm;
    this.#collections = collections;
    this.#logger = logger;
  }

  async importPortfolio(request: ImportRequest): Promise<ImportOutcome> {
    const em = this.#orm.em.fork();
    const { parse } = request;
    const written = await em.transactional(async (tx) => {
      flagDuplicateInvoiceNumbers(parse.accounts);
      flagExistingInvoiceNumbers(parse.accounts, await existingInvoiceNumbers(tx, parse.accounts));
      const problems = allProblems(parse);
      const good = parse.accounts.filter((account) => account.problems.length === 0);
      const skipped = skippedEntries(parse);
      const refuse = parse.fatal.length > 0 || good.length === 0 || (problems.length > 0 && request.mode !== 'valid-only');
      if (refuse) {
        const batch = createBatch(tx, request, 'rejected', 0, problems);
        await tx.flush();
        await audit(tx, {
          actorId: request.user.id,
          action: 'import.rejected',
          entity: 'import_batch',
          entityId: batch.id,
          details: { format: request.format, rowsTotal: parse.rowsTotal, problems: problems.length },
        });
        return { kind: 'rejected' as const, batchId: batch.id, rowsTotal: parse.rowsTotal, rows: problems, skipped };
      }
      const counts = await writeAccounts(tx, good);
      const rowsImported = good.reduce((n, account) => n + account.lines.length, 0);
      const status = skipped.length > 0 ? ('partially-imported' as const) : ('imported' as const);
      const batch = createBatch(tx, request, status, rowsImported, problems);
      await tx.flush();
      // appendAudit forks this EntityManager; tens of thousands of managed rows would be copied for nothing.
      tx.clear();
      await audit(tx, {
        actorId: request.user.id,
        action: 'import.portfolio',
        entity: 'import_batch',
        entityId: batch.id,
        details: {
          format: request.format,
          mode: request.mode,
          status,
          rowsTotal: parse.rowsTotal,
          rowsImported,
          accountsCreated: counts.accountsCreated,
          accountsUpdated: counts.accountsUpdated,
          invoicesCreated: counts.invoicesCreated,
        },
      });
      return { kind: 'written' as const, batchId: batch.id, status, rowsImported, counts, skipped };
    });
    if (written.kind === 'rejected') return written;

    const { started, errors, note } = await this.#startWorkflows(written.counts.accountIds);
    return {
      kind: 'imported',
      result: {
        batchId: written.batchId,
        status: written.status,
        rowsTotal: parse.rowsTotal,
        rowsImported: written.rowsImported,
        accountsCreated: written.counts.accountsCreated,
        accountsUpdated: written.counts.accountsUpdated,
        invoicesCreated: written.counts.invoicesCreated,
        workflowsStarted: started,
        workflowErrors: errors,
        workflowNote: note,
        skipped: written.skipped,
      },
    };
  }

  /** Starts (idempotently) the collection workflow of every imported account that has something open. */
  async #startWorkflows(accountIds: string[]): Promise<{ started: number; errors: ImportResult['workflowErrors']; note: string | null }> {
    const em = this.#orm.em.fork();
    const open = new Map<string, AccountToStart>();
    for (const chunk of chunks(accountIds)) {
      const invoices = await em.find(
        Invoice,
        { account: { $in: chunk }, status: 'open', openMinor: { $gt: 0n } },
        { fields: ['account.segment'] },
      );
      for (const invoice of invoices) open.set(invoice.account.id, { id: invoice.account.id, segment: invoice.account.segment });
    }
    const report = await startCollections(this.#orm, this.#collections, [...open.values()], this.#logger);
    const note =
      report.withoutStrategy > 0
        ? `${report.withoutStrategy} collection workflow(s) were not started: their segment has no strategy assignment and no default strategy is published.`
        : null;
    return { started: report.started, errors: report.errors, note };
  }

  async getBatch(id: string): Promise<ImportBatchView> {
    const batch = await this.#orm.em.fork().findOne(ImportBatch, { id });
    if (!batch) throw new NotFoundError('import');
    return {
      id: batch.id,
      kind: batch.kind,
      format: batch.format,
      filename: batch.filename,
      status: batch.status,
      rowsTotal: batch.rowsTotal,
      rowsImported: batch.rowsImported,
      errors: batch.errors,
      createdBy: batch.createdBy ?? null,
      createdAt: batch.createdAt.toISOString(),
    };
  }

  async getRaw(id: string): Promise<{ format: 'csv' | 'json'; filename: string; raw: Buffer }> {
    const batch = await this.#orm.em.fork().findOne(ImportBatch, { id }, { populate: ['raw'] });
    if (!batch) throw new NotFoundError('import');
    return { format: batch.format, filename: batch.filename, raw: Buffer.from(batch.raw) };
  }
}

const skippedEntries = (parse: PortfolioParse): SkippedEntry[] => [
  ...parse.orphans.map((orphan) => ({ accountRef: null, lines: [orphan.line], problems: orphan.problems })),
  ...parse.accounts
    .filter((account) => account.problems.length > 0)
    .map((account) => ({
      accountRef: account.externalRef,
      lines: account.lines,
      problems: [...account.problems].sort((a, b) => a.line - b.line),
    })),
];

const createBatch = (
  em: EntityManager,
  request: ImportRequest,
  status: 'imported' | 'partially-imported' | 'rejected',
  rowsImported: number,
  problems: ImportRowProblem[],
) => {
  const batch = em.create(ImportBatch, {
    id: randomUUID(),
    kind: 'customers-invoices',
    format: request.format,
    filename: request.filename,
    raw: request.raw,
    status,
    rowsTotal: request.parse.rowsTotal,
    rowsImported,
    errors: problems as unknown as JsonValue[],
    createdBy: request.user.id,
  });
  em.persist(batch);
  return batch;
};

const existingInvoiceNumbers = async (em: EntityManager, accounts: PortfolioAccount[]): Promise<Set<string>> => {
  const numbers = [...new Set(accounts.flatMap((account) => account.invoices.map((invoice) => invoice.number)))];
  const found = new Set<string>();
  for (const chunk of chunks(numbers)) {
    const invoices = await em.find(Invoice, { number: { $in: chunk } }, { fields: ['number'] });
    for (const invoice of invoices) found.add(invoice.number);
  }
  return found;
};

/** Upserts accounts by external reference, adds unseen contacts, creates invoices. No flush: the caller commits. */
const writeAccounts = async (em: EntityManager, accounts: PortfolioAccount[]): Promise<WriteCounts> => {
  const existing = new Map<string, IAccount>();
  const outOfScope: string[] = [];
  for (const chunk of chunks(accounts.map((a) => a.externalRef))) {
    // References are unique across every team: one the user's scope does not reach is someone else's account,
    // which an import must neither change nor try to create again.
    const inScope = new Set((await em.find(Account, { externalRef: { $in: chunk } }, { fields: ['id'] })).map((a) => a.id));
    for (const account of await em.find(Account, { externalRef: { $in: chunk } }, { filters: { [ACCOUNT_SCOPE_FILTER]: false } })) {
      if (inScope.has(account.id)) existing.set(account.externalRef, account);
      else outOfScope.push(account.externalRef);
    }
  }
  if (outOfScope.length > 0) {
    throw new ConflictError(
      'import-accounts-out-of-scope',
      `Nothing was imported: ${outOfScope.length} account reference(s) belong to accounts outside your team (${outOfScope.slice(0, 10).join(', ')}).`,
      { accountRefs: outOfScope },
    );
  }
  const contactsByAccount = new Map<string, IContact[]>();
  for (const chunk of chunks([...existing.values()].map((a) => a.id))) {
    for (const contact of await em.find(Contact, { account: { $in: chunk } })) {
      const list = contactsByAccount.get(contact.account.id) ?? [];
      list.push(contact);
      contactsByAccount.set(contact.account.id, list);
    }
  }
  const counts: WriteCounts = { accountsCreated: 0, accountsUpdated: 0, invoicesCreated: 0, accountIds: [] };
  for (const input of accounts) {
    let account = existing.get(input.externalRef);
    if (account) {
      account.name = input.name;
      account.customerType = input.customerType;
      if (input.segment !== null) account.segment = input.segment;
      account.timeZone = input.timeZone;
      counts.accountsUpdated += 1;
    } else {
      account = em.create(Account, {
        id: randomUUID(),
        externalRef: input.externalRef,
        name: input.name,
        customerType: input.customerType,
        segment: input.segment ?? 'standard',
        currency: input.currency,
        timeZone: input.timeZone,
      });
      em.persist(account);
      counts.accountsCreated += 1;
    }
    counts.accountIds.push(account.id);
    const known = contactsByAccount.get(account.id) ?? [];
    let hasPrimary = known.some((contact) => contact.isPrimary);
    for (const contact of input.contacts) {
      if (known.some((c) => c.name === contact.name && c.email === contact.email && c.phone === contact.phone)) continue;
      // The schema allows one primary contact per account; an existing one keeps the role.
      const isPrimary = contact.isPrimary && !hasPrimary;
      hasPrimary ||= isPrimary;
      em.persist(
        em.create(Contact, {
          account,
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          postalAddress: contact.postalAddress,
          // No zone given is no zone known: contact hours then read the phone number and the address.
          timeZone: contact.timeZone,
          isPrimary,
          consentEmail: contact.consent.email,
          consentSms: contact.consent.sms,
          consentPhone: contact.consent.phone,
          consentLetter: contact.consent.letter,
        }),
      );
    }
    for (const invoice of input.invoices) {
      em.persist(
        em.create(Invoice, {
          account,
          number: invoice.number,
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate,
          currency: invoice.currency,
          amountMinor: invoice.amountMinor,
          openMinor: invoice.amountMinor,
          status: 'open',
        }),
      );
      counts.invoicesCreated += 1;
    }
  }
  return counts;
};
