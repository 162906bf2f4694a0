import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AppUser, BankStatement, CsvStatementMappingRow, StatementLine, type IBankStatement, type JsonObject } from '@recoup/db';
import {
  StatementParseError,
  parseBai2,
  parseCamt,
  parseCsvStatement,
  parseMt940,
  type CsvStatementMapping,
  type ParsedStatement,
} from '@recoup/domain';
import type { StatementImportQuery, StatementImportResult } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, NotFoundError } from '../http/errors.ts';

/** Lines are written this many at a time: one statement can hold 100,000. */
const LINE_BATCH = 1_000;

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
 * Stores a bank statement and its transaction lines, once. The same file (by its SHA-256) or the same statement (by
 * its own id) is recognised and changes nothing; a transaction seen before on the same account (by the bank's
 * reference) is not stored again. A file that cannot be read is refused whole, with the line or element at fault.
 */
export class BankStatementsService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async import(text: string, query: StatementImportQuery, user: AuthUser): Promise<StatementImportResult> {
    const em = this.#orm.em.fork();
    const raw = Buffer.from(text, 'utf8');
    const sha = createHash('sha256').update(raw).digest('hex');
    const sameFile = await em.findOne(BankStatement, { fileSha256: sha });
    if (sameFile) return resultOf(sameFile, true);
    const parsed = await this.#parse(em, text, query, sha);
    const sameStatement = await em.findOne(BankStatement, { format: parsed.format, statementRef: parsed.statementId });
    if (sameStatement) return resultOf(sameStatement, true);
    return em.transactional(async (tx) => {
      const lines = parsed.accounts.flatMap((account) => account.entries.map((entry) => ({ account: account.accountNumber, entry })));
      const statement = tx.create(BankStatement, {
        format: parsed.format,
        statementRef: parsed.statementId,
        fileSha256: sha,
        filename: query.filename ?? `statement.${parsed.format}`,
        raw,
        lineCount: lines.length,
        newLineCount: 0,
        createdBy: tx.getReference(AppUser, user.id),
      });
      await tx.flush();
      let stored = 0;
      for (let i = 0; i < lines.length; i += LINE_BATCH) stored += await insertLines(tx, statement.id, i, lines.slice(i, i + LINE_BATCH));
      statement.newLineCount = stored;
      await tx.flush();
      await audit(tx, {
        actorId: user.id,
        action: 'bank-statement.imported',
        entity: 'bank_statement',
        entityId: statement.id,
        details: { format: parsed.format, statementRef: parsed.statementId, sha256: sha, lines: lines.length, newLines: stored },
      });
      return resultOf(statement, false);
    });
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

/** Inserts lines a transaction of which was not seen before; returns how many were new. */
async function insertLines(em: EntityManager, statementId: string, offset: number, lines: { account: string; entry: ParsedStatement['accounts'][number]['entries'][number] }[]): Promise<number> {
  if (lines.length === 0) return 0;
  const values: unknown[] = [];
  const rows = lines.map(({ account, entry }, i) => {
    values.push(
      statementId,
      offset + i + 1,
      account,
      entry.bankRef,
      entry.customerRef,
      entry.direction,
      entry.amountMinor.toString(),
      entry.currency,
      entry.valueDate,
      entry.text,
      entry.counterparty,
      entry.typeCode,
      entry.returned,
      entry.source,
    );
    return '(?, ?, ?, ?, ?, ?, ?::bigint, ?, ?::date, ?, ?, ?, ?, ?)';
  });
  const inserted = await em.execute<{ id: string }[]>(
    `insert into "statement_line" ("bank_statement_id", "position", "account_number", "bank_ref", "customer_ref", "direction", "amount_minor",
       "currency", "value_date", "text", "counterparty", "type_code", "returned", "source")
     values ${rows.join(', ')}
     on conflict ("account_number", "bank_ref") do nothing
     returning "id"`,
    values,
  );
  return inserted.length;
}
