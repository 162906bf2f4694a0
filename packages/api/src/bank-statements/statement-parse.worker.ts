import { threadId } from 'node:worker_threads';
import {
  StatementParseError,
  detectStatementFormat,
  parseBai2,
  parseCamt,
  parseCsvStatement,
  parseMt940,
  type CsvStatementMapping,
  type ParsedStatement,
  type StatementIdentities,
} from '@recoup/domain';
import { statementIdentities } from '@recoup/db/statement-digest';
import type { StatementImportQuery } from '@recoup/contracts';

// Runs in a worker thread of the statement parse pool (statement-parse-pool.ts): reading a bank's file of 100,000
// transactions is seconds of CPU, which the request thread spends answering others instead. The file's statements
// and transactions are keyed here too (half a second for 100,000). A refusal comes back as data, since structured
// clone keeps bigints but not error classes.

export interface StatementParseTask {
  text: string;
  format: StatementImportQuery['format'];
  /** The saved mapping, for a CSV file. */
  mapping?: CsvStatementMapping;
  /** The file's SHA-256, which a CSV statement without an id of its own is known by. */
  sha: string;
}

export type StatementParseOutcome =
  | { ok: true; parsed: ParsedStatement; identities: StatementIdentities; threadId: number }
  | { ok: false; where: string; message: string; threadId: number };

function read({ text, format: asked, mapping, sha }: StatementParseTask): ParsedStatement {
  const format = asked === 'auto' ? detectStatementFormat(text) : asked;
  switch (format) {
    case 'camt.053':
    case 'camt.054': {
      const statement = parseCamt(text);
      if (statement.format !== format) throw new StatementParseError('Document', `the file is a ${statement.format} message, not ${format}.`);
      return statement;
    }
    case 'mt940':
      return parseMt940(text);
    case 'bai2':
      return parseBai2(text);
    case 'csv':
      return parseCsvStatement(text, mapping as CsvStatementMapping, `sha256:${sha}`);
  }
}

export default function parseStatementOffThread(task: StatementParseTask): StatementParseOutcome {
  try {
    const parsed = read(task);
    return { ok: true, parsed, identities: statementIdentities(parsed), threadId };
  } catch (error) {
    if (error instanceof StatementParseError) return { ok: false, where: error.where, message: error.message, threadId };
    throw error;
  }
}
