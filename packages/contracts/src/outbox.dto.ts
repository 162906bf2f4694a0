import { z } from 'zod';
import { pagingQuerySchema } from './common.dto.ts';

const searchText = (max: number) => z.string().trim().max(max).optional();

/** The outbox newest first; `recipient` and `subject` each match any part of it, ignoring case. */
export const outboxListQuerySchema = pagingQuerySchema.extend({
  recipient: searchText(320),
  subject: searchText(500),
});
export type OutboxListQuery = z.infer<typeof outboxListQuerySchema>;

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
