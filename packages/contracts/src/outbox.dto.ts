import { z } from 'zod';

export const outboxMessageSummarySchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  mailFrom: z.string().nullable(),
  rcptTo: z.array(z.string()),
  subject: z.string().nullable(),
  messageId: z.string().nullable(),
});
export type OutboxMessageSummary = z.infer<typeof outboxMessageSummarySchema>;

export const outboxMessageViewSchema = outboxMessageSummarySchema.extend({
  textBody: z.string().nullable(),
  htmlBody: z.string().nullable(),
  raw: z.string(),
});
export type OutboxMessageView = z.infer<typeof outboxMessageViewSchema>;
