import { wallClockAt } from '@recoup/domain';

const ZONES = [
  'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago',
  'America/New_York', 'America/Sao_Paulo', 'Atlantic/Azores', 'Europe/London', 'Europe/Berlin', 'Europe/Athens',
  'Asia/Dubai', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Sydney',
  'Pacific/Auckland',
];

/**
 * A time zone where the wall clock at `at` is nearest `hour` o'clock (within about an hour), so a test can place
 * its debtor in the afternoon (14) or the small hours (3) whatever the time of day it runs.
 */
export function zoneAtHour(hour: number, at: Date = new Date()): string {
  const distance = (zone: string) => {
    const d = Math.abs(wallClockAt(at, zone).minutes - hour * 60);
    return Math.min(d, 24 * 60 - d);
  };
  return ZONES.reduce((best, zone) => (distance(zone) < distance(best) ? zone : best));
}
