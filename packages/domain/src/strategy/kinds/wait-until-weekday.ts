import { z } from 'zod';
import { DAY_MS, decide, emit, follow, HOUR_MS, nameOf } from '../step-context.ts';
import { defineKind, NEXT } from './kind.ts';

/** The days of the week, Monday first, as a manager picks them. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const schema = z.object({
  /** The days it waits for; the run goes on at the first of them to come. */
  weekdays: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  /** The hour of that day, in UTC, at which the wait ends. */
  hourUtc: z.number().int().min(0).max(23).default(9),
});

/** The first moment after `now` that is one of the weekdays at the hour (UTC), in epoch ms. */
export function nextWeekdayAt(now: number, weekdays: readonly Weekday[], hourUtc: number): number {
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  for (let day = 0; day <= 7; day++) {
    const at = midnight + day * DAY_MS + hourUtc * HOUR_MS;
    // getUTCDay counts from Sunday; WEEKDAYS from Monday.
    const weekday = WEEKDAYS[(new Date(at).getUTCDay() + 6) % 7];
    if (at > now && weekday !== undefined && weekdays.includes(weekday)) return at;
  }
  throw new Error('No weekday was chosen.');
}

export const waitUntilWeekdayKind = defineKind({
  kind: 'wait-until-weekday',
  title: 'Wait until weekday',
  schema,
  exits: NEXT,
  // Each pass waits for a later day than the one before, so a loop through it cannot spin.
  pausesLoops: () => true,
  runs: {
    enter: (ctx, node) => {
      const until = new Date(nextWeekdayAt(ctx.now, node.data.weekdays, node.data.hourUtc)).toISOString();
      ctx.state.awaiting = { kind: 'timer', until };
      emit(ctx, 'wait-until', node.id, { until });
      decide(ctx, node.id, 'wait', `${nameOf(node)} waits until ${until}.`);
      return undefined;
    },
    timerOver: (ctx, node) => follow(ctx, node, 'next'),
  },
});
