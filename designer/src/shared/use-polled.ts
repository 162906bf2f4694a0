import { useEffect, useState } from 'react';
import { describeFailure } from '../api/api-failure.ts';

export type PolledLoad<T> = { status: 'loading' } | { status: 'ready'; value: T; error: string | null } | { status: 'failed'; message: string };

export interface PollOptions<T> {
  /** Reads the value once; aborted when the component goes or the key changes. */
  read: (signal: AbortSignal) => Promise<T>;
  /** Whether the value has stopped moving, so reading it again would tell nothing new. */
  settled: (value: T) => boolean;
  /** What a failed read says before the reason, e.g. "Could not read the statement’s progress." */
  failure: string;
  everyMs: number;
}

/**
 * Reads a value every `everyMs` until it settles, for work that goes on in the background. A failed read keeps the
 * last value on screen with the error, and tries again a little later. `key` restarts the reading.
 */
export function usePolled<T>({ read, settled, failure, everyMs }: PollOptions<T>, key: readonly unknown[]): PolledLoad<T> {
  const [load, setLoad] = useState<PolledLoad<T>>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      read(controller.signal).then(
        (value) => {
          if (controller.signal.aborted) return;
          setLoad({ status: 'ready', value, error: null });
          if (!settled(value)) timer = setTimeout(poll, everyMs);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const message = describeFailure(error, failure).message;
          setLoad((previous) => (previous.status === 'ready' ? { ...previous, error: message } : { status: 'failed', message }));
          timer = setTimeout(poll, everyMs * 3);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
    // The key names what is read; read and settled are taken as they were when it last changed.
  }, key);

  return load;
}
