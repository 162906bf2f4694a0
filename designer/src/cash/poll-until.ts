import type { QueryState } from '@tanstack/react-query';

/**
 * A `refetchInterval` for work that goes on in the background: read again every `everyMs` until the value settles.
 * A failed read keeps the last value on screen with the error and is tried again a little later, since the page
 * has nothing better to do than wait for the work.
 */
export function pollUntil<T>(settled: (value: T) => boolean, everyMs: number) {
  return ({ state }: { state: QueryState<T> }): number | false => {
    if (state.status === 'error') return everyMs * 3;
    return state.data !== undefined && settled(state.data) ? false : everyMs;
  };
}
