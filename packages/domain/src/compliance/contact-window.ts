import { nextCalendarDate, wallClockAt, zonedWallTime } from '../calendar.ts';

/**
 * The hours at which a debtor may be contacted, on the debtor's own wall clock. Reg F (12 CFR 1006.6(b)(1)(i))
 * presumes any time before 08:00 or after 21:00 at the consumer's location inconvenient.
 */
export interface ContactWindow {
  /** First allowed minute after local midnight (480 = 08:00). */
  startMinutes: number;
  /** First minute no longer allowed (1260 = 21:00). */
  endMinutes: number;
}

export const REG_F_CONTACT_WINDOW: ContactWindow = { startMinutes: 8 * 60, endMinutes: 21 * 60 };

export type ContactTimeCheck =
  | { allowed: true }
  | { allowed: false; nextAllowedAt: Date; reason: string };

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Whether a debtor may be contacted at `now`, and if not, the next moment they may. Computed on the debtor's
 * wall clock, so it holds across daylight-saving changes.
 */
export function checkContactTime(now: Date, timeZone: string, window: ContactWindow = REG_F_CONTACT_WINDOW): ContactTimeCheck {
  const { date, minutes } = wallClockAt(now, timeZone);
  if (minutes >= window.startMinutes && minutes < window.endMinutes) return { allowed: true };
  const day = minutes < window.startMinutes ? date : nextCalendarDate(date);
  const nextAllowedAt = zonedWallTime(day, Math.floor(window.startMinutes / 60), window.startMinutes % 60, timeZone);
  return {
    allowed: false,
    nextAllowedAt,
    reason: `It is ${hhmm(minutes)} in ${timeZone}, outside the contact hours ${hhmm(window.startMinutes)}–${hhmm(window.endMinutes)}.`,
  };
}
