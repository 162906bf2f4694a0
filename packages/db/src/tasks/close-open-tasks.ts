import type { EntityManager } from '@mikro-orm/postgresql';

/** Why an account's open tasks were closed: how its collection ended. */
export type TaskClosingReason = 'settled' | 'written-off' | 'agency' | 'completed' | 'terminated';

const NOTES: Record<TaskClosingReason, string> = {
  settled: 'Closed: the account was settled.',
  'written-off': 'Closed: the account was written off.',
  agency: 'Closed: the account was handed to a collection agency.',
  completed: "Closed: the account's collection strategy ended.",
  terminated: "Closed: an admin ended the account's collection.",
};

/**
 * Cancels every open task of an account whose collection ended, saying why, so no collector works an account
 * nobody collects any more. Safe to repeat: a second call finds nothing open. Returns the tasks it closed.
 */
export async function closeOpenTasks(em: EntityManager, accountId: string, reason: TaskClosingReason, at: Date): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `update collector_task set status = 'cancelled', completed_at = ?,
            note = case when note is null or note = '' then ? else note || ' ' || ? end
      where account_id = ? and status = 'open'
      returning id`,
    [at, NOTES[reason], NOTES[reason], accountId],
  );
  return rows.map((r) => r.id);
}
