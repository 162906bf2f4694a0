import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  AppUser,
  BankStatement,
  BankStatementSection,
  CsvStatementMappingRow,
  StatementConflictError,
  StatementLine,
  findSameFile,
  statementProgress,
  statementsProgress,
  statementSha256,
  storeStatement,
  type AlreadySeenLine,
  type IBankStatement,
  type JsonObject,
} from '@recoup/db';
import type { CsvStatementMapping, ParsedStatement, StatementIdentities } from '@recoup/domain';
import type { SavedStatementMapping, StatementDetail, StatementImportQuery, StatementImportResult, StatementLineView, StatementListItem } from '@recoup/contracts';
import type { ReconciliationClient } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, NotFoundError, UnavailableError } from '../errors.ts';
import type { Logger } from '../http/logger.ts';
import { decodeStatementBytes } from './statement-bytes.ts';
import type { StatementParsePool } from './statement-parse-pool.ts';
import { errorMessage } from '@recoup/domain';

const resultOf = (row: IBankStatement, duplicate: boolean, alreadySeenLines: readonly AlreadySeenLine[]): StatementImportResult => ({
  id: row.id,
  format: row.format,
  statementRef: row.statementRef,
  filename: row.filename,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  duplicate,
  lines: row.lineCount,
  newLines: duplicate ? 0 : row.newLineCount,
  alreadySeen: duplicate ? row.lineCount : row.lineCount - row.newLineCount,
  // Only the fields of the view: the stored lines also keep their position in the file, for the import's own use.
  alreadySeenLines: alreadySeenLines.map(({ source, matchedLineId, matchedStatementId, matchedSource, reason }) => ({ source, matchedLineId, matchedStatementId, matchedSource, reason })),
  imbalances: row.imbalances,
  review:
    row.reviewedAt && row.reviewReason
      ? { decision: row.status === 'rejected' ? 'rejected' : 'released', reason: row.reviewReason, byUserId: row.reviewedBy?.id ?? null, at: row.reviewedAt.toISOString() }
      : null,
});

/**
 * Stores a bank statement file and its transaction lines, once, then reconciles it in a Temporal workflow. The same
 * file (by its SHA-256) or the same statements (by what identifies them at the bank) are recognised and change
 * nothing; a transaction stored before is not stored again and is listed with the line it matched. A file that
 * cannot be read is refused whole, with the line or element at fault, and nothing of it is stored. A file whose own
 * balances do not add up is stored whole but held until a manager releases or rejects it.
 */
export class BankStatementsService {
  readonly #orm: MikroORM;
  readonly #reconciliations: ReconciliationClient;
  readonly #logger: Logger;
  readonly #parsing: StatementParsePool;

  constructor(orm: MikroORM, reconciliations: ReconciliationClient, logger: Logger, parsing: StatementParsePool) {
    this.#orm = orm;
    this.#reconciliations = reconciliations;
    this.#logger = logger;
    this.#parsing = parsing;
  }

  async import(raw: Buffer, contentType: string | undefined, query: StatementImportQuery, user: AuthUser): Promise<StatementImportResult> {
    const em = this.#orm.em.fork();
    // Hashed once: the same file is looked for by it before parsing, a CSV statement without an id of its own is
    // named by it, and the stored statement keeps it.
    const sha256 = statementSha256(raw);
    const sameFile = await findSameFile(em, sha256);
    if (sameFile) return resultOf(sameFile, true, []);
    const text = decodeStatementBytes(raw, contentType);
    const { parsed, identities } = await this.#parse(em, text, query, sha256);
    const stored = await storeStatement(em, parsed, { raw, filename: query.filename ?? `statement.${parsed.format}`, userId: user.id, sha256, identities }).catch((error: unknown) => {
      if (error instanceof StatementConflictError) {
        throw new ConflictError('statement-conflict', `The file was refused, nothing was imported: ${error.where}: ${error.message}`, {
          where: error.where,
          earlierStatementId: error.earlierStatementId,
        });
      }
      throw error;
    });
    // An unbalanced statement waits for a manager; nothing of it is applied before.
    if (!stored.duplicate && stored.statement.status === 'received') await this.#startReconciliation(stored.statement.id);
    return resultOf(stored.statement, stored.duplicate, stored.alreadySeen);
  }

  /** A manager lets an unbalanced statement be reconciled, saying why; audited. */
  async release(id: string, reason: string, user: AuthUser): Promise<StatementDetail> {
    await this.#review(id, 'released', reason, user);
    await this.#startReconciliation(id);
    return this.detail(id);
  }

  /** A manager refuses an unbalanced statement: nothing of it is applied, and its transactions no longer count as seen. */
  async reject(id: string, reason: string, user: AuthUser): Promise<StatementDetail> {
    await this.#review(id, 'rejected', reason, user);
    return this.detail(id);
  }

