import { wallClockAt } from '@recoup/domain';

const ZONES = [
  'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago',
  'America/New_York', 'America/Sao_Paulo', 'Atlantic/Azores', 'Europe/London', 'Europe/Berlin', 'Europe/Athens',
  'Asia/Dubai', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Sydney',
  'Pacific/Auckland',
];

/**
 * A time zone where it is early afternoon at `at`, so that contacts a test makes in whole days from then fall
 * inside the contact hours whatever the time of day the test runs.
 */
export function daytimeZone(at: Date = new Date()): string {
  const distance = (zone: string) => Math.abs(wallClockAt(at, zone).minutes - 14 * 60);
  return ZONES.reduce((best, zone) => (distance(zone) < distance(best) ? zone : best));
}
