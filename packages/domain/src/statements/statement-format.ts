import { checkNoNul } from './statement-input.ts';
import { StatementParseError, type StatementFormat } from './statement-types.ts';

/** The statement format of a file, told from its content; CSV is never guessed, it needs a saved mapping. */
export function detectStatementFormat(text: string): Exclude<StatementFormat, 'csv'> {
  checkNoNul(text);
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4_096);
  if (head.startsWith('<')) {
    if (/BkToCstmrDbtCdtNtfctn/.test(text)) return 'camt.054';
    if (/BkToCstmrStmt/.test(text)) return 'camt.053';
    throw new StatementParseError('Document', 'is XML, but neither a camt.053 statement (BkToCstmrStmt) nor a camt.054 notification (BkToCstmrDbtCdtNtfctn).');
  }
  if (/^01,/.test(head)) return 'bai2';
  if (/:20:/.test(head) && /:25:/.test(head)) return 'mt940';
  throw new StatementParseError('line 1', 'the format could not be told from the content (camt.053/054 XML, MT940 or BAI2); choose it, or give a CSV mapping.');
}
