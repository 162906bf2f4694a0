/**
 * A YYMMDD date (as BAI2 and MT940 write them) as YYYY-MM-DD; null when it is not on the calendar. Years 80 to 99
 * are 1980 to 1999, as SWIFT's and BAI's readers take them; the rest are 2000 to 2079.
 */
export function yymmdd(value: string): string | null {
  if (!/^\d{6}$/.test(value)) return null;
  const century = Number(value.slice(0, 2)) >= 80 ? '19' : '20';
  const iso = `${century}${value.slice(0, 2)}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}
