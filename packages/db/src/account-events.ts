import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountEventKind } from './entities/account-event.entity.ts';
import type { JsonObject } from './entities/json.ts';

// The SQL of the account-event outbox (see the entity). A drainer claims due rows by leasing them: the claim moves
// the row's next attempt past the lease, so no other drainer takes it meanwhile, and a drainer that dies holding
// rows only delays them by the lease. Nothing is held locked while a signal is in flight.

export interface AccountEventToRecord {
  accountId: string;
  kind: AccountEventKind;
  payload?: JsonObject;
}

export interface ClaimedAccountEvent {
  id: string;
  accountId: string;
  kind: AccountEventKind;
  payload: JsonObject;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** Records the event in the caller's transaction, so it commits, or not, with the change it reports. */
export async function recordAccountEvent(em: EntityManager, event: AccountEventToRecord): Promise<string> {
  const [row] = await em.execute<{ id: string }[]>(`insert into account_event (account_id, kind, payload) values (?, ?, ?::jsonb) returning id`, [
    event.accountId,
    event.kind,
    JSON.stringify(event.payload ?? {}),
  ]);
  if (!row) throw new Error('The account event was not recorded.');
  return row.id;
}

interface EventRow {
  id: string;
  account_id: string;
  kind: AccountEventKind;
  payload: JsonObject;
  attempts: number;
  created_at: Date;
}

/**
 * Leases up to `limit` unsent, due events, oldest first: all due ones, or only those of `ids` (the events a request
 * has just committed, delivered at once). Rows another drainer holds are skipped, not waited for.
 */
export async function claimAccountEvents(
  em: EntityManager,
  options: { limit: number; leaseMs: number; ids?: readonly string[] },
): Promise<ClaimedAccountEvent[]> {
  const onlyIds = options.ids !== undefined;
  const rows = await em.execute<EventRow[]>(
    `update account_event e
        set next_attempt_at = now() + make_interval(secs => ?::double precision / 1000), attempts = e.attempts + 1
      where e.id in (select id from account_event
                      where sent_at is null and next_attempt_at <= now() ${onlyIds ? 'and id = any(?::uuid[])' : ''}
                      order by created_at limit ? for update skip locked)
      returning e.id, e.account_id, e.kind, e.payload, e.attempts, e.created_at`,
    [options.leaseMs, ...(onlyIds ? [`{${(options.ids ?? []).join(',')}}`] : []), options.limit],
  );
  return rows
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
    .map((r) => ({ id: r.id, accountId: r.account_id, kind: r.kind, payload: r.payload, attempts: Number(r.attempts) }));
}

export async function markAccountEventsSent(em: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await em.execute(`update account_event set sent_at = now(), last_error = null where id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
}

/** A failed attempt: the event waits `delayMs`, and keeps what went wrong for the admin to read. */
export async function retryAccountEventLater(em: EntityManager, id: string, error: string, delayMs: number): Promise<void> {
  await em.execute(`update account_event set next_attempt_at = now() + make_interval(secs => ?::double precision / 1000), last_error = ? where id = ?`, [
    delayMs,
    error.slice(0, 2_000),
    id,
  ]);
}

/** Deletes events sent longer ago than `olderThanMs`; answers how many. */
export async function pruneSentAccountEvents(em: EntityManager, olderThanMs: number): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `delete from account_event where sent_at < now() - make_interval(secs => ?::double precision / 1000) returning id`,
    [olderThanMs],
  );
  return rows.length;
}
