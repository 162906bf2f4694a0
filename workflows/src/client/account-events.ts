import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Account,
  claimAccountEvents,
  markAccountEventsSent,
  pruneSentAccountEvents,
  recordAccountEvent,
  retryAccountEventLater,
  type ClaimedAccountEvent,
  type MikroORM,
} from '@recoup/db';
import type { PaymentAppliedMessage } from '../shared/definitions.ts';
import type { CollectionClient } from './collection-client.ts';
import { mapBounded } from './starting/bounded.ts';
import { startCollections } from './starting/start-collections.ts';
import type { StartLogger } from './starting/start-logger.ts';
import { errorMessage } from '@recoup/domain';

// Telling a collection workflow that its account changed, written once and never lost. A service records the change
// and its account event in one transaction (recordAccountChange); after the commit it asks the outbox to deliver
// that event at once. Whatever is not delivered then (Temporal away, the process killed between commit and signal)
// a drainer finds unsent and delivers, with growing back-off, until it goes through. Delivery is at least once:
// each signal carries the event's id, and the workflow ignores an id it was told before.

/** What changed, as the workflow is told it. */
export type AccountChange =
  | { kind: 'payment-applied'; payment: Omit<PaymentAppliedMessage, 'eventId'> }
  | { kind: 'account-changed' }
  | { kind: 'dispute-opened' }
  | { kind: 'portal-visited' }
  | { kind: 'plan-requested' }
  /** The account owes again: its workflow is told, and if its collection had ended, collection starts again. */
  | { kind: 'payment-reversed' };

/** Records the change's account event in the caller's transaction; answers its id, for `deliver` after the commit. */
export function recordAccountChange(em: EntityManager, accountId: string, change: AccountChange): Promise<string> {
  return recordAccountEvent(em, {
    accountId,
    kind: change.kind,
    ...(change.kind === 'payment-applied' ? { payload: { ...change.payment } } : {}),
  });
}

export interface AccountEventOutbox {
  /**
   * Delivers events a request has just committed, waiting for them at most the outbox's `waitMs`; what has not gone
   * through by then goes on in the background, and the drainer retries what fails. Never throws.
   */
  deliver(ids: readonly string[]): Promise<void>;
  /** One pass of the drainer over every due event; answers how many were delivered. */
  drain(): Promise<number>;
  /** Drains every `pollMs` until closed. */
  start(pollMs: number): void;
  /** Stops the drainer and waits for deliveries in flight. */
  close(): Promise<void>;
}

export interface AccountEventOutboxOptions {
  orm: MikroORM;
  collections: CollectionClient;
  logger: StartLogger;
  /** How long a request waits for its own events (default 2 s). */
  waitMs?: number;
  /** How long a claimed event stays with its drainer before another may take it (default 10 s). */
  leaseMs?: number;
}

/** Events claimed per pass, and signals in flight at once. */
const CLAIM_LIMIT = 200;
const SIGNAL_CONCURRENCY = 16;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Sent events are kept this long, then deleted. */
const KEEP_SENT_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

/** The wait before attempt `attempts + 1`: 1 s, 2 s, 4 s … up to five minutes. */
export const accountEventBackoffMs = (attempts: number): number => Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));


export function createAccountEventOutbox(options: AccountEventOutboxOptions): AccountEventOutbox {
  const { orm, collections, logger } = options;
  const waitMs = options.waitMs ?? 2_000;
  const leaseMs = options.leaseMs ?? 10_000;
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | null = null;
  let draining: Promise<number> | null = null;
  let lastPrune = 0;
  let closed = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  async function send(event: ClaimedAccountEvent): Promise<void> {
    const told = { eventId: event.id };
    switch (event.kind) {
      case 'payment-applied':
        return collections.paymentApplied(event.accountId, event.payload as unknown as PaymentAppliedMessage, told);
      case 'account-changed':
        return collections.accountChanged(event.accountId, told);
      case 'dispute-opened':
        return collections.disputeOpened(event.accountId, told);
      case 'portal-visited':
        return collections.portalVisited(event.accountId, told);
      case 'plan-requested':
        return collections.planRequested(event.accountId, told);
      case 'payment-reversed': {
        await collections.accountChanged(event.accountId, told);
        const account = await orm.em.fork().findOneOrFail(Account, { id: event.accountId }, { fields: ['id', 'segment'] });
        const report = await startCollections(orm, collections, [{ id: account.id, segment: account.segment }], logger);
        if (report.errors.length > 0) throw new Error(`Could not start collection again: ${report.errors.map((e) => e.message).join('; ')}`);
        return;
      }
    }
  }

  /** Sends claimed events; each that fails waits its back-off. Answers how many went through. */
  async function sendAll(events: ClaimedAccountEvent[]): Promise<number> {
    const sent: string[] = [];
    await mapBounded(events, SIGNAL_CONCURRENCY, async (event) => {
      try {
        await send(event);
        sent.push(event.id);
      } catch (error) {
        const delayMs = accountEventBackoffMs(event.attempts);
        logger.warn('could not tell the collection workflow of an account event; it is retried', {
          eventId: event.id,
          accountId: event.accountId,
          kind: event.kind,
          attempts: event.attempts,
          retryInMs: delayMs,
          error: errorMessage(error),
        });
        await retryAccountEventLater(orm.em.fork(), event.id, errorMessage(error), delayMs);
      }
    });
    await markAccountEventsSent(orm.em.fork(), sent);
    return sent.length;
  }

  async function drainAll(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const claimed = await claimAccountEvents(orm.em.fork(), { limit: CLAIM_LIMIT, leaseMs });
      if (claimed.length === 0) break;
      delivered += await sendAll(claimed);
      if (claimed.length < CLAIM_LIMIT || closed) break;
    }
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      await pruneSentAccountEvents(orm.em.fork(), KEEP_SENT_MS);
    }
    return delivered;
  }

  const drain = (): Promise<number> => {
    // One pass at a time per process; a pass asked for meanwhile shares the running one.
    draining ??= track(drainAll()).finally(() => (draining = null));
    return draining;
  };

  return {
    async deliver(ids) {
      if (ids.length === 0 || closed) return;
      const work = track(
        (async () => sendAll(await claimAccountEvents(orm.em.fork(), { limit: ids.length, leaseMs, ids })))().catch((error: unknown) => {
          // The events are committed; the drainer delivers them.
          logger.warn('could not deliver account events at once; the drainer will', { error: errorMessage(error) });
        }),
      );
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([work, new Promise<void>((resolve) => (waited = setTimeout(resolve, waitMs)))]);
      clearTimeout(waited);
    },
    drain,
    start(pollMs) {
      if (timer || closed) return;
      const tick = () => {
        drain()
          .catch((error: unknown) => logger.warn('the account-event drainer failed a pass; it tries again', { error: errorMessage(error) }))
          .finally(() => {
            if (!closed) timer = setTimeout(tick, pollMs).unref();
          });
      };
      timer = setTimeout(tick, 0);
      timer.unref();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },
  };
}
