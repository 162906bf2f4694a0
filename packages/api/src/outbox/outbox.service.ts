import { raw, type FilterQuery } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxMessage, type IOutboxMessage } from '@recoup/db';
import type { OutboxListQuery, OutboxMessageSummary, OutboxMessageView, Page } from '@recoup/contracts';
import { NotFoundError } from '../errors.ts';
import { containsPattern } from '../shared/like-pattern.ts';

const summary = (m: Pick<IOutboxMessage, 'id' | 'receivedAt' | 'mailFrom' | 'rcptTo' | 'subject' | 'messageId'>): OutboxMessageSummary => ({
  id: m.id,
  receivedAt: m.receivedAt.toISOString(),
  mailFrom: m.mailFrom,
  rcptTo: [...m.rcptTo],
  subject: m.subject,
  messageId: m.messageId ?? null,
});

/** A message matches a recipient search when any one of its recipients contains the text. */
const searchFilter = (query: OutboxListQuery): FilterQuery<IOutboxMessage> => {
  const conditions: FilterQuery<IOutboxMessage>[] = [];
  if (query.recipient) {
    const pattern = containsPattern(query.recipient);
    conditions.push({
      [raw((alias: string) => `exists (select 1 from unnest(${alias}."rcpt_to") as "recipient" where "recipient" ilike ?)`, [pattern])]: [],
    } as FilterQuery<IOutboxMessage>);
  }
  if (query.subject) conditions.push({ subject: { $ilike: containsPattern(query.subject) } });
  return conditions.length > 0 ? { $and: conditions } : {};
};

/** What the built-in SMTP sink received: the demo's stand-in for real inboxes. */
export class OutboxService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async list(query: OutboxListQuery): Promise<Page<OutboxMessageSummary>> {
    const [messages, total] = await this.#orm.em.fork().findAndCount(OutboxMessage, searchFilter(query), {
      orderBy: { receivedAt: 'desc', id: 'desc' },
      limit: query.limit,
      offset: query.offset,
      fields: ['id', 'receivedAt', 'mailFrom', 'rcptTo', 'subject', 'messageId'],
    });
    return { items: messages.map(summary), total, limit: query.limit, offset: query.offset };
  }

  async message(id: string): Promise<OutboxMessageView> {
    const message = await this.#orm.em.fork().findOne(OutboxMessage, { id });
    if (!message) throw new NotFoundError('message');
    return { ...summary(message), textBody: message.textBody, htmlBody: message.htmlBody ?? null, raw: message.raw };
  }
}
