import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  AppUser,
  BankStatement,
  CsvStatementMappingRow,
  StatementLine,
  findSameFile,
  statementProgress,
  statementSha256,
  storeStatement,
  type IBankStatement,
  type JsonObject,
} from '@recoup/db';
import {
  StatementParseError,
  parseBai2,
  parseCamt,
  parseCsvStatement,
  parseMt940,
  type CsvStatementMapping,
  type ParsedStatement,
} from '@recoup/domain';
import type { StatementDetail, StatementImportQuery, StatementImportResult } from '@recoup/contracts';
import type { ReconciliationClient } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, NotFoundError, ServiceUnavailableError } from '../http/errors.ts';
import type { Logger } from '../http/logger.ts';

const resultOf = (row: IBankStatement, duplicate: boolean): StatementImportResult => ({
  id: row.id,
  format: row.format,
  statementRef: row.statementRef,
  duplicate,
  lines: row.lineCount,
  newLines: duplicate ? 0 : row.newLineCount,
  alreadySeen: duplicate ? row.lineCount : row.lineCount - row.newLineCount,
});

/**
 * Stores a bank statement and its transaction lines, once, then reconciles it in a Temporal workflow. The same file
 * (by its SHA-256) or the same statement (by its own id) is recognised and changes nothing; a transaction seen
 * before on the same account (by the bank's reference) is not stored again. A file that cannot be read is refused
 * whole, with the line or element at fault, and nothing of it is stored or applied.
 */
export class BankStatementsService {
  readonly #orm: MikroORM;
  readonly #reconciliations: ReconciliationClient;
  readonly #logger: Logger;

  constructor(orm: MikroORM, reconciliations: ReconciliationClient, logger: Logger) {
    this.#orm = orm;
    this.#reconciliations = reconciliations;
    this.#logger = logger;
  }

  async import(text: string, query: StatementImportQuery, user: AuthUser): Promise<StatementImportResult> {
    const em = this.#orm.em.fork();
    const raw = Buffer.from(text, 'utf8');
    const sameFile = await findSameFile(em, raw);
    if (sameFile) return resultOf(sameFile, true);
    const parsed = await this.#parse(em, text, query, statementSha256(raw));
    const stored = await storeStatement(em, parsed, { raw, filename: query.filename ?? `statement.${parsed.format}`, userId: user.id });
    if (!stored.duplicate) await this.#startReconciliation(stored.statement.id);
    return resultOf(stored.statement, stored.duplicate);
  }

  /** Starts (or finds started) the statement's reconciliation; a statement waits as "received" if Temporal is away. */
  async #startReconciliation(statementId: string): Promise<boolean> {
    try {
      await this.#reconciliations.start(statementId);
      return true;
    } catch (error) {
      this.#logger.warn('could not start the reconciliation of a bank statement', {
        statementId,
        error: error instanceof Error ? error.message : String(error),
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
    if (!(await this.#startReconciliation(id))) {
      throw new ServiceUnavailableError('temporal-unavailable', 'Temporal could not be reached; the statement stays received. Try again shortly.');
    }
    return this.detail(id);
  }

  async detail(id: string): Promise<StatementDetail> {
    const em = this.#orm.em.fork();
    const statement = await em.findOne(BankStatement, { id });
    if (!statement) throw new NotFoundError('bank statement');
    let workflow: StatementDetail['workflow'] = null;
    try {
      const status = await this.#reconciliations.status(id);
      workflow = status ? { workflowId: status.workflowId, status: status.status } : null;
    } catch (error) {
      this.#logger.warn('could not read the reconciliation workflow', { statementId: id, error: error instanceof Error ? error.message : String(error) });
    }
    return {
      id: statement.id,
      format: statement.format,
      statementRef: statement.statementRef,
      filename: statement.filename,
      status: statement.status,
      createdAt: statement.createdAt.toISOString(),
      progress: await statementProgress(em, id),
      workflow,
    };
  }

  async #parse(em: EntityManager, text: string, query: StatementImportQuery, sha: string): Promise<ParsedStatement> {
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
    try {
      switch (query.format) {
        case 'camt.053':
        case 'camt.054': {
          const statement = parseCamt(text);
          if (statement.format !== query.format) {
            throw new StatementParseError('Document', `the file is a ${statement.format} message, not ${query.format}.`);
          }
          return statement;
        }
        case 'mt940':
          return parseMt940(text);
        case 'bai2':
          return parseBai2(text);
        case 'csv':
          return parseCsvStatement(text, mapping as CsvStatementMapping, `sha256:${sha}`);
      }
    } catch (error) {
      if (error instanceof StatementParseError) {
        throw new BusinessRuleError('statement-invalid', `The ${query.format} file was refused, nothing was imported: ${error.message}`, { where: error.where });
      }
      throw error;
    }
  }

  async list(): Promise<StatementImportResult[]> {
    const rows = await this.#orm.em.fork().find(BankStatement, {}, { orderBy: { createdAt: 'desc' }, limit: 100 });
    return rows.map((row) => resultOf(row, false));
  }

  async lines(id: string): Promise<unknown[]> {
    const em = this.#orm.em.fork();
    if ((await em.count(BankStatement, { id })) === 0) throw new NotFoundError('bank statement');
    const rows = await em.find(StatementLine, { bankStatement: id }, { orderBy: { position: 'asc' }, limit: 1_000 });
    return rows.map((l) => ({
      id: l.id,
      accountNumber: l.accountNumber,
      bankRef: l.bankRef,
      customerRef: l.customerRef,
      direction: l.direction,
      amount: { amountMinor: l.amountMinor.toString(), currency: l.currency.trim() },
      valueDate: l.valueDate,
      text: l.text,
      counterparty: l.counterparty,
      returned: l.returned,
      status: l.status,
      source: l.source,
      accountId: l.account?.id ?? null,
      rule: l.rule,
      confidence: l.confidence,
      reason: l.reason,
      residualMinor: l.residualMinor?.toString() ?? null,
    }));
  }

  async saveMapping(name: string, mapping: CsvStatementMapping, user: AuthUser): Promise<{ name: string }> {
    await this.#orm.em.fork().transactional(async (tx) => {
      await tx.upsert(CsvStatementMappingRow, { name, mapping: mapping as unknown as JsonObject, updatedBy: tx.getReference(AppUser, user.id) });
      await audit(tx, { actorId: user.id, action: 'statement-mapping.saved', entity: 'csv_statement_mapping', entityId: name, details: { mapping } });
    });
    return { name };
  }
}
