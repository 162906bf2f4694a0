import type { MikroORM } from '@recoup/db';
import { recordAccountChange, type AccountEventOutbox } from '@recoup/workflows';
import type { PortalVisitor } from './portal-visitor.ts';

/** A debtor who opens the portal again within this time is not news to the account's workflow. */
export const PORTAL_VISIT_QUIET_MS = 3_600_000;

/**
 * Tells the account's collection workflow that the debtor opened the portal, through the account-event outbox, so a
 * strategy waiting for the visit wakes even when Temporal is away at that moment. Visits within the quiet time of
 * the last one told are not told again, so a debtor reloading the link does not fill the workflow's history.
 */
export function portalVisitNotifier(orm: MikroORM, accountEvents: AccountEventOutbox): (visitor: PortalVisitor) => Promise<void> {
  return async (visitor) => {
    const eventId = await orm.em.fork().transactional(async (em) => {
      // One visit at a time per account decides whether it is news: the lock serialises two tabs opening at once.
      await em.execute(`select pg_advisory_xact_lock(hashtext('portal-visit:' || ?))`, [visitor.accountId]);
      const [recent] = await em.execute<{ found: boolean }[]>(
        `select exists (select 1 from account_event where account_id = ? and kind = 'portal-visited'
                          and created_at > now() - make_interval(secs => ?::double precision / 1000)) as found`,
        [visitor.accountId, PORTAL_VISIT_QUIET_MS],
      );
      return recent?.found ? null : recordAccountChange(em, visitor.accountId, { kind: 'portal-visited' });
    });
    if (eventId) await accountEvents.deliver([eventId]);
  };
}
