import { outboxMessageSummarySchema, outboxMessageViewSchema, pageOf, type OutboxMessageSummary, type OutboxMessageView, type Page } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

// What the built-in SMTP sink received (admins and managers).

export interface OutboxSearch {
  recipient: string;
  subject: string;
}

export const NO_OUTBOX_SEARCH: OutboxSearch = { recipient: '', subject: '' };

export const OUTBOX_PAGE_SIZE = 25;

const pageSchema = pageOf(outboxMessageSummarySchema);

export async function listOutbox(api: ApiClient, search: OutboxSearch, offset: number, signal?: AbortSignal): Promise<Page<OutboxMessageSummary>> {
  const query = new URLSearchParams({ limit: String(OUTBOX_PAGE_SIZE), offset: String(offset) });
  if (search.recipient.trim()) query.set('recipient', search.recipient.trim());
  if (search.subject.trim()) query.set('subject', search.subject.trim());
  const parsed = pageSchema.safeParse(await api.get<unknown>(`/api/outbox?${query.toString()}`, signal));
  if (!parsed.success) throw unexpected('an outbox page');
  return parsed.data;
}

export async function getOutboxMessage(api: ApiClient, id: string, signal?: AbortSignal): Promise<OutboxMessageView> {
  const parsed = outboxMessageViewSchema.safeParse(await api.get<unknown>(`/api/outbox/${encodeURIComponent(id)}`, signal));
  if (!parsed.success) throw unexpected('a message');
  return parsed.data;
}

/** The header block of a raw message: everything before the first empty line. */
export function rawHeaders(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  return (end === -1 ? raw : raw.slice(0, end)).replace(/\r\n/g, '\n');
}
