import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ImportBatch, query, type IImportBatch } from '@recoup/db';
import type { ImportBatchView, ImportQuery, ImportResult, ImportRowProblem, ImportWorkflowStarts, SkippedEntry } from '@recoup/contracts';
import { unfinishedImportBatches, type ImportStartsClient } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Logger } from '../http/logger.ts';
import { accountsIn, type ParsedPortfolio } from './parse-pool.ts';
import { flagExistingInvoiceNumbers, sortedProblems, type PortfolioAccount } from './portfolio.ts';
import { storedAccounts, storedInvoiceNumbers, writeAccounts, type ChunkCounts } from './portfolio-writes.ts';
import { errorMessage } from '@recoup/domain';

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
  readonly #starts: ImportStartsClient;
  readonly #startWaitMs: number;
  readonly #logger: Logger;

  constructor(orm: MikroORM, starts: ImportStartsClient, startWaitMs: number, logger: Logger) {
    this.#orm = orm;
    this.#starts = starts;
    this.#startWaitMs = startWaitMs;
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
      const batchId = await insertBatch(tx, request, status, rowsImported, problems, counts.accountIds);
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
   * Has the workflows of a committed import started in the background, waits for them a while, and gives the result
   * as it then stands. It does not fail: the import stands, and a batch Temporal could not be reached for stays
   * pending, to be taken up again by resumeUnfinished.
   */
  async startWorkflows(written: WrittenImport): Promise<ImportResult> {
    const began = performance.now();
    await this.#handOver(written.batchId, this.#startWaitMs);
    const batch = await this.#orm.em.fork().findOneOrFail(ImportBatch, { id: written.batchId });
    const workflows = workflowStartsOf(batch);
    this.#logger.info('portfolio import started its workflows', {
      batchId: written.batchId,
      status: workflows?.status,
      started: workflows?.started,
      processed: workflows?.processed,
      errors: workflows?.errors.length,
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
      workflowStatus: workflows?.status ?? 'pending',
      workflowsTotal: workflows?.total ?? 0,
      workflowsProcessed: workflows?.processed ?? 0,
      workflowsStarted: workflows?.started ?? 0,
      workflowErrors: workflows?.errors ?? [],
      workflowNote: workflows?.note ?? null,
      skipped: written.skipped,
    };
  }

  /**
   * Hands every batch whose starting has not finished to Temporal again: those whose hand-over failed, and those
   * whose run was terminated. A batch whose run is going on is left to it. Returns how many were handed over.
   */
  async resumeUnfinished(): Promise<number> {
    let resumed = 0;
    for (const batchId of await unfinishedImportBatches(this.#orm)) {
      if ((await this.#handOver(batchId, 0)) === 'handed') resumed += 1;
    }
    return resumed;
  }

  /** Starts the batch's starting workflow unless it runs already, and waits up to `waitMs` for it to end. */
  async #handOver(batchId: string, waitMs: number): Promise<'handed' | 'running' | 'unreachable'> {
    let handed: boolean;
    try {
      handed = (await this.#starts.start(batchId)).started;
    } catch (error) {
      this.#logger.error('could not hand an import to Temporal to start its workflows; it will be tried again', {
        batchId,
        error: errorMessage(error),
      });
      return 'unreachable';
    }
    // From here on the batch is Temporal's; a chunk moves it on from 'starting', and its run's end from there.
    await this.#orm.em.fork().nativeUpdate(ImportBatch, { id: batchId, workflowStatus: 'pending' }, { workflowStatus: 'starting' });
    if (waitMs > 0) await this.#starts.wait(batchId, waitMs);
    return handed ? 'handed' : 'running';
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
      workflows: workflowStartsOf(batch),
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
  /** The accounts written, whose workflows are to start once the batch commits; null when nothing was written. */
  accountIds: string[] | null = null,
): Promise<string> => {
  const { raw } = request.parsed;
  const [row] = await query<{ id: string }>(
    tx,
    `insert into "import_batch" ("kind", "format", "filename", "raw", "status", "rows_total", "rows_imported", "errors", "created_by",
                                 "workflow_account_ids", "workflow_status", "workflows_total")
     values ('customers-invoices', ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::text[], ?, ?) returning "id"`,
    [
      request.format,
      request.filename,
      Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength),
      status,
      request.parsed.rowsTotal,
      rowsImported,
      JSON.stringify(problems),
      request.user.id,
      accountIds,
      accountIds === null ? null : 'pending',
      accountIds?.length ?? 0,
    ],
  );
  return (row as { id: string }).id;
};

/** What the batch row says of its workflows' starting, with a note a person can act on. */
const workflowStartsOf = (batch: IImportBatch): ImportWorkflowStarts | null => {
  if (!batch.workflowStatus) return null;
  const notes: string[] = [];
  if (batch.workflowNote) notes.push(batch.workflowNote);
  if (batch.workflowStatus === 'pending') {
    notes.push('The import was saved; its collection workflows start as soon as Temporal can be reached.');
  } else if (batch.workflowStatus === 'starting') {
    notes.push(`Collection workflows are starting in the background: ${batch.workflowsProcessed} of ${batch.workflowsTotal} accounts done so far.`);
  }
  if (batch.workflowsWithoutStrategy > 0) {
    notes.push(
      `${batch.workflowsWithoutStrategy} collection workflow(s) were not started: their segment has no strategy assignment and no default strategy is published.`,
    );
  }
  return {
    status: batch.workflowStatus,
    total: batch.workflowsTotal,
    processed: batch.workflowsProcessed,
    started: batch.workflowsStarted,
    withoutStrategy: batch.workflowsWithoutStrategy,
    errors: batch.workflowErrors,
    note: notes.length > 0 ? notes.join(' ') : null,
  };
};
