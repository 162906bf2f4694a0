import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

// What the built-in SMTP sink received, so the demo shows the e-mails without a real mail server.
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    receivedAt: p.datetime().onCreate(() => new Date()),
    mailFrom: p.text(),
    rcptTo: p.array(),
    subject: p.text(),
    textBody: p.text(),
    htmlBody: p.text().nullable(),
    raw: p.text(),
    messageId: p.text().nullable(),
  },
});

export type IOutboxMessage = InferEntity<typeof OutboxMessage>;
