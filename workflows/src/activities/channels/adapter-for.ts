import type { ReminderChannel } from '@recoup/domain';
import type { ActivityDeps } from '../deps.ts';
import type { ChannelAdapter } from './channel-adapter.ts';
import { createEmailAdapter } from './email.adapter.ts';

/** The adapter that sends on `channel`, or null when this worker has no provider for it. */
export function adapterFor(deps: Pick<ActivityDeps, 'channels' | 'mailer'>, channel: ReminderChannel): ChannelAdapter | null {
  return deps.channels?.[channel] ?? (channel === 'email' ? createEmailAdapter(deps.mailer) : null);
}
