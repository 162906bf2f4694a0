import { describe, expect, it } from '@jest/globals';
import { InvalidTimeZoneError, zonedWallTime } from '../src/calendar.ts';

describe('zonedWallTime', () => {
  it('places 09:00 in Berlin winter time at 08:00 UTC', () => {
    expect(zonedWallTime('2026-01-15', 9, 0, 'Europe/Berlin').toISOString()).toBe('2026-01-15T08:00:00.000Z');
  });

  it('places 09:00 in Berlin summer time at 07:00 UTC', () => {
    expect(zonedWallTime('2026-07-15', 9, 0, 'Europe/Berlin').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('places 09:00 in New York on the day DST starts at 13:00 UTC', () => {
    expect(zonedWallTime('2026-03-08', 9, 0, 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('places 09:00 in New York on the day DST ends at 14:00 UTC', () => {
    expect(zonedWallTime('2026-11-01', 9, 0, 'America/New_York').toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('moves a wall time skipped by spring-forward past the gap', () => {
    expect(zonedWallTime('2026-03-29', 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('handles zones east of UTC across the date line', () => {
    expect(zonedWallTime('2026-06-01', 9, 0, 'Pacific/Auckland').toISOString()).toBe('2026-05-31T21:00:00.000Z');
  });

  it('refuses an unknown time zone', () => {
    expect(() => zonedWallTime('2026-06-01', 9, 0, 'Mars/Olympus')).toThrow(InvalidTimeZoneError);
  });
});
