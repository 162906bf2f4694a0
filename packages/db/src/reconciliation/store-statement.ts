import type { EntityManager } from '@mikro-orm/postgresql';
import type { ParsedStatement, StatementEntry, StatementIdentities } from '@recoup/domain';
import { appendAudit } from '../audit.ts';
import { query } from '../bound-query.ts';
import { statementIdentities, statementSha256 } from './statement-digest.ts';
import { BankStatement, type AlreadySeenLine, type IBankStatement, type StoredImbalance } from '../entities/bank-statement.entity.ts';
import { DbError } from '../errors.ts';

/** Lines are written this many at a time: one statement can hold 100,000. */
const LINE_BATCH = 5_000;

export interface StoredStatement {
  statement: IBankStatement;
  /** true: this file, or every statement in it, was imported before; nothing was stored now. */
  duplicate: boolean;
  /** Lines not stored because the same transaction was stored before, each with the line it matched. */
  alreadySeen: AlreadySeenLine[];
}

/** The statement stored earlier from the file of this SHA-256, if any: checked before parsing, which is the costly part. */
export const findSameFile = async (em: EntityManager, sha256: string): Promise<IBankStatement | null> => em.findOne(BankStatement, { fileSha256: sha256 });

interface LineToStore {
  position: number;
  /** Index of the line's statement in the parsed file. */
  statement: number;
  account: string;
  fingerprint: string;
  entry: StatementEntry;
}

interface EarlierLine {
  id: string;
  bank_statement_id: string;
  source: string;
}

const ZERO_REASON = 'A zero-amount line: kept as information, nothing to apply.';

/** A statement the bank identifies as one imported before, but holding other transactions: a person must look. */
export class StatementConflictError extends DbError {
  readonly where: string;
  readonly earlierStatementId: string;

  constructor(where: string, earlierStatementId: string, message: string) {
    super('conflict', 'statement-conflict', message);
    this.where = where;
    this.earlierStatementId = earlierStatementId;
  }
}

/**
 * Stores a parsed statement file with its raw bytes, its statements and its lines, in one transaction. The same
 * file (by SHA-256), or a file whose every statement was stored before, changes nothing. The lines of a statement
 * stored before are not stored again, and neither is a transaction stored before in another statement (by its
 * fingerprint, see identifyStatement); each such line is listed with the line it matched. A file one of whose new
 * statements does not add up is stored whole as 'unbalanced': nothing of it is applied until a manager releases it.
 */
export async function storeStatement(
  em: EntityManager,
  parsed: ParsedStatement,
  file: {
    raw: Buffer;
    filename: string;
    userId: string | null;
    /** The raw bytes' SHA-256, when the caller has it already. */
    sha256?: string;
    /** The file's statementIdentities, when the thread that parsed it computed them already. */
    identities?: StatementIdentities;
  },
): Promise<StoredStatement> {
  const sha = file.sha256 ?? statementSha256(file.raw);
  const sameFile = await findSameFile(em, sha);
  if (sameFile) return { statement: sameFile, duplicate: true, alreadySeen: [] };
  const identities = file.identities ?? statementIdentities(parsed);
  const keys = identities.statements.map((s) => s.key);
  const lines: LineToStore[] = identities.lines.map((l, i) => {
    const account = parsed.accounts[l.statement];
    const entry = account?.entries[l.entry] as StatementEntry;
    return { position: i + 1, statement: l.statement, account: account?.accountNumber ?? '', fingerprint: l.key, entry };
  });
  return em.transactional(async (tx) => {
    const known = await knownStatements(tx, parsed, keys, lines);
    const seenInKnown = [...known.values()].flatMap((k) => k.seen);
    if (keys.every((k) => known.has(k))) {
      const earlier = await tx.findOneOrFail(BankStatement, { id: (known.get(keys[0] as string) as KnownStatement).statementId });
      return { statement: earlier, duplicate: true, alreadySeen: seenInKnown };
    }
    const fresh = parsed.accounts.filter((_, s) => !known.has(keys[s] as string));
    const imbalances: StoredImbalance[] = fresh.flatMap((a) =>
      (a.imbalances ?? []).map((i) => ({ account: a.accountNumber, currency: a.currency, where: i.where, message: i.message, differenceMinor: i.differenceMinor?.toString() ?? null })),
    );
    // One insert with the file's bytes bound as a parameter, instead of an ORM flush of a buffer that may be 50 MB.
    const [created] = await query<{ id: string }>(
      tx,
      `insert into bank_statement (format, statement_ref, file_sha256, filename, raw, line_count, new_line_count, status, imbalances, already_seen, created_by_id)
       values (?, ?, ?, ?, ?, ?, 0, ?, ?::jsonb, '[]'::jsonb, ?::uuid) returning id`,
      [parsed.format, parsed.statementId, sha, file.filename, file.raw, lines.length, imbalances.length > 0 ? 'unbalanced' : 'received', JSON.stringify(imbalances), file.userId],
    );
    const statement = await tx.findOneOrFail(BankStatement, { id: (created as { id: string }).id });
    const sections = await insertSections(tx, statement.id, parsed, keys, known);
    const toInsert = lines.filter((l) => sections.has(l.statement));
    const storedPositions = new Set<number>();
    for (let i = 0; i < toInsert.length; i += LINE_BATCH) {
      for (const p of await insertLines(tx, statement.id, sections, toInsert.slice(i, i + LINE_BATCH))) storedPositions.add(p);
    }
    const seenElsewhere = await matchedLines(
      tx,
      toInsert.filter((l) => !storedPositions.has(l.position)),
    );
    const alreadySeen = [...seenInKnown, ...seenElsewhere].sort((a, b) => a.position - b.position).map(({ position: _p, ...rest }) => rest);
    statement.newLineCount = storedPositions.size;
    statement.alreadySeen = alreadySeen;
    await tx.flush();
    await appendAudit(tx, {
      actorId: file.userId,
      action: 'bank-statement.imported',
      entity: 'bank_statement',
      entityId: statement.id,
      details: {
        format: parsed.format,
        statementRef: parsed.statementId,
        sha256: sha,
        lines: lines.length,
        newLines: storedPositions.size,
        alreadySeen: alreadySeen.length,
        statements: parsed.accounts.length,
        statementsSeenBefore: known.size,
        unbalanced: imbalances.length > 0,
      },
    });
    return { statement, duplicate: false, alreadySeen };
  });
}

