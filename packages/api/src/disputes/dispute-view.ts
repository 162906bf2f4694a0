import type { ICreditNote, IDispute, IDisputeAttachment, IDisputeItem } from '@recoup/db';
import type { DisputeAttachmentView, DisputeView } from '@recoup/contracts';

/** What staff see of an attachment: never its bytes, which the attachment route downloads. */
export type DisputeAttachmentSummary = Pick<IDisputeAttachment, 'id' | 'fileName' | 'mediaType' | 'sizeBytes' | 'createdAt'>;

export const toAttachmentView = (attachment: DisputeAttachmentSummary): DisputeAttachmentView => ({
  id: attachment.id,
  fileName: attachment.fileName,
  mediaType: attachment.mediaType,
  sizeBytes: attachment.sizeBytes,
  createdAt: attachment.createdAt.toISOString(),
});

export const toDisputeView = (
  dispute: IDispute,
  items: IDisputeItem[],
  creditNotes: ICreditNote[],
  attachments: readonly DisputeAttachmentSummary[],
): DisputeView => ({
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
  attachments: attachments.map(toAttachmentView),
});
