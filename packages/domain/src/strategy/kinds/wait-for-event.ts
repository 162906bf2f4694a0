import { z } from 'zod';
import { WAIT_EVENTS } from '../schema-parts.ts';
import { defineKind, distinct } from './kind.ts';

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
});
