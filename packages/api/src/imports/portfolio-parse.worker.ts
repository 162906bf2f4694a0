import { serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { isRecoupError, type ErrorKind } from '@recoup/domain';
import { ApiError, TooLargeError } from '../errors.ts';
import { unstorableInputError, unstorableIssues } from '../http/storable-input.ts';
import { parseCsvPortfolio } from './csv-portfolio.parser.ts';
import { parseJsonPortfolio } from './json-portfolio.parser.ts';
import { owned } from './owned-bytes.ts';
import { flagDuplicateInvoiceNumbers, type PortfolioAccount, type PortfolioParse } from './portfolio.ts';

// Runs in a worker thread of the import pool (see parse-pool.ts): everything about a portfolio file that needs no
// database, from its bytes to its accounts. The request thread gets back what is cheap for it to take:
//
//   - the accounts in chunks of at most CHUNK_ROWS rows (an account, each contact, each invoice), each serialized
//     here. The whole parse as one structured clone would be deserialized in one go on the request thread when the
//     answer arrives, a quarter of a second for 50,000 accounts with nothing else answered meanwhile; a chunk is
//     deserialized when the import reaches it, between database round trips.
//   - the file as it is stored: its text as UTF-8, like every text the API keeps.
//
// Both are transferred, not copied. A refusal comes back as data: structured clone keeps bigints but not error
// classes.

export interface ParseTask {
  format: 'csv' | 'json';
  /** The file as it arrived, transferred from the request thread. */
  bytes: Uint8Array;
  /** Its charset, a label TextDecoder knows (the request thread checked it). */
  charset: string;
  maxRows: number;
}

export interface ParsedPortfolio extends Omit<PortfolioParse, 'accounts'> {
  /** The accounts, in file order, a chunk at a time: read them with accountsIn. */
  chunks: Uint8Array[];
  /** The file's text as UTF-8. */
  raw: Uint8Array;
}

export interface Refusal {
  kind: ErrorKind;
  code: string;
  message: string;
  details: unknown;
}

export type ParseOutcome = { ok: true; parsed: ParsedPortfolio; threadId: number } | { ok: false; refusal: Refusal; threadId: number };

/** Rows per chunk: a few thousand keep each database statement, and each step on the request thread, short. */
export const CHUNK_ROWS = 5_000;

const rowsOf = (account: PortfolioAccount): number => 1 + account.contacts.length + account.invoices.length;

const chunked = (accounts: PortfolioAccount[]): PortfolioAccount[][] => {
  const chunks: PortfolioAccount[][] = [];
  let current: PortfolioAccount[] = [];
  let rows = 0;
  for (const account of accounts) {
    if (current.length > 0 && rows + rowsOf(account) > CHUNK_ROWS) {
      chunks.push(current);
      current = [];
      rows = 0;
    }
    current.push(account);
    rows += rowsOf(account);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

const malformed = (): ApiError => new ApiError('invalid', 'malformed-body', 'The request body could not be parsed.');

/**
 * A JSON document as the API's JSON body parser reads one (an object or an array, an empty body as {}), refused
 * with 400 when it holds what no route may store, named as that parser's check names it.
 */
const readJsonDocument = (text: string): unknown => {
  if (text.length === 0) return {};
  // JSON's whitespace is space, tab, line feed and carriage return.
  const first = /^[ \t\n\r]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw malformed();
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw malformed();
  }
  const issues = unstorableIssues(document, 'body');
  if (issues.length > 0) throw unstorableInputError(issues);
  return document;
};

const tooManyRows = (rowsTotal: number, maxRows: number, format: ParseTask['format']): TooLargeError =>
  new TooLargeError(
    `The file has ${rowsTotal} ${format === 'csv' ? 'invoice lines' : 'account entries'}; one import may have at most ${maxRows} (IMPORT_MAX_ROWS). Split it into smaller files; nothing was stored.`,
    'import-too-many-rows',
    { rowsTotal, maxRows },
  );

export default function parsePortfolioOffThread(task: ParseTask): ParseOutcome {
  try {
    const text = new TextDecoder(task.charset).decode(task.bytes);
    const parse = task.format === 'csv' ? parseCsvPortfolio(text) : parseJsonPortfolio(readJsonDocument(text));
    if (parse.rowsTotal > task.maxRows) throw tooManyRows(parse.rowsTotal, task.maxRows, task.format);
    flagDuplicateInvoiceNumbers(parse.accounts);
    const chunks = chunked(parse.accounts).map((accounts) => owned(serialize(accounts)));
    const raw = owned(new TextEncoder().encode(text));
    const { accounts: _accounts, ...rest } = parse;
    const outcome: ParseOutcome = { ok: true, parsed: { ...rest, chunks, raw }, threadId };
    // Piscina sends the value of a moved Transferable, with its buffers in the transfer list.
    return move({ [transferableSymbol]: [raw.buffer, ...chunks.map((chunk) => chunk.buffer)], [valueSymbol]: outcome }) as unknown as ParseOutcome;
  } catch (error) {
    if (!isRecoupError(error) || error.kind === 'unexpected') throw error;
    return { ok: false, refusal: { kind: error.kind, code: error.code, message: error.message, details: error.details }, threadId };
  }
}
