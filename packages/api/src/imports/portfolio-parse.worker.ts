import { threadId } from 'node:worker_threads';
import { ValidationError, type FieldIssue } from '../http/errors.ts';
import { parseCsvPortfolio } from './csv-portfolio.parser.ts';
import type { PortfolioParse } from './portfolio.ts';

// Runs in a worker thread of the import pool (see parse-pool.ts). What it returns crosses the thread boundary by
// structured clone, which keeps bigints but not error classes, so a refusal comes back as data.

export type CsvParseOutcome =
  | { ok: true; parse: PortfolioParse; threadId: number }
  | { ok: false; fields: FieldIssue[]; message: string; threadId: number };

export default function parseCsvOffThread(text: string): CsvParseOutcome {
  try {
    return { ok: true, parse: parseCsvPortfolio(text), threadId };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const { fields } = error.details as { fields: FieldIssue[] };
    return { ok: false, fields, message: error.message, threadId };
  }
}
