import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable Message-ID derived from the idempotency key, so a resend could be recognised downstream. */
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** SMTP over nodemailer: SMTP_URL (smtp://, smtps://, with credentials) and a From address. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  // Well inside the reminder activity's 20 s: a silent server fails the send, in doubt once the message was on its way.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 12_000 });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
        ...(mail.attachments?.length ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
      });
      return { messageId: String(info.messageId ?? mail.messageId) };
    },
    close() {
      transport.close();
    },
  };
}
