import { singleThreadPool } from '../shared/single-thread-pool.ts';
import type { StatementParseOutcome, StatementParseTask } from './statement-parse.worker.ts';

// Bank statement files are read in a worker thread, as portfolio files are (imports/parse-pool.ts), so a large
// camt.053 never holds the request thread.

export interface StatementParsePool {
  /** The statement, or the reader's refusal (where, and why). */
  parse(task: StatementParseTask): Promise<StatementParseOutcome>;
  close(): Promise<void>;
}

export function createStatementParsePool(): StatementParsePool {
  const pool = singleThreadPool<StatementParseTask, StatementParseOutcome>(new URL('./statement-parse.worker.ts', import.meta.url));
  return {
    parse: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
