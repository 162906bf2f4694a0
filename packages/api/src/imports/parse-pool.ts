import { Piscina } from 'piscina';
import { ValidationError } from '../http/errors.ts';
import type { CsvParseOutcome } from './csv-parse.worker.ts';
import type { PortfolioParse } from './portfolio.ts';

// Reading a portfolio file is seconds of CPU for a large one. It runs in a worker thread, so the API goes on
// answering every other request (health included) while a 20 MB file is read. One thread: on a small machine the
// database and the workers need the other cores, and imports are rare.

export interface ParsePool {
  /** Reads a CSV portfolio in a worker thread; refuses a file the reader refuses, as the reader would. */
  csv(text: string): Promise<PortfolioParse & { parsedOnThread: number }>;
  close(): Promise<void>;
}

export function createParsePool(): ParsePool {
  const pool = new Piscina<string, CsvParseOutcome>({
    filename: new URL('./csv-parse.worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
  });
  return {
    async csv(text) {
      const outcome = await pool.run(text);
      if (!outcome.ok) throw new ValidationError(outcome.fields, outcome.message);
      return { ...outcome.parse, parsedOnThread: outcome.threadId };
    },
    close: () => pool.destroy(),
  };
}
