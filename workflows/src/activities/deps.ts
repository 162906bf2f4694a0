import type { MikroORM } from '@mikro-orm/postgresql';
import type { ChannelAdapters } from './channels/channel-adapter.ts';
import type { Mailer } from './mailer.ts';

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
  /** The clock; a parameter so tests can pin it. */
  now?: () => Date;
}
