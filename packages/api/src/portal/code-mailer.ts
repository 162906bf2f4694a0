import nodemailer from 'nodemailer';

export interface CodeMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends the portal's own mail (one-time codes). Reminders go through the worker; this is the API's only mail. */
export interface PortalMailer {
  send(mail: CodeMail): Promise<void>;
  close(): void;
}

export const createPortalMailer = (smtpUrl: string, from: string): PortalMailer => {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
};
