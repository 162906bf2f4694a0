import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { OutboxMessage } from '@recoup/db';
import type { Logger } from '../http/logger.ts';
import { silentLogger } from '../http/logger.ts';
import { errorMessage } from '@recoup/domain';

// The built-in SMTP sink: a real SMTP server on loopback that keeps every message in outbox_message, so the demo
// sends real mail without an outside mail service and the outbox page shows what debtors would have received.

export const MAIL_SINK_MAX_BYTES = 10 * 1024 * 1024;

export interface MailSinkOptions {
  orm: MikroORM;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Listens on any free port when `port` is taken (the URL says which). */
  anyPortIfTaken?: boolean;
  maxBytes?: number;
  logger?: Logger;
}

export interface MailSink {
  port: number;
  url: string;
  close(): Promise<void>;
}

class MessageTooLargeError extends Error {
  readonly responseCode = 552;
}

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export const startMailSink = async (options: MailSinkOptions): Promise<MailSink> => {
  const logger = options.logger ?? silentLogger;
  const maxBytes = options.maxBytes ?? MAIL_SINK_MAX_BYTES;

  const store = async (stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> => {
    const raw = await readAll(stream);
    if (stream.sizeExceeded) throw new MessageTooLargeError(`Message exceeds the ${maxBytes} byte limit`);
    const parsed = await simpleParser(raw);
    const em = options.orm.em.fork();
    em.persist(
      em.create(OutboxMessage, {
        id: randomUUID(),
        receivedAt: new Date(),
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        subject: parsed.subject ?? '',
        textBody: parsed.text ?? '',
        htmlBody: parsed.html === false ? null : parsed.html,
        raw: raw.toString('utf8'),
        messageId: parsed.messageId ?? null,
      }),
    );
    await em.flush();
  };

  const server = new SMTPServer({
    name: 'recoup-mail-sink',
    banner: 'Recoup mail sink: messages are stored, never delivered',
    authOptional: true,
    // Loopback only, so neither TLS nor authentication adds anything here.
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: maxBytes,
    logger: false,
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      store(stream, session).then(
        () => callback(),
        (error: unknown) => {
          logger.error('mail sink could not store a message', { error: errorMessage(error) });
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });

  // The SMTP server repeats its socket's errors as its own event, which would throw without a listener; a failed
  // bind is answered below, and a later failure of one connection only logged.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') logger.error('mail sink error', { error: error.message });
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, options.host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(options.port);
  } catch (error) {
    // Bound, not probed first: a port found free and then released can be taken before the sink binds it.
    if (!options.anyPortIfTaken || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(0);
  }
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://${options.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
