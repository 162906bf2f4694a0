import { deserialize } from 'node:v8';
import { ApiError, ValidationError, type FieldIssue } from '../errors.ts';
import { singleThreadPool } from '../shared/single-thread-pool.ts';
import { ownsBuffer } from './owned-bytes.ts';
import type { ParsedPortfolio, ParseOutcome, ParseTask, Refusal } from './portfolio-parse.worker.ts';
import type { PortfolioAccount } from './portfolio.ts';

// Reading a portfolio file is seconds of CPU for a large one: decoding it, parsing CSV or JSON, checking every row
// and, for JSON, every string for what cannot be stored. It runs in a worker thread, so the API goes on answering
// every other request (health included) while a 20 MB file is read. One thread: on a small machine the database and
// the workers need the other cores, and imports are rare.

export type { ParsedPortfolio } from './portfolio-parse.worker.ts';

export interface ParsePool {
  /**
   * Reads a portfolio file in a worker thread, which takes `bytes` over (they are transferred, and unusable here
   * afterwards); refuses a file the reader refuses, as the reader would.
   */
  parse(format: ParseTask['format'], bytes: Uint8Array, options: { charset: string; maxRows: number }): Promise<ParsedPortfolio & { parsedOnThread: number }>;
  close(): Promise<void>;
}

const refusalError = (refusal: Refusal): ApiError =>
  refusal.code === 'validation-failed'
    ? new ValidationError((refusal.details as { fields: FieldIssue[] }).fields, refusal.message)
    : new ApiError(refusal.kind, refusal.code, refusal.message, refusal.details);

/** One chunk of a parsed portfolio's accounts. */
export const accountsIn = (chunk: Uint8Array): PortfolioAccount[] => deserialize(chunk) as PortfolioAccount[];

export function createParsePool(): ParsePool {
  const pool = singleThreadPool<ParseTask, ParseOutcome>(new URL('./portfolio-parse.worker.ts', import.meta.url));
  return {
    async parse(format, bytes, { charset, maxRows }) {
      const outcome = await pool.run({ format, bytes, charset, maxRows }, { transferList: ownsBuffer(bytes) ? [bytes.buffer] : [] });
      if (!outcome.ok) throw refusalError(outcome.refusal);
      return { ...outcome.parsed, parsedOnThread: outcome.threadId };
    },
    close: () => pool.destroy(),
  };
}
