import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nodemailer from 'nodemailer';
import { OutboxMessage } from '@recoup/db';
import { startMailSink, type MailSink } from '../src/mail-sink/mail-sink.ts';
import { createHarness, type Harness } from './support/harness.ts';

let h: Harness;
let sink: MailSink;
beforeAll(async () => {
  h = await createHarness();
  sink = await startMailSink({ orm: h.db.orm, host: '127.0.0.1', port: 0, maxBytes: 64 * 1024 });
});
afterAll(async () => {
  await sink.close();
  await h.close();
});

const transport = () => nodemailer.createTransport({ url: sink.url, ignoreTLS: true } as never);

describe('mail sink', () => {
  it('stores every message it receives over real SMTP and shows it in the outbox', async () => {
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    const info = await transport().sendMail({
      from: 'Recoup <collections@recoup.test>',
      to: ['debtor@example.test', 'copy@example.test'],
      subject: 'Your invoice A-1 is overdue',
      text: 'Please pay 12.34 EUR.',
      html: '<p>Please pay <b>12.34 EUR</b>.</p>',
    });
    expect(info.accepted).toHaveLength(2);

    const stored = await h.db.orm.em.fork().find(OutboxMessage, {});
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      mailFrom: 'collections@recoup.test',
      rcptTo: ['debtor@example.test', 'copy@example.test'],
      subject: 'Your invoice A-1 is overdue',
      messageId: info.messageId,
    });
    expect(stored[0]?.textBody.trim()).toBe('Please pay 12.34 EUR.');
    expect(stored[0]?.htmlBody).toContain('<b>12.34 EUR</b>');
    expect(stored[0]?.raw).toContain('Subject: Your invoice A-1 is overdue');

    const manager = await h.login('manager');
    const list = await manager.agent.get('/api/outbox');
    expect(list.body).toMatchObject({ total: 1, items: [{ subject: 'Your invoice A-1 is overdue' }] });
    const one = await manager.agent.get(`/api/outbox/${list.body.items[0].id}`);
    expect(one.body.textBody.trim()).toBe('Please pay 12.34 EUR.');
    const collector = await h.login('collector1');
    expect((await collector.agent.get('/api/outbox')).status).toBe(403);
  });

  it('refuses a message above the size limit and stores nothing', async () => {
    const before = await h.db.orm.em.fork().count(OutboxMessage, {});
    await expect(
      transport().sendMail({ from: 'a@b.test', to: 'c@d.test', subject: 'big', text: 'x'.repeat(200 * 1024) }),
    ).rejects.toThrow(/552|size/i);
    expect(await h.db.orm.em.fork().count(OutboxMessage, {})).toBe(before);
  });

  it('listens on another port when the one asked for is taken, and refuses to without being told it may', async () => {
    const taken = Number(new URL(sink.url).port);
    await expect(startMailSink({ orm: h.db.orm, host: '127.0.0.1', port: taken })).rejects.toThrow(/EADDRINUSE/);
    const beside = await startMailSink({ orm: h.db.orm, host: '127.0.0.1', port: taken, anyPortIfTaken: true });
    try {
      expect(beside.port).not.toBe(taken);
      expect(beside.url).toBe(`smtp://127.0.0.1:${beside.port}`);
      await nodemailer.createTransport({ url: beside.url, ignoreTLS: true } as never).sendMail({ from: 'a@b.test', to: 'c@d.test', subject: 'beside', text: 'hello' });
      expect(await h.db.orm.em.fork().count(OutboxMessage, { subject: 'beside' })).toBe(1);
    } finally {
      await beside.close();
    }
  });
});
