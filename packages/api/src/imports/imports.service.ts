import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ImportBatch, query } from '@recoup/db';
import type { ImportBatchView, ImportQuery, ImportResult, ImportRowProblem, SkippedEntry } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import type { Logger } from '../http/logger.ts';
import type { AccountToStart } from '@recoup/workflows';
import { accountsIn, type ParsedPortfolio } from './parse-pool.ts';
import { flagExistingInvoiceNumbers, sortedProblems, type PortfolioAccount } from './portfolio.ts';
import { storedAccounts, storedInvoiceNumbers, UUID_LIST, writeAccounts, type ChunkCounts } from './portfolio-writes.ts';
import { startCollections } from '@recoup/workflows';

export interface ImportRequest {
  format: 'csv' | 'json';
  filename: string;
  mode: ImportQuery['mode'];
  user: AuthUser;
  /** The file as the parse worker read it; its raw text is what the batch keeps. */
  parsed: ParsedPortfolio;
}

/** An import committed: what it wrote, with the accounts whose workflows are still to start. */
export interface WrittenImport {
  kind: 'written';
  batchId: string;
  status: 'imported' | 'partially-imported';
  rowsTotal: number;
  rowsImported: number;
  counts: ChunkCounts;
  skipped: SkippedEntry[];
}

export type ImportOutcome =
  | WrittenImport
  | { kind: 'rejected'; batchId: string; rowsTotal: number; rows: ImportRowProblem[]; skipped: SkippedEntry[] };

// Large id lists are split so no statement or result grows without bound.
const CHUNK = 5_000;
const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

/** What the checks against the database found, over every chunk, before anything is written. */
interface Review {
  /** Invoice numbers of the file that are already stored. */
  storedNumbers: Set<string>;
  /** Stored accounts the file names and the user may change: reference to id. */
  stored: Map<string, string>;
  /** References of the file's good accounts that belong to accounts outside the user's scope. */
  outOfScope: string[];
  problems: ImportRowProblem[];
  skipped: SkippedEntry[];
  goodAccounts: number;
  rowsImported: number;
}

/** A chunk's accounts that pass every check of the file and of the database. */
const accountsToWrite = (chunk: Uint8Array, storedNumbers: ReadonlySet<string>): PortfolioAccount[] => {
  const accounts = accountsIn(chunk);
  flagExistingInvoiceNumbers(accounts, storedNumbers);
  return accounts.filter((account) => account.problems.length === 0);
};

const skippedEntry = (account: PortfolioAccount): SkippedEntry => ({
  accountRef: account.externalRef,
  lines: account.lines,
  problems: [...account.problems].sort((a, b) => a.line - b.line),
});

