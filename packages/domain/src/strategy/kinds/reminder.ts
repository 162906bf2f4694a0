import { z } from 'zod';
import { REMINDER_CHANNELS } from '../schema-parts.ts';
import { defineKind, NEXT } from './kind.ts';
import { singleAction } from '../step-context.ts';

export const reminderKind = defineKind({
  kind: 'reminder',
  title: 'Reminder',
  schema: z.object({ channel: z.enum(REMINDER_CHANNELS), template: z.string().min(1) }),
  exits: NEXT,
  runs: { contacts: () => true, act: singleAction('send-reminder', (data) => ({ channel: data.channel, template: data.template })) },
});
