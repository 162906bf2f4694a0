import type { MikroORM } from '@mikro-orm/postgresql';
import type { PdfCreditor } from '@recoup/documents';
import type { ChannelAdapters } from './channels/channel-adapter.ts';
import type { Mailer } from './mailer.ts';

export interface PortalLinkSigning {
  secret: string;
  /** How long a link stays good for, from the moment the message is written. */
  linkDays: number;
}

/** What the activities need from the outside world; built once per worker process. */
export interface ActivityDeps {
  orm: MikroORM;
  mailer: Mailer;
  /**
   * The provider of each reminder channel. E-mail defaults to the mailer; a channel without an adapter has no
   * provider, and its reminders are suppressed and logged as such.
   */
  channels?: ChannelAdapters;
  /** Base URL of the Recoup web app, for links in e-mails (opt-out, account pages). */
  publicUrl: string;
  /**
   * Signs the personal portal link every message to a debtor's contact carries; without it messages go out with
   * no portal link (a worker configured for internal mail only).
   */
  portal?: PortalLinkSigning;
  /**
   * The creditor's name, address and bank details. With them every letter goes to its provider as a PDF letter
   * (letterhead, address window, the template's text, the open items, how to pay); without them, as text only.
   */
  letterhead?: PdfCreditor;
  /** The clock; a parameter so tests can pin it. */
  now?: () => Date;
}
