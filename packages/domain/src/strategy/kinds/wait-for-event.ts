import { z } from 'zod';
import { WAIT_EVENTS } from '../schema-parts.ts';
import { defineKind, distinct } from './kind.ts';
import { DAY_MS, decide, emit, HOUR_MS, nameOf } from '../step-context.ts';

export const waitForEventKind = defineKind({
  kind: 'wait-for-event',
  title: 'Wait for event',
  schema: z.object({
    events: z.array(z.enum(WAIT_EVENTS)).min(1),
    timeoutDays: z.number().int().min(0).max(365).default(7),
    timeoutHours: z.number().int().min(0).max(23).default(0),
  }),
  // One exit per event it wakes on, and 'timeout' when none arrives in time.
  exits: (data) => [...distinct(data.events ?? []).map((handle) => ({ handle, role: 'event' as const })), { handle: 'timeout', role: 'timeout' }],
  pausesLoops: (data) => data === undefined || data.timeoutDays + data.timeoutHours > 0,
  runs: {
    enter: (ctx, node) => {
      const until = new Date(ctx.now + node.data.timeoutDays * DAY_MS + node.data.timeoutHours * HOUR_MS).toISOString();
      ctx.state.awaiting = { kind: 'event', events: [...node.data.events], until };
      emit(ctx, 'wait-until', node.id, { until });
      decide(ctx, node.id, 'wait', `${nameOf(node)} waits for ${node.data.events.join(', ')} until ${until}.`);
      return undefined;
    },
  },
});
