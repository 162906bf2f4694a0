import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditNote, Dispute, DisputeItem } from '@recoup/db';
import type { DisputeView } from '@recoup/contracts';
import { toDisputeView } from './dispute-view.ts';

/** Every dispute of the account, newest first, with its items and the credit notes an upheld one wrote. */
export async function disputeViewsOf(em: EntityManager, accountId: string): Promise<DisputeView[]> {
  const disputes = await em.find(Dispute, { account: accountId }, { orderBy: { openedAt: 'desc', id: 'asc' } });
  if (disputes.length === 0) return [];
  const ids = disputes.map((d) => d.id);
  const items = await em.find(DisputeItem, { dispute: { $in: ids } }, { populate: ['invoice'], orderBy: { id: 'asc' } });
  const notes = await em.find(CreditNote, { dispute: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return disputes.map((d) =>
    toDisputeView(
      d,
      items.filter((i) => i.dispute.id === d.id).sort((a, b) => a.invoice.number.localeCompare(b.invoice.number)),
      notes.filter((n) => n.dispute?.id === d.id),
    ),
  );
}
