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

export type ZonesTimeCheck =
  | { allowed: true }
  /** `nextAllowedAt` is null when the zones share no allowed minute in the coming days. */
  | { allowed: false; nextAllowedAt: Date | null; reason: string; zones: string[] };

/** How far ahead a common allowed moment of several zones is looked for: past a week, there is none. */
const COMMON_WINDOW_HORIZON_MS = 8 * 86_400_000;

/**
 * Whether a debtor who may be in any of `timeZones` may be contacted at `now`: only when it is inside the contact
 * hours in every one of them (Reg F 1006.6(b)(1)(i) where the location is unknown or ambiguous). If not, the first
 * moment it is, found by moving to the next opening of a zone that is closed until all are open together.
 */
export function checkContactTimeInZones(
  now: Date,
  timeZones: readonly string[],
  window: ContactWindow = REG_F_CONTACT_WINDOW,
): ZonesTimeCheck {
  const zones = [...new Set(timeZones)];
  const closed = zones
    .map((zone) => ({ zone, check: checkContactTime(now, zone, window) }))
    .filter((z): z is { zone: string; check: Extract<ContactTimeCheck, { allowed: false }> } => !z.check.allowed);
  if (closed.length === 0) return { allowed: true };
  const all = zones.length > 1 ? ` Contact is allowed only when it is ${hhmm(window.startMinutes)}–${hhmm(window.endMinutes)} in all of ${zones.join(', ')}.` : '';
  const reason = `${closed.map((z) => z.check.reason).join(' ')}${all}`;
  let t = now.getTime();
  while (t <= now.getTime() + COMMON_WINDOW_HORIZON_MS) {
    const waits = zones
      .map((zone) => checkContactTime(new Date(t), zone, window))
      .filter((c): c is Extract<ContactTimeCheck, { allowed: false }> => !c.allowed);
    if (waits.length === 0) return { allowed: false, nextAllowedAt: new Date(t), reason, zones };
    t = Math.max(...waits.map((c) => c.nextAllowedAt.getTime()));
  }
  return {
    allowed: false,
    nextAllowedAt: null,
    reason: `${reason} No moment of the coming week is inside the contact hours in all of these zones; record the debtor's own time zone.`,
    zones,
  };
}