interface KnownStatement {
  statementId: string;
  seen: (AlreadySeenLine & { position: number })[];
}

/**
 * Statements of the file stored before, each with its lines matched, in order, to the lines stored then. A
 * statement the bank calls the same but that holds a different number of transactions is not guessed at.
 */
async function knownStatements(em: EntityManager, parsed: ParsedStatement, keys: string[], lines: LineToStore[]): Promise<Map<string, KnownStatement>> {
  const rows = await em.execute<{ id: string; statement_key: string; bank_statement_id: string }[]>(
    `select id, statement_key, bank_statement_id from bank_statement_section
      where not rejected and statement_key in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(keys)],
  );
  const known = new Map<string, KnownStatement>();
  for (const row of rows) {
    const s = keys.indexOf(row.statement_key);
    const ours = lines.filter((l) => l.statement === s);
    const earlier = await em.execute<EarlierLine[]>(
      `select id, bank_statement_id, source from statement_line where bank_statement_id = ? and section_id = ? order by position`,
      [row.bank_statement_id, row.id],
    );
    if (earlier.length !== ours.length) {
      const section = parsed.accounts[s];
      throw new StatementConflictError(
        section?.source ?? 'file',
        row.bank_statement_id,
        `the statement of account ${section?.accountNumber ?? ''} (${(section?.identity ?? []).join(', ')}) was imported before with ${earlier.length} transactions; this file gives it ${ours.length}. Reject the earlier import first if this one corrects it.`,
      );
    }
    known.set(row.statement_key, {
      statementId: row.bank_statement_id,
      seen: ours.map((line, i) => {
        const match = earlier[i] as EarlierLine;
        return {
          position: line.position,
          source: line.entry.source,
          matchedLineId: match.id,
          matchedStatementId: match.bank_statement_id,
          matchedSource: match.source,
          reason: 'The same statement was imported before; this is its transaction at the same place.',
        };
      }),
    });
  }
  return known;
}

/** Inserts the file's new statements; returns each one's row id by its index in the file. */
async function insertSections(
  em: EntityManager,
  statementId: string,
  parsed: ParsedStatement,
  keys: string[],
  known: ReadonlyMap<string, KnownStatement>,
): Promise<Map<number, string>> {
  const values: unknown[] = [];
  const rows: string[] = [];
  parsed.accounts.forEach((a, s) => {
    const key = keys[s] as string;
    if (known.has(key)) return;
    values.push(
      statementId,
      s + 1,
      a.accountNumber,
      a.currency,
      key,
      JSON.stringify(a.identity ?? []),
      a.source ?? '',
      a.opening?.date ?? null,
      a.opening?.amountMinor.toString() ?? null,
      a.closing?.date ?? null,
      a.closing?.amountMinor.toString() ?? null,
      JSON.stringify((a.imbalances ?? []).map((i) => ({ where: i.where, message: i.message, differenceMinor: i.differenceMinor?.toString() ?? null }))),
      a.information ?? null,
      a.entries.length,
    );
    rows.push('(?, ?, ?, ?, ?, ?::jsonb, ?, ?::date, ?::bigint, ?::date, ?::bigint, ?::jsonb, ?, ?)');
  });
  if (rows.length === 0) return new Map();
  // The unique key makes two imports of one statement at once safe: the second one's transaction fails and its
  // retry finds the statement known.
  const inserted = await em.execute<{ id: string; position: number }[]>(
    `insert into bank_statement_section (bank_statement_id, position, account_number, currency, statement_key, identity, source, opening_date,
       opening_minor, closing_date, closing_minor, imbalances, information, line_count)
     values ${rows.join(', ')}
     returning id, position`,
    values,
  );
  return new Map(inserted.map((r) => [Number(r.position) - 1, r.id]));
}

/** Inserts lines whose transaction was not stored before; returns the positions stored. */
async function insertLines(em: EntityManager, statementId: string, sections: ReadonlyMap<number, string>, lines: LineToStore[]): Promise<number[]> {
  if (lines.length === 0) return [];
  // One JSON document per chunk instead of nineteen parameters per line: PostgreSQL reads it as rows.
  const rows = lines.map(({ position, statement, account, fingerprint, entry }) => ({
    section_id: sections.get(statement) ?? null,
    position,
    account_number: account,
    bank_ref: entry.bankRef,
    fingerprint,
    customer_ref: entry.customerRef,
    direction: entry.direction,
    amount_minor: entry.amountMinor.toString(),
    currency: entry.currency,
    value_date: entry.valueDate,
    text: entry.text,
    counterparty: entry.counterparty,
    type_code: entry.typeCode,
    returned: entry.returned,
    source: entry.source,
    status: entry.amountMinor === 0n ? 'skipped' : entry.doubt ? 'exception' : 'pending',
    rule: entry.amountMinor === 0n ? 'zero-amount' : entry.doubt ? 'amount-in-doubt' : null,
    reason: entry.amountMinor === 0n ? ZERO_REASON : (entry.doubt ?? null),
  }));
  const inserted = await query<{ position: number }>(
    em,
    `insert into "statement_line" ("bank_statement_id", "section_id", "position", "account_number", "bank_ref", "fingerprint", "customer_ref",
       "direction", "amount_minor", "currency", "value_date", "text", "counterparty", "type_code", "returned", "source", "status", "rule", "reason")
     select ?::uuid, r.section_id, r.position, r.account_number, r.bank_ref, r.fingerprint, r.customer_ref,
            r.direction, r.amount_minor, r.currency, r.value_date, r.text, r.counterparty, r.type_code, r.returned, r.source, r.status, r.rule, r.reason
       from jsonb_to_recordset(?::jsonb) as r(section_id uuid, position int, account_number text, bank_ref text, fingerprint text, customer_ref text,
            direction text, amount_minor bigint, currency text, value_date date, text text, counterparty text, type_code text, returned boolean,
            source text, status text, rule text, reason text)
      order by r.position
     on conflict ("account_number", "fingerprint") where "status" <> 'rejected' do nothing
     returning "position"`,
    [statementId, JSON.stringify(rows)],
  );
  return inserted.map((r) => Number(r.position));
}

/** For lines not stored, the earlier line each one matched by its fingerprint. */
async function matchedLines(em: EntityManager, lines: LineToStore[]): Promise<(AlreadySeenLine & { position: number })[]> {
  const out: (AlreadySeenLine & { position: number })[] = [];
  for (let i = 0; i < lines.length; i += LINE_BATCH) {
    const chunk = lines.slice(i, i + LINE_BATCH);
    const rows = await em.execute<{ id: string; bank_statement_id: string; source: string; account_number: string; fingerprint: string }[]>(
      `select l.id, l.bank_statement_id, l.source, l.account_number, l.fingerprint
         from statement_line l
         join jsonb_to_recordset(?::jsonb) as k(account_number text, fingerprint text) on k.account_number = l.account_number and k.fingerprint = l.fingerprint
        where l.status <> 'rejected'`,
      [JSON.stringify(chunk.map((l) => ({ account_number: l.account, fingerprint: l.fingerprint })))],
    );
    const byKey = new Map(rows.map((r) => [`${r.account_number}\n${r.fingerprint}`, r]));
    for (const line of chunk) {
      const match = byKey.get(`${line.account}\n${line.fingerprint}`);
      if (!match) throw new Error(`statement line ${line.position} was neither stored nor matched to an earlier one`);
      out.push({
        position: line.position,
        source: line.entry.source,
        matchedLineId: match.id,
        matchedStatementId: match.bank_statement_id,
        matchedSource: match.source,
        reason: line.entry.bankRef
          ? `The bank's reference ${line.entry.bankRef}, with the same amount and date, was imported before.`
          : 'The same transaction, at the same place in the same statement, was imported before.',
      });
    }
  }
  return out;
}