export class ImportsService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;
  readonly #logger: Logger;

  constructor(orm: MikroORM, collections: CollectionClient, logger: Logger) {
    this.#orm = orm;
    this.#collections = collections;
    this.#logger = logger;
  }

  /** Checks and writes the file in one transaction: all of it (or, valid-only, each good account) or only a rejected batch. */
  async importPortfolio(request: ImportRequest): Promise<ImportOutcome> {
    const em = this.#orm.em.fork();
    const { parsed } = request;
    const began = performance.now();
    // One transaction, so an import is all or nothing; each of its statements covers one chunk, so the request
    // thread gets back to other requests between them.
    const written = await em.transactional(async (tx) => {
      const review = await reviewAccounts(tx, parsed);
      const problems = sortedProblems([...parsed.fatal, ...parsed.orphans.flatMap((o) => o.problems), ...review.problems]);
      const skipped = [...parsed.orphans.map((orphan) => ({ accountRef: null, lines: [orphan.line], problems: orphan.problems })), ...review.skipped];
      const refuse = parsed.fatal.length > 0 || review.goodAccounts === 0 || (problems.length > 0 && request.mode !== 'valid-only');
      if (refuse) {
        const batchId = await insertBatch(tx, request, 'rejected', 0, problems);
        await audit(tx, {
          actorId: request.user.id,
          action: 'import.rejected',
          entity: 'import_batch',
          entityId: batchId,
          details: { format: request.format, rowsTotal: parsed.rowsTotal, problems: problems.length },
        });
        return { kind: 'rejected' as const, batchId, rowsTotal: parsed.rowsTotal, rows: problems, skipped };
      }
      if (review.outOfScope.length > 0) {
        throw new ConflictError(
          'import-accounts-out-of-scope',
          `Nothing was imported: ${review.outOfScope.length} account reference(s) belong to accounts outside your team (${review.outOfScope.slice(0, 10).join(', ')}).`,
          { accountRefs: review.outOfScope },
        );
      }
      const counts: ChunkCounts = { accountsCreated: 0, accountsUpdated: 0, invoicesCreated: 0, accountIds: [] };
      for (const chunk of parsed.chunks) {
        const chunkCounts = await writeAccounts(tx, accountsToWrite(chunk, review.storedNumbers), review.stored);
        counts.accountsCreated += chunkCounts.accountsCreated;
        counts.accountsUpdated += chunkCounts.accountsUpdated;
        counts.invoicesCreated += chunkCounts.invoicesCreated;
        counts.accountIds.push(...chunkCounts.accountIds);
      }
      const { rowsImported } = review;
      const status = skipped.length > 0 ? ('partially-imported' as const) : ('imported' as const);
      const batchId = await insertBatch(tx, request, status, rowsImported, problems);
      await audit(tx, {
        actorId: request.user.id,
        action: 'import.portfolio',
        entity: 'import_batch',
        entityId: batchId,
        details: {
          format: request.format,
          mode: request.mode,
          status,
          rowsTotal: parsed.rowsTotal,
          rowsImported,
          accountsCreated: counts.accountsCreated,
          accountsUpdated: counts.accountsUpdated,
          invoicesCreated: counts.invoicesCreated,
        },
      });
      return { kind: 'written' as const, batchId, status, rowsTotal: parsed.rowsTotal, rowsImported, counts, skipped };
    });
    if (written.kind === 'written') {
      // How long the database part took, apart from the workflow starts that follow: the two scale differently.
      this.#logger.info('portfolio import committed', {
        batchId: written.batchId,
        accounts: written.counts.accountIds.length,
        rowsImported: written.rowsImported,
        ms: Math.round(performance.now() - began),
      });
    }
    return written;
  }

  /**
   * Starts the workflows of a committed import and gives its result. It does not fail: the import stands, so a
   * problem starting workflows is reported in the result, per account or in its note, never as an error.
   */
  async startWorkflows(written: WrittenImport): Promise<ImportResult> {
    const began = performance.now();
    let report: { started: number; errors: ImportResult['workflowErrors']; note: string | null };
    try {
      report = await this.#startCollections(written.counts.accountIds);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.error('could not start the workflows of an import', { batchId: written.batchId, error: message });
      report = { started: 0, errors: [], note: `The import was saved, but its collection workflows could not be started: ${message}` };
    }
    this.#logger.info('portfolio import started its workflows', {
      batchId: written.batchId,
      started: report.started,
      errors: report.errors.length,
      ms: Math.round(performance.now() - began),
    });
    return {
      batchId: written.batchId,
      status: written.status,
      rowsTotal: written.rowsTotal,
      rowsImported: written.rowsImported,
      accountsCreated: written.counts.accountsCreated,
      accountsUpdated: written.counts.accountsUpdated,
      invoicesCreated: written.counts.invoicesCreated,
      workflowsStarted: report.started,
      workflowErrors: report.errors,
      workflowNote: report.note,
      skipped: written.skipped,
    };
  }

  /** Starts (idempotently) the collection workflow of every imported account that has something open. */
  async #startCollections(accountIds: string[]): Promise<{ started: number; errors: ImportResult['workflowErrors']; note: string | null }> {
    const em = this.#orm.em.fork();
    const open: AccountToStart[] = [];
    for (const chunk of chunks(accountIds)) {
      open.push(
        ...(await query<AccountToStart>(
          em,
          `select a."id", a."segment" from "account" a
            where a."id" in ${UUID_LIST}
              and exists (select 1 from "invoice" i where i."account_id" = a."id" and i."status" = 'open' and i."open_minor" > 0)`,
          [JSON.stringify(chunk)],
        )),
      );
    }
    const report = await startCollections(this.#orm, this.#collections, open, this.#logger);
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

/**
 * Checks every chunk against the database (invoice numbers already stored, accounts already stored and whose),
 * reading and changing nothing else, so the import can be refused whole before anything is written.
 */
const reviewAccounts = async (tx: EntityManager, parsed: ParsedPortfolio): Promise<Review> => {
  const review: Review = { storedNumbers: new Set(), stored: new Map(), outOfScope: [], problems: [], skipped: [], goodAccounts: 0, rowsImported: 0 };
  for (const chunk of parsed.chunks) {
    const accounts = accountsIn(chunk);
    const numbers = new Set(accounts.flatMap((account) => account.invoices.map((invoice) => invoice.number)));
    for (const number of await storedInvoiceNumbers(tx, [...numbers])) review.storedNumbers.add(number);
    flagExistingInvoiceNumbers(accounts, review.storedNumbers);
    const good: string[] = [];
    for (const account of accounts) {
      if (account.problems.length > 0) {
        review.problems.push(...account.problems);
        review.skipped.push(skippedEntry(account));
      } else {
        good.push(account.externalRef);
        review.goodAccounts += 1;
        review.rowsImported += account.lines.length;
      }
    }
    for (const account of await storedAccounts(tx, good)) {
      if (account.inScope) review.stored.set(account.externalRef, account.id);
      else review.outOfScope.push(account.externalRef);
    }
  }
  return review;
};

/** The batch row: the file as it was read, its outcome and every problem found. */
const insertBatch = async (
  tx: EntityManager,
  request: ImportRequest,
  status: 'imported' | 'partially-imported' | 'rejected',
  rowsImported: number,
  problems: ImportRowProblem[],
): Promise<string> => {
  const { raw } = request.parsed;
  const [row] = await query<{ id: string }>(
    tx,
    `insert into "import_batch" ("kind", "format", "filename", "raw", "status", "rows_total", "rows_imported", "errors", "created_by")
     values ('customers-invoices', ?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning "id"`,
    [request.format, request.filename, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), status, request.parsed.rowsTotal, rowsImported, JSON.stringify(problems), request.user.id],
  );
  return (row as { id: string }).id;
};
