import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxMessage } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// Searching the outbox (what the built-in SMTP sink received) by recipient and subject, on real PostgreSQL. The
// sink's own SMTP path is tested in mail-sink.test.ts.

let h: Harness;
let manager: LoggedIn;

interface ListBody {
  items: { id: string; subject: string; rcptTo: string[] }[];
  total: number;
}

const message = (rcptTo: string[], subject: string, minutesAgo: number) => ({
  receivedAt: new Date(Date.now() - minutesAgo * 60_000),
  mailFrom: 'collections@recoup.test',
  rcptTo,
  subject,
  textBody: `Hello, about: ${subject}`,
  raw: `Subject: ${subject}\r\nTo: ${rcptTo.join(', ')}\r\n\r\nHello`,
  messageId: null,
});

beforeAll(async () => {
  h = await createHarness();
  const em = h.db.orm.em.fork();
  em.create(OutboxMessage, message(['hanna@harbour.example'], 'Invoice INV-1 is overdue', 4));
  em.create(OutboxMessage, message(['nils@nordlicht.example', 'ar@Harbour.example'], 'Your invoice INV-2 is due today', 3));
  em.create(OutboxMessage, message(['cora@cedar.example'], 'Final notice: 100% of INV-3 is overdue', 2));
  em.create(OutboxMessage, message(['dan_d@cedar.example'], 'Reminder for INV_4', 1));
  await em.flush();
  manager = await h.login('manager');
});
afterAll(async () => {
  await h?.close();
});

const search = async (query: string): Promise<ListBody> => {
  const response = await manager.agent.get(`/api/outbox?${query}`);
  expect({ query, status: response.status }).toEqual({ query, status: 200 });
  return response.body as ListBody;
};
const subjects = (body: ListBody) => body.items.map((item) => item.subject);

describe('GET /api/outbox with a search', () => {
  it('lists every message newest first without one', async () => {
    const body = await search('');
    expect(body.total).toBe(4);
    expect(subjects(body)).toEqual(['Reminder for INV_4', 'Final notice: 100% of INV-3 is overdue', 'Your invoice INV-2 is due today', 'Invoice INV-1 is overdue']);
  });

  it.each([
    ['part of one recipient, ignoring case', 'recipient=HARBOUR', ['Your invoice INV-2 is due today', 'Invoice INV-1 is overdue']],
    ['a whole recipient address', 'recipient=cora%40cedar.example', ['Final notice: 100% of INV-3 is overdue']],
    ['part of the subject, ignoring case', 'subject=OVERDUE', ['Final notice: 100% of INV-3 is overdue', 'Invoice INV-1 is overdue']],
    ['recipient and subject together', 'recipient=harbour&subject=due%20today', ['Your invoice INV-2 is due today']],
    ['a % in the subject as itself', 'subject=100%25', ['Final notice: 100% of INV-3 is overdue']],
    ['an _ in the recipient as itself', 'recipient=n_d', ['Reminder for INV_4']],
    ['nothing that matches', 'subject=payment%20plan', []],
  ])('finds the messages by %s', async (_what, query, expected) => {
    const body = await search(query);
    expect(subjects(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it('counts all matches while paging through them', async () => {
    const body = await search('subject=inv&limit=2&offset=2');
    expect(body.total).toBe(4);
    expect(subjects(body)).toEqual(['Your invoice INV-2 is due today', 'Invoice INV-1 is overdue']);
  });

  it('refuses a search longer than any address or subject with 400 naming the field', async () => {
    const response = await manager.agent.get(`/api/outbox?recipient=${'a'.repeat(321)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toEqual([expect.objectContaining({ in: 'query', path: 'recipient' })]);
  });

  it('answers 403 to a collector', async () => {
    const collector = await h.login('collector1');
    expect((await collector.agent.get('/api/outbox?subject=inv')).status).toBe(403);
  });
});
