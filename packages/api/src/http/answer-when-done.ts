import type { Response } from 'express';

// Some answers are decided long before they are complete: once an import is committed it is a 201, but its
// workflows take minutes to start for tens of thousands of accounts, and the answer counts them. Clients and
// proxies give up on a server that says nothing for that long (Node's fetch after 300 s without response headers,
// nginx after 60 s without a byte). So when the work outlasts `patienceMs`, the status and headers go out then, a
// space follows every `heartbeatMs` (JSON may begin with any amount of whitespace), and the JSON comes last. Work
// that ends sooner is answered the ordinary way.

export interface Patience {
  patienceMs: number;
  heartbeatMs: number;
}

const DEFAULT_PATIENCE: Patience = { patienceMs: 10_000, heartbeatMs: 10_000 };

/**
 * Answers `status` with the JSON `work` gives. Work whose status is known must not fail once the headers are out:
 * if it does, the connection is cut, so the client sees a broken answer instead of a false one.
 */
export const answerWhenDone = async (res: Response, status: number, work: Promise<unknown>, patience: Patience = DEFAULT_PATIENCE): Promise<void> => {
  let heartbeat: NodeJS.Timeout | undefined;
  const beat = (): void => {
    if (!res.destroyed) res.write(' ');
  };
  const early = setTimeout(() => {
    res.status(status).type('application/json');
    beat();
    heartbeat = setInterval(beat, patience.heartbeatMs);
  }, patience.patienceMs);
  try {
    const body = await work;
    if (res.headersSent) res.end(JSON.stringify(body));
    else res.status(status).json(body);
  } finally {
    clearTimeout(early);
    clearInterval(heartbeat);
  }
};
