import type { ICreditNote, IDispute, IDisputeItem } from '@recoup/db';
import type { DisputeView } from '@recoup/contracts';

export const toDisputeView = (dispute: IDispute, items: IDisputeItem[], creditNotes: ICreditNote[]): DisputeView => ({
  id: dispute.id,
  accountId: dispute.account.id,
  reason: dispute.reason,
  status: dispute.status,
  items: items.map((item) => ({
    invoiceId: item.invoice.id,
    invoiceNumber: item.invoice.number,
    amount: { amountMinor: item.amountMinor.toString(), currency: item.invoice.currency.trim() },
  })),
  openedBy: dispute.openedBy ?? null,
  openedAt: dispute.openedAt.toISOString(),
  resolvedBy: dispute.resolvedBy ?? null,
  resolvedAt: dispute.resolvedAt?.toISOString() ?? null,
  resolutionNote: dispute.resolutionNote ?? null,
  creditNotes: creditNotes.map((note) => ({
    id: note.id,
    invoiceId: note.invoice.id,
    amount: { amountMinor: note.amountMinor.toString(), currency: note.currency.trim() },
  })),
});
