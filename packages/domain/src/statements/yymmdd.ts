/** A YYMMDD date (as BAI2 and MT940 write them, 20YY) as YYYY-MM-DD; null when it is not on the calendar. */
export function yymmdd(value: string): string | null {
  if (!/^\d{6}$/.test(value)) return null;
  const iso = `20${value.slice(0, 2)}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}
