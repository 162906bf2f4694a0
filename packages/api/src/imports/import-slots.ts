import { RateLimitedError } from '../errors.ts';

// At most `limit` portfolio imports run at a time in one API process. Each holds its file, its parse and a
// transaction for as long as it runs, so two 50 MB imports at once would hold twice that; one more waits its turn
// by being refused, with Retry-After, before its file is read. Imports are rare, and a person or a script that
// sends one can send it again.

/** Long enough for a few-megabyte import to finish; a client that asks again too early is told again. */
export const IMPORT_RETRY_AFTER_SECONDS = 30;

export class ImportSlots {
  readonly #limit: number;
  #running = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Takes a slot, or refuses with 429 when every one is taken; call the returned function once the import ends. */
  take(): () => void {
    if (this.#running >= this.#limit) {
      throw new RateLimitedError(
        'import-in-progress',
        `${this.#limit === 1 ? 'Another portfolio import is' : `${this.#limit} portfolio imports are`} running on this server (IMPORT_CONCURRENCY); this file was not read and nothing was stored. Send it again once that has finished.`,
        IMPORT_RETRY_AFTER_SECONDS,
        { concurrentImports: this.#limit },
      );
    }
    this.#running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running -= 1;
    };
  }
}
