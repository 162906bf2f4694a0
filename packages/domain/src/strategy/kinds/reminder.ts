import { z } from 'zod';
import { REMINDER_CHANNELS } from '../schema-parts.ts';
import { defineKind, NEXT } from './kind.ts';
import { emit } from '../step-context.ts';

export const reminderKind = defineKind({
  kind: 'reminder',
  title: 'Reminder',
  schema: z.object({ channel: z.enum(REMINDER_CHANNELS), template: z.string().min(1) }),
  exits: NEXT,
  runs: {
    contacts: () => true,
    act: (ctx, node, key) => {
      ctx.state.awaiting = { kind: 'action' };
      emit(ctx, 'send-reminder', node.id, { channel: node.data.channel, template: node.data.template }, key);
      return undefined;
    },
  },
});
