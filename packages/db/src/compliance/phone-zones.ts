import { parsePhoneNumberFromString, type CountryCode, type NumberType as MaybeNumberType } from 'libphonenumber-js/max';
import { timezones } from 'libphonenumber-geo-carrier';
import type { ZoneClue } from '@recoup/domain';

type NumberType = Exclude<MaybeNumberType, undefined>;

// libphonenumber-js reads the number (country, type, validity) from the metadata it bundles; it has no time
// zones. libphonenumber-geo-carrier ships Google libphonenumber's prefix-to-time-zone table and reads it from its
// own package files, so nothing is fetched at run time.

/** Numbers that say nothing about where the person who answers them is. */
const NOT_GEOGRAPHIC: ReadonlySet<NumberType> = new Set<NumberType>([
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'PERSONAL_NUMBER',
  'UAN',
  'VOIP',
  'PAGER',
  'VOICEMAIL',
]);

const TYPE_WORDS: Partial<Record<NumberType, string>> = {
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  PERSONAL_NUMBER: 'personal (follow-me)',
  UAN: 'universal access',
  VOIP: 'VoIP',
  PAGER: 'pager',
  VOICEMAIL: 'voicemail',
};

/**
 * What a phone number says about the debtor's zone. `defaultCountry` reads a number written without its country
 * code (the address's country, when known). A number that cannot be read, or that is not tied to a place, gives a
 * clue with no zones, so the account page can say why it was not used.
 */
export async function phoneZoneClue(phone: string | null, defaultCountry: string | null): Promise<ZoneClue | null> {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone, defaultCountry ? { defaultCountry: defaultCountry as CountryCode } : undefined);
  if (!parsed?.isValid()) return { source: 'phone', zones: [], detail: 'the phone number could not be read as a valid number' };
  const type = parsed.getType();
  if (type && NOT_GEOGRAPHIC.has(type)) {
    return { source: 'phone', zones: [], detail: `a ${TYPE_WORDS[type] ?? type} number says nothing about where the debtor is` };
  }
  const zones = (await timezones(parsed)) ?? [];
  const area = parsed.countryCallingCode === '1' ? `area code ${parsed.nationalNumber.slice(0, 3)}` : `+${parsed.countryCallingCode}`;
  return { source: 'phone', zones, detail: `the phone number (${area}, ${parsed.country ?? 'unknown country'})` };
}
