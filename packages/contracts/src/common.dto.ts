import { z } from 'zod';
import { dateRangeProblem, eventInstantProblem, instantRangeProblem } from './input-bounds.ts';

export const uuidSchema = z.uuid({ message: 'must be a UUID' });

export const idParamsSchema = z.object({ id: uuidSchema });
export type IdParams = z.infer<typeof idParamsSchema>;

/** Query-string paging. Values arrive as strings, so they are coerced. */
export const pagingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PagingQuery = z.infer<typeof pagingQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().min(0), limit: z.number().int(), offset: z.number().int() });

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A calendar date as YYYY-MM-DD that really exists (no 2024-02-30). */
export const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, because Date.UTC reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A calendar date within EARLIEST_DATE..LATEST_DATE. */
export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'must be a calendar date written YYYY-MM-DD', abort: true })
  .superRefine((value, ctx) => {
    const problem = dateRangeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

// Each answer is remembered: asking Intl means building a DateTimeFormat, about 50 µs and memory outside the
// JavaScript heap that is freed only when the collector gets to it. A 150,000-row import asking once per row spent
// most of its parse there and grew the process by a gigabyte; its rows name a handful of zones. The memory is
// bounded: past TIME_ZONES_REMEMBERED distinct values (a file of made-up names) the rest are asked afresh.
const TIME_ZONES_REMEMBERED = 10_000;
const knownTimeZones = new Map<string, boolean>();

/** IANA time zone names as the runtime's Intl knows them. */
export const isTimeZone = (value: string): boolean => {
  if (value.trim() === '') return false;
  const known = knownTimeZones.get(value);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownTimeZones.size < TIME_ZONES_REMEMBERED) knownTimeZones.set(value, valid);
  return valid;
};

export const timeZoneSchema = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });

/** ISO-8601 date-time with an offset or Z, within EARLIEST_DATE..LATEST_DATE. */
export const dateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time', abort: true }).superRefine((value, ctx) => {
  const problem = instantRangeProblem(Date.parse(value));
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * When something already happened (a payment was received, a call was placed): a date-time in the range, and
 * at most EVENT_FUTURE_TOLERANCE_DAYS ahead of the clock when the request is read.
 */
export const eventTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time', abort: true }).superRefine((value, ctx) => {
  const problem = eventInstantProblem(Date.parse(value), Date.now());
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One problem with one field, as the API reports validation failures. */
export const fieldProblemSchema = z.object({ path: z.string(), reason: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;
