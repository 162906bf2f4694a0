import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dispute } from './dispute.entity.ts';

/** The largest file a dispute may carry, in bytes (10 MiB); the table's check constraint holds the same number. */
export const DISPUTE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The longest stored file name, in UTF-16 code units as JavaScript counts them. */
export const DISPUTE_ATTACHMENT_NAME_MAX = 200;
/** What a dispute may carry, as its bytes show it: a PDF, a PNG or a JPEG. */
export const DISPUTE_ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DisputeAttachmentMediaType = (typeof DISPUTE_ATTACHMENT_MEDIA_TYPES)[number];

// A file the debtor sent with a dispute (a delivery note, a photo of damaged goods), kept as it arrived. The bytes
// are lazy: lists read the name, type and size only.
export const DisputeAttachment = defineEntity({
  name: 'DisputeAttachment',
  tableName: 'dispute_attachment',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    dispute: () => p.manyToOne(Dispute),
    fileName: p.text(),
    mediaType: p.enum(DISPUTE_ATTACHMENT_MEDIA_TYPES),
    sizeBytes: p.integer(),
    /** Lower-case hex SHA-256 of content. */
    sha256: p.text(),
    content: p.blob().lazy(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IDisputeAttachment = InferEntity<typeof DisputeAttachment>;