  async #review(id: string, decision: 'released' | 'rejected', reason: string, user: AuthUser): Promise<void> {
    await this.#orm.em.fork().transactional(async (tx) => {
      const [locked] = await tx.execute<{ status: string }[]>(`select status from bank_statement where id = ? for update`, [id]);
      if (!locked) throw new NotFoundError('bank statement');
      if (locked.status !== 'unbalanced') {
        throw new ConflictError('statement-not-unbalanced', `This statement is ${locked.status}; only an unbalanced statement is released or rejected.`);
      }
      const statement = await tx.findOneOrFail(BankStatement, { id }, { refresh: true });
      statement.status = decision === 'released' ? 'received' : 'rejected';
      statement.reviewReason = reason;
      statement.reviewedAt = new Date();
      statement.reviewedBy = tx.getReference(AppUser, user.id);
      if (decision === 'rejected') {
        await tx.nativeUpdate(BankStatementSection, { bankStatement: id }, { rejected: true });
        await tx.nativeUpdate(StatementLine, { bankStatement: id }, { status: 'rejected', reason: `The statement was rejected: ${reason}` });
      }
      await tx.flush();
      await audit(tx, {
        actorId: user.id,
        action: decision === 'released' ? 'bank-statement.released' : 'bank-statement.rejected',
        entity: 'bank_statement',
        entityId: id,
        details: { reason, imbalances: statement.imbalances },
      });
    });
  }

  /** Starts (or finds started) the statement's reconciliation; a statement waits as "received" if Temporal is away. */
  async #startReconciliation(statementId: string): Promise<boolean> {
    try {
      await this.#reconciliations.start(statementId);
      return true;
    } catch (error) {
      this.#logger.warn('could not start the reconciliation of a bank statement', {
        statementId,
        error: errorMessage(error),
      });
      return false;
    }
  }

  /** Starts reconciling a statement again (after Temporal was away, or a failed run): lines already applied stay. */
  async reconcile(id: string): Promise<StatementDetail> {
    const em = this.#orm.em.fork();
    const statement = await em.findOne(BankStatement, { id });
    if (!statement) throw new NotFoundError('bank statement');
    if (statement.status === 'reconciled') {
      throw new ConflictError('statement-reconciled', 'This statement is reconciled; its exceptions are matched by hand in the exception queue.');
    }
    if (statement.status === 'unbalanced') {
      throw new ConflictError('statement-unbalanced', 'This statement does not add up; release it (or reject it) first.');
    }
    if (statement.status === 'rejected') throw new ConflictError('statement-rejected', 'This statement was rejected; nothing of it is applied.');
    if (!(await this.#startReconciliation(id))) {
      throw new UnavailableError('temporal-unavailable', 'Temporal could not be reached; the statement stays received. Try again shortly.');
    }
    return this.detail(id);
  }

  async detail(id: string): Promise<StatementDetail> {
    const em = this.#orm.em.fork();
    const statement = await em.findOne(BankStatement, { id }, { populate: ['alreadySeen'] });
    if (!statement) throw new NotFoundError('bank statement');
    let workflow: StatementDetail['workflow'] = null;
    try {
      const status = await this.#reconciliations.status(id);
      workflow = status ? { workflowId: status.workflowId, status: status.status } : null;
    } catch (error) {
      this.#logger.warn('could not read the reconciliation workflow', { statementId: id, error: errorMessage(error) });
    }
    return { ...resultOf(statement, false, statement.alreadySeen), progress: await statementProgress(em, id), workflow };
  }

  async #parse(em: EntityManager, text: string, query: StatementImportQuery, sha: string): Promise<{ parsed: ParsedStatement; identities: StatementIdentities }> {
    let mapping: CsvStatementMapping | undefined;
    if (query.format === 'csv') {
      const row = await em.findOne(CsvStatementMappingRow, { name: query.mapping ?? '' });
      if (!row) {
        throw new BusinessRuleError('statement-mapping-unknown', `There is no saved CSV mapping named "${query.mapping ?? ''}".`, {
          fields: [{ in: 'query', path: 'mapping', reason: 'no saved mapping has this name' }],
        });
      }
      mapping = row.mapping as unknown as CsvStatementMapping;
    }
    const outcome = await this.#parsing.parse({ text, format: query.format, ...(mapping ? { mapping } : {}), sha });
    if (!outcome.ok) {
      const what = query.format === 'auto' ? 'statement' : query.format;
      throw new BusinessRuleError('statement-invalid', `The ${what} file was refused, nothing was imported: ${outcome.message}`, { where: outcome.where });
    }
    return { parsed: outcome.parsed, identities: outcome.identities };
  }

  async list(): Promise<StatementListItem[]> {
    const em = this.#orm.em.fork();
    const rows = await em.find(BankStatement, {}, { orderBy: { createdAt: 'desc' }, limit: 100 });
    const progress = await statementsProgress(em, rows.map((row) => row.id));
    return rows.map((row) => {
      const { alreadySeenLines: _lines, ...item } = resultOf(row, false, []);
      return { ...item, progress: progress.get(row.id) as StatementListItem['progress'] };
    });
  }

  async lines(id: string): Promise<StatementLineView[]> {
    const em = this.#orm.em.fork();
    if ((await em.count(BankStatement, { id })) === 0) throw new NotFoundError('bank statement');
    const rows = await em.find(StatementLine, { bankStatement: id }, { orderBy: { position: 'asc' }, limit: 1_000 });
    return rows.map((l) => ({
      id: l.id,
      accountNumber: l.accountNumber,
      bankRef: l.bankRef ?? null,
      customerRef: l.customerRef ?? null,
      direction: l.direction,
      amount: { amountMinor: l.amountMinor.toString(), currency: l.currency.trim() },
      valueDate: l.valueDate ?? null,
      text: l.text,
      counterparty: l.counterparty ?? null,
      returned: l.returned,
      status: l.status,
      source: l.source,
      accountId: l.account?.id ?? null,
      rule: l.rule ?? null,
      confidence: l.confidence ?? null,
      reason: l.reason ?? null,
      residualMinor: l.residualMinor?.toString() ?? null,
    }));
  }

  async saveMapping(name: string, mapping: CsvStatementMapping, user: AuthUser): Promise<SavedStatementMapping> {
    await this.#orm.em.fork().transactional(async (tx) => {
      await tx.upsert(CsvStatementMappingRow, { name, mapping: mapping as unknown as JsonObject, updatedBy: tx.getReference(AppUser, user.id) });
      await audit(tx, { actorId: user.id, action: 'statement-mapping.saved', entity: 'csv_statement_mapping', entityId: name, details: { mapping } });
    });
    return { name };
  }
}
