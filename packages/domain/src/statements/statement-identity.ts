import type { ParsedStatement, StatementAccount, StatementEntry } from './statement-types.ts';

// What makes a statement, and a transaction, the same one again in another file. A bank's own transaction
// reference is trusted only when it is a real one, and even then together with the transaction's direction, amount,
// currency and date: several transactions of one batch can share one reference. A transaction without a
// reference is known only through its statement (see statementIdentity), so the same statement sent again is
// recognised, and the next day's statement, which differs in its numbers, balances or dates, never is. Identical transactions within one statement are told apart by their
// order of occurrence. CSV exports have no statement identity; their rows are known by their content and order.

/** A collision-resistant digest of a text (SHA-256 in practice); the domain does no hashing of its own. */
export type Digest = (text: string) => string;

export interface LineKey {
  /** Index of the statement in `parsed.accounts`, and of the entry in its `entries`. */
  statement: number;
  entry: number;
  key: string;
}

export interface StatementKey {
  statement: number;
  key: string;
}

export interface StatementIdentities {
  statements: StatementKey[];
  lines: LineKey[];
}

const amountPart = (e: StatementEntry) => `${e.direction}:${e.amountMinor}:${e.currency}:${e.valueDate ?? ''}`;
const referencePart = (e: StatementEntry) => `${e.typeCode}:${e.bankRef ?? ''}:${e.customerRef ?? ''}`;

/**
 * Everything that tells this statement from any other, as one text: the same statement gives the same text. A
 * camt statement carries an id its bank keeps unique, with electronic and legal sequence numbers and its period,
 * and the same statement sent again in a newer schema version may differ in its codes and references, so those
 * identify it. MT940 and BAI2 numbers repeat (the same :20: every day, file id 1), so there the balances and
 * every transaction are part of what identifies the statement.
 */
export function statementIdentity(format: ParsedStatement['format'], statement: StatementAccount): string {
  const balance = (b: StatementAccount['opening']) => (b ? `${b.date}:${b.amountMinor}` : '');
  const head = [format, statement.accountNumber, statement.currency, ...(statement.identity ?? [])];
  if ((format === 'camt.053' || format === 'camt.054') && (statement.identity ?? []).length > 0) return head.join('\n');
  return [
    ...head,
    `opening=${balance(statement.opening)}`,
    `closing=${balance(statement.closing)}`,
    ...statement.entries.map((e) => `${amountPart(e)}:${referencePart(e)}`),
  ].join('\n');
}

/** Counts occurrences of each key, so that the n-th identical transaction gets its own key. */
function occurrences(): (key: string) => string {
  const seen = new Map<string, number>();
  return (key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}#${n}`;
  };
}

export function identifyStatement(parsed: ParsedStatement, digest: Digest): StatementIdentities {
  const statements: StatementKey[] = [];
  const lines: LineKey[] = [];
  const rows = parsed.format === 'csv' ? occurrences() : null;
  parsed.accounts.forEach((statement, s) => {
    const statementKey = parsed.format === 'csv' ? digest(`csv\n${statement.accountNumber}\n${parsed.statementId}`) : digest(statementIdentity(parsed.format, statement));
    statements.push({ statement: s, key: statementKey });
    const inStatement = occurrences();
    statement.entries.forEach((entry, e) => {
      let key: string;
      if (entry.bankRef !== null) key = inStatement(`ref\n${entry.bankRef}\n${amountPart(entry)}`);
      else if (rows) key = rows(`row\n${amountPart(entry)}\n${entry.customerRef ?? ''}\n${entry.text}\n${entry.counterparty ?? ''}`);
      else key = inStatement(`statement\n${statementKey}\n${amountPart(entry)}\n${referencePart(entry)}`);
      lines.push({ statement: s, entry: e, key: digest(key) });
    });
  });
  return { statements, lines };
}
