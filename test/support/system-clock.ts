import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time.js';
import type { LaunchedSystem } from './launched-system.ts';

function timeSkippingOf(system: LaunchedSystem) {
  if (!system.timeSkipping) {
    throw new Error("Time can be advanced only on a system launched with { temporal: 'time-skipping' }.");
  }
  return system.timeSkipping;
}

/** The Temporal server's clock: the virtual one on the time-skipping server, which runs ahead of the host's. */
export async function systemTime(system: LaunchedSystem): Promise<Date> {
  return new Date(await timeSkippingOf(system).currentTimeMs());
}

/**
 * Moves the Temporal server's clock forward by `duration` (a number of milliseconds or a string such as
 * '2 days'), firing every workflow timer that falls due on the way, then lets it run at real speed again.
 * It returns once the clock got there; what the workflows do in response (activities, tasks, e-mails) happens
 * afterwards, so assert it with `eventually`. The API's own clock does not move: it still stamps and validates
 * with the host's time.
 */
export async function advanceTime(system: LaunchedSystem, duration: Duration): Promise<void> {
  const env = timeSkippingOf(system);
  const ms = msToNumber(duration);
  if (!(ms > 0)) throw new Error(`advanceTime needs a positive duration, got ${String(duration)}.`);
  await env.sleep(ms);
}

/** Moves the Temporal server's clock forward to `instant` (nothing happens when it is already past). */
export async function advanceTimeTo(system: LaunchedSystem, instant: Date): Promise<void> {
  const ms = instant.getTime() - (await systemTime(system)).getTime();
  if (ms > 0) await advanceTime(system, ms);
}
