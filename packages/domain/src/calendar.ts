import { DomainError } from './errors.ts';

export class InvalidDateError extends DomainError {
  constructor(value: unknown, why: string) {
    super('invalid-date', `"${String(value)}" is not a valid date: ${why}.`);
  }
}

export class InvalidTimeZoneError extends DomainError {
  readonly timeZone: string;

  constructor(timeZone: string) {
    super('invalid-time-zone', `"${timeZone}" is not a known IANA time zone.`);
    this.timeZone = timeZone;
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date, so that day arithmetic is plain integer subtraction. */
function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Parses a strict 'YYYY-MM-DD' calendar date (no time, no zone) and returns its epoch day. */
export function parseCalendarDate(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new InvalidDateError(value, 'expected YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new InvalidDateError(value, 'no such day in the calendar');
  }
  return epochDay(year, month, day);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        calendar: 'gregory',
        numberingSystem: 'latn',
      });
    } catch {
      throw new InvalidTimeZoneError(timeZone);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The epoch day of the calendar date an instant falls on in a time zone. */
export function calendarDayOf(instant: Date, timeZone = 'UTC'): number {
  if (Number.isNaN(instant.getTime())) throw new InvalidDateError(instant, 'the Date is invalid');
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  // formatToParts reports BCE years as positive with an era; collections data never goes there.
  return epochDay(part('year'), part('month'), part('day'));
}

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the wall clock of a time zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        calendar: 'gregory',
        numberingSystem: 'latn',
      });
    } catch {
      throw new InvalidTimeZoneError(timeZone);
    }
    wallClockFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which a time zone's wall clock shows `hour:minute` on a calendar date. A wall time that a DST
 * change skips resolves to the same offset as just before the gap (02:30 on a spring-forward night becomes 03:30).
 */
export function zonedWallTime(date: string, hour: number, minute: number, timeZone: string): Date {
  const day = parseCalendarDate(date);
  const asUtc = day * DAY_MS + (hour * 60 + minute) * 60_000;
  // Two passes: the first offset guess can sit on the other side of a DST change.
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(offsetAt(second, timeZone) === offsetAt(first, timeZone) ? second : Math.max(first, second));
}

/** The calendar date ('YYYY-MM-DD') and minutes past midnight that a time zone's wall clock shows at an instant. */
export function wallClockAt(instant: Date, timeZone: string): { date: string; minutes: number } {
  const local = instant.getTime() + offsetAt(instant.getTime(), timeZone);
  const wall = new Date(local);
  return { date: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/** The calendar date after a 'YYYY-MM-DD' date. */
export function nextCalendarDate(date: string): string {
  return addCalendarDays(date, 1);
}

/** The calendar date `days` days after (or before, when negative) a 'YYYY-MM-DD' date. */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new InvalidDateError(days, 'a number of days must be a whole number');
  return new Date((parseCalendarDate(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one 'YYYY-MM-DD' date to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return parseCalendarDate(to) - parseCalendarDate(from);
}
