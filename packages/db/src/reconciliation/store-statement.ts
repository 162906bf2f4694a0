import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ParsedStatement, StatementEntry } from '@recoup/domain';
import { appendAudit } from '../audit.ts';
import { AppUser } from '../entities/app-user.entity.ts';
import { BankStatement, type IBankStatement } from '../entities/bank-statement.entity.ts';

/** Lines are written this many at a time: one statement can hold 100,000. */
const LINE_BATCH = 1_000;

export interface StoredStatement {
  statement: IBankStatement;
  /** true: this file, or this statement, was imported before; nothing was stored now. */
  duplicate: boolean;
}

export const statementSha256 = (raw: Buffer): string => createHash('sha256').update(raw).digest('hex');

/** The statement stored earlier from the same file, if any: checked before parsing, which is the costly part. */
export const findSameFile = async (em: EntityManager, raw: Buffer): Promise<IBankStatement | null> =>
  em.findOne(BankStatement, { fileSha256: statementSha256(raw) });

/**
 * Stores a parsed statement with its raw bytes and its lines, in one transaction. The same file (by SHA-256) or the
 * same statement (by its own id) changes nothing; a transaction seen before on the same bank account (by the bank's
 * reference) is not stored again.
 */
export async function storeStatement(
  em: EntityManager,
  parsed: ParsedStatement,
  file: { raw: Buffer; filename: string; userId: string | null },
): Promise<StoredStatement> {
  const sha = statementSha256(file.raw);
  const same = (await em.findOne(BankStatement, { fileSha256: sha })) ?? (await em.findOne(BankStatement, { format: parsed.format, statementRef: parsed.statementId }));
  if (same) return { statement: same, duplicate: true };
  return em.transactional(async (tx) => {
    const lines = parsed.accounts.flatMap((account) => account.entries.map((entry) => ({ account: account.accountNumber, entry })));
    const statement = tx.create(BankStatement, {
      format: parsed.format,
      statementRef: parsed.statementId,
      fileSha256: sha,
      filename: file.filename,
      raw: file.raw,
      lineCount: lines.length,
      newLineCount: 0,
      createdBy: file.userId === null ? null : tx.getReference(AppUser, file.userId),
    });
    await tx.flush();
    let stored = 0;
    for (let i = 0; i < lines.length; i += LINE_BATCH) stored += await insertLines(tx, statement.id, i, lines.slice(i, i + LINE_BATCH));
    statement.newLineCount = stored;
    await tx.flush();
    await appendAudit(tx, {
      actorId: file.userId,
      action: 'bank-statement.imported',
      entity: 'bank_statement',
      entityId: statement.id,
      details: { format: parsed.format, statementRef: parsed.statementId, sha256: sha, lines: lines.length, newLines: stored },
    });
    return { statement, duplicate: false };
  });
}

/** Inserts lines whose transaction was not seen before; returns how many were new. */
async function insertLines(em: EntityManager, statementId: string, offset: number, lines: { account: string; entry: StatementEntry }[]): Promise<number> {
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
