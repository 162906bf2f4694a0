import { describe, expect, it } from '@jest/globals';
import { checkContactTime } from '../src/compliance/contact-window.ts';

const at = (iso: string) => new Date(iso);

describe('contact hours on the debtor\'s wall clock', () => {
  it('allows 08:00 and 20:59 local time, and refuses 07:59 and 21:00', () => {
    // London is on BST (UTC+1) in June.
    expect(checkContactTime(at('2026-06-10T06:59:00Z'), 'Europe/London').allowed).toBe(false);
    expect(checkContactTime(at('2026-06-10T07:00:00Z'), 'Europe/London').allowed).toBe(true);
    expect(checkContactTime(at('2026-06-10T19:59:00Z'), 'Europe/London').allowed).toBe(true);
    expect(checkContactTime(at('2026-06-10T20:00:00Z'), 'Europe/London')).toEqual({
      allowed: false,
      nextAllowedAt: at('2026-06-11T07:00:00Z'),
      reason: 'It is 21:00 in Europe/London, outside the contact hours 08:00–21:00.',
    });
  });

  it('defers a reminder due at 07:10 debtor time to 08:00 the same day', () => {
    // 07:10 in New York (EDT, UTC-4) is 11:10 UTC.
    const check = checkContactTime(at('2026-06-10T11:10:00Z'), 'America/New_York');
    expect(check).toEqual({
      allowed: false,
      nextAllowedAt: at('2026-06-10T12:00:00Z'),
      reason: 'It is 07:10 in America/New_York, outside the contact hours 08:00–21:00.',
    });
  });

  it('defers a contact at 22:30 in Honolulu to 08:00 the next local day', () => {
    // Honolulu is UTC-10 all year: 22:30 on 10 June is 08:30 UTC on 11 June; 08:00 on 11 June is 18:00 UTC.
    const check = checkContactTime(at('2026-06-11T08:30:00Z'), 'Pacific/Honolulu');
    expect(check).toMatchObject({ allowed: false, nextAllowedAt: at('2026-06-11T18:00:00Z') });
  });

  it('defers to 08:00 EDT, not EST, on the night New York springs forward', () => {
    // 23:00 EST on Saturday 7 March 2026 is 04:00 UTC on 8 March; clocks go forward at 02:00 that night.
    const check = checkContactTime(at('2026-03-08T04:00:00Z'), 'America/New_York');
    expect(check).toMatchObject({ allowed: false, nextAllowedAt: at('2026-03-08T12:00:00Z') });
  });

  it('defers to 08:00 EST on the night New York falls back', () => {
    // 23:00 EDT on Saturday 31 October 2026 is 03:00 UTC on 1 November; clocks go back at 02:00 that night.
    const check = checkContactTime(at('2026-11-01T03:00:00Z'), 'America/New_York');
    expect(check).toMatchObject({ allowed: false, nextAllowedAt: at('2026-11-01T13:00:00Z') });
  });

  it('judges 08:30 EDT after spring-forward as allowed although it would be 07:30 EST', () => {
    expect(checkContactTime(at('2026-03-08T12:30:00Z'), 'America/New_York').allowed).toBe(true);
  });
});
