import { Router } from 'express';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxMessage, type IOutboxMessage } from '@recoup/db';
import {
  idParamsSchema,
  outboxListQuerySchema,
  type OutboxListQuery,
  type OutboxMessageSummary,
  type OutboxMessageView,
  type Page,
} from '@recoup/contracts';
import { requireRole } from '../auth/require-auth.ts';
import { NotFoundError } from '../http/errors.ts';
import { parseParams, parseQuery } from '../http/validate.ts';
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
export const outboxRoutes = (orm: MikroORM): Router => {
  const router = Router();
  router.use(requireRole('admin', 'manager'));

  router.get('/', async (req, res) => {
    const query = parseQuery(outboxListQuerySchema, req);
    const [messages, total] = await orm.em.fork().findAndCount(
      OutboxMessage,
      searchFilter(query),
      {
        orderBy: { receivedAt: 'desc', id: 'desc' },
        limit: query.limit,
        offset: query.offset,
        fields: ['id', 'receivedAt', 'mailFrom', 'rcptTo', 'subject', 'messageId'],
      },
    );
    const page: Page<OutboxMessageSummary> = { items: messages.map(summary), total, limit: query.limit, offset: query.offset };
    res.json(page);
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    const message = await orm.em.fork().findOne(OutboxMessage, { id });
    if (!message) throw new NotFoundError('message');
    const view: OutboxMessageView = {
      ...summary(message),
      textBody: message.textBody,
      htmlBody: message.htmlBody ?? null,
      raw: message.raw,
    };
    res.json(view);
  });

  return router;
};
