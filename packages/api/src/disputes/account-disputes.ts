import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditNote, Dispute, DisputeAttachment, DisputeItem, type IDisputeAttachment } from '@recoup/db';
import type { DisputeView } from '@recoup/contracts';
import { toDisputeView } from './dispute-view.ts';

/** The attachments of some disputes, oldest first, without their bytes (the content column is lazy). */
export const attachmentsOf = async (em: EntityManager, disputeIds: readonly string[]): Promise<IDisputeAttachment[]> =>
  disputeIds.length === 0 ? [] : em.find(DisputeAttachment, { dispute: { $in: [...disputeIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });

/** Every dispute of the account, newest first, with its items, the credit notes an upheld one wrote and its attachments. */
export async function disputeViewsOf(em: EntityManager, accountId: string): Promise<DisputeView[]> {
  const disputes = await em.find(Dispute, { account: accountId }, { orderBy: { openedAt: 'desc', id: 'asc' } });
  if (disputes.length === 0) return [];
  const ids = disputes.map((d) => d.id);
  const items = await em.find(DisputeItem, { dispute: { $in: ids } }, { populate: ['invoice'], orderBy: { id: 'asc' } });
  const notes = await em.find(CreditNote, { dispute: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const attachments = await attachmentsOf(em, ids);
  return disputes.map((d) =>
    toDisputeView(
      d,
      items.filter((i) => i.dispute.id === d.id).sort((a, b) => a.invoice.number.localeCompare(b.invoice.number)),
      notes.filter((n) => n.dispute?.id === d.id),
      attachments.filter((a) => a.dispute.id === d.id),
    ),
  );
}
