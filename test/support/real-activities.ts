import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startMailSink, type MailSink } from '@recoup/api';
import { Template } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { DEFAULT_TEMPLATES } from '@recoup/domain';
import { createSmtpMailer, type Mailer } from '@recoup/workflows/worker';
import { createTimeSkippingEnv } from '../../workflows/test/temporal-test-env.ts';

/** What a test of the real activities inside the real workflow needs: PostgreSQL, an SMTP server, Temporal. */
export interface RealActivitiesFixture {
  db: TestDatabase;
  sink: MailSink;
  mailer: Mailer;
  env: TestWorkflowEnvironment;
  close(): Promise<void>;
}

/** A fresh database with the built-in e-mail templates, the SMTP sink on loopback and a time-skipping server. */
export async function startRealActivitiesFixture(): Promise<RealActivitiesFixture> {
  const db = await createTestDatabase();
  const sink = await startMailSink({ orm: db.orm, host: '127.0.0.1', port: 0 });
  const mailer = createSmtpMailer(sink.url, 'Recoup <collections@recoup.test>');
  const env = await createTimeSkippingEnv();
  const em = db.orm.em.fork();
  for (const t of DEFAULT_TEMPLATES) {
    em.create(Template, { key: t.key, channel: 'email', name: t.name, subject: t.subject, bodyText: t.body_text, smsText: t.sms_text, attachLetter: t.attach_letter });
  }
  await em.flush();
  return {
    db,
    sink,
    mailer,
    env,
    async close() {
      await env.teardown();
      mailer.close();
      await sink.close();
      await db.drop();
    },
  };
}
