import { describe, expect, it } from '@jest/globals';
import { addressZoneClue, checkContactTimeInZones, placeOfAddress, resolveDebtorZones } from '../src/index.ts';

const at = (iso: string) => new Date(iso);

describe('where a debtor may be, for contact hours', () => {
  it('reads the state of a US address and the country of others', () => {
    expect(placeOfAddress('2255 Kuhio Ave\nHonolulu, HI 96815\nUSA')).toEqual({ country: 'US', usState: 'HI', postalCode: '96815' });
    expect(placeOfAddress('1 Main St, Austin, TX 78701')).toEqual({ country: 'US', usState: 'TX', postalCode: '78701' });
    expect(placeOfAddress('Hauptstraße 1\n10115 Berlin\nGermany').country).toBe('DE');
    // "DE 10115" is not Delaware when the line goes on with the city.
    expect(placeOfAddress('Hauptstraße 1\nDE 10115 Berlin')).toMatchObject({ usState: null });
    expect(addressZoneClue('1 Main St, Austin, TX 78701')?.zones).toEqual(['America/Chicago', 'America/Denver']);
    expect(addressZoneClue('Somewhere without a country')).toMatchObject({ zones: [] });
  });

  it('keeps every zone the phone and the address point to when no zone is recorded', () => {
    const zones = resolveDebtorZones({
      recordedZone: null,
      clues: [
        { source: 'phone', zones: ['America/New_York'], detail: 'area code 212' },
        { source: 'address', zones: ['Pacific/Honolulu'], detail: 'the address is in HI' },
      ],
      accountZone: 'America/Chicago',
    });
    expect(zones.basis).toBe('derived');
    expect(zones.zones).toEqual(['America/New_York', 'Pacific/Honolulu']);
    expect(zones.explanation).toBe(
      'Phone suggests America/New_York; address suggests Pacific/Honolulu; contact is allowed only when both are between 08:00 and 21:00.',
    );
  });

  it('uses a recorded zone, warns when a clue disagrees, and falls back to the account only when nothing is known', () => {
    const recorded = resolveDebtorZones({
      recordedZone: 'America/Chicago',
      clues: [{ source: 'phone', zones: ['America/New_York'], detail: 'area code 212' }],
      accountZone: 'UTC',
    });
    expect(recorded).toMatchObject({ basis: 'recorded', zones: ['America/Chicago'] });
    expect(recorded.explanation).toContain('Phone suggests America/New_York: check the recorded zone.');
    const unknown = resolveDebtorZones({
      recordedZone: null,
      clues: [{ source: 'phone', zones: [], detail: 'a toll-free number says nothing about where the debtor is' }],
      accountZone: 'America/Chicago',
    });
    expect(unknown).toMatchObject({ basis: 'account', zones: ['America/Chicago'] });
    expect(unknown.explanation).toContain("the account's time zone, America/Chicago, is used");
  });

  it('allows contact only when it is inside the hours in every zone, and finds the first moment it is', () => {
    const zones = ['America/New_York', 'Pacific/Honolulu'];
    // 15:00 UTC in June: 11:00 in New York, 05:00 in Honolulu.
    const refused = checkContactTimeInZones(at('2026-06-10T15:00:00Z'), zones);
    expect(refused).toMatchObject({ allowed: false, nextAllowedAt: at('2026-06-10T18:00:00Z') });
    expect(refused.allowed ? '' : refused.reason).toContain('It is 05:00 in Pacific/Honolulu');
    // 20:00 UTC: 16:00 in New York, 10:00 in Honolulu.
    expect(checkContactTimeInZones(at('2026-06-10T20:00:00Z'), zones)).toEqual({ allowed: true });
    // 01:30 UTC: 21:30 in New York (closed), 15:30 in Honolulu; both open again at 08:00 Honolulu time.
    expect(checkContactTimeInZones(at('2026-06-11T01:30:00Z'), zones)).toMatchObject({ nextAllowedAt: at('2026-06-11T18:00:00Z') });
  });

  it('says so when the zones share no allowed hour at all', () => {
    // Two zones' 13-hour windows always overlap somewhere on the clock; three 8 hours apart never do.
    const check = checkContactTimeInZones(at('2026-06-10T15:00:00Z'), ['UTC', 'Asia/Shanghai', 'Pacific/Honolulu']);
    expect(check).toMatchObject({ allowed: false, nextAllowedAt: null });
    expect(check.allowed ? '' : check.reason).toContain("record the debtor's own time zone");
  });
});
