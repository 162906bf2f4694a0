import { REG_F_CONTACT_WINDOW, type ContactWindow } from './contact-window.ts';
import { US_STATE_ZONES } from './us-state-zones.ts';

// Where a debtor may be, for contact hours. Reg F (1006.6(b)(1)(i) and its commentary) judges the hours at the
// consumer's location; where that is unknown or ambiguous, a collector may contact only at times that are
// convenient in every location the information on file points to. A time zone recorded for the contact is its
// location; without one, the phone number and the postal address are the clues, and every zone either points to
// is kept. The account's zone (often just the creditor's default) is used only when nothing else is known.

export type ZoneClueSource = 'phone' | 'address';

/** What one clue says about where the debtor is: the zones it points to (none when it says nothing) and why. */
export interface ZoneClue {
  source: ZoneClueSource;
  zones: readonly string[];
  /** For people reading the account, never for the workflow history: it may quote part of the address. */
  detail: string;
}

/** A clue as the account page shows it: whether contact hours were judged by it. */
export interface WeighedClue {
  source: ZoneClueSource;
  zones: string[];
  detail: string;
  used: boolean;
}

export type DebtorZonesBasis = 'recorded' | 'derived' | 'account';

export interface DebtorZones {
  basis: DebtorZonesBasis;
  /** The zones contact hours must hold in, all at once. */
  zones: string[];
  clues: WeighedClue[];
  explanation: string;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const unique = (zones: readonly string[]) => [...new Set(zones)];

function hoursPhrase(count: number, window: ContactWindow): string {
  const between = `between ${hhmm(window.startMinutes)} and ${hhmm(window.endMinutes)}`;
  if (count === 1) return `contact is allowed only when it is ${between} there`;
  if (count === 2) return `contact is allowed only when both are ${between}`;
  return `contact is allowed only when all ${count} are ${between}`;
}

const suggestion = (clue: ZoneClue) => `${clue.source} suggests ${clue.zones.join(' or ')}`;

/** The zones to judge contact hours in, from the recorded zone, the clues, and the account's zone as a last resort. */
export function resolveDebtorZones(
  input: { recordedZone: string | null; clues: readonly ZoneClue[]; accountZone: string },
  window: ContactWindow = REG_F_CONTACT_WINDOW,
): DebtorZones {
  const telling = input.clues.filter((c) => c.zones.length > 0);
  const silent = input.clues.filter((c) => c.zones.length === 0).map((c) => ` (${capitalised(c.detail)}.)`).join('');
  if (input.recordedZone) {
    const recorded = input.recordedZone;
    const disagreeing = telling.filter((c) => !c.zones.includes(recorded));
    const warning = disagreeing.length ? ` ${capitalised(disagreeing.map(suggestion).join('; '))}: check the recorded zone.` : '';
    return {
      basis: 'recorded',
      zones: [recorded],
      clues: input.clues.map((c) => ({ ...c, zones: [...c.zones], used: false })),
      explanation: `The contact's time zone is recorded as ${recorded}; ${hoursPhrase(1, window)}.${warning}`,
    };
  }
  if (telling.length > 0) {
    const zones = unique(telling.flatMap((c) => c.zones));
    return {
      basis: 'derived',
      zones,
      clues: input.clues.map((c) => ({ ...c, zones: [...c.zones], used: c.zones.length > 0 })),
      explanation: `${capitalised(telling.map(suggestion).join('; '))}; ${hoursPhrase(zones.length, window)}.${silent}`,
    };
  }
  return {
    basis: 'account',
    zones: [input.accountZone],
    clues: input.clues.map((c) => ({ ...c, zones: [...c.zones], used: false })),
    explanation:
      `No time zone is recorded for the contact, and neither a phone number nor an address points to one; the ` +
      `account's time zone, ${input.accountZone}, is used: ${hoursPhrase(1, window)}.${silent}`,
  };
}

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

/** The IANA zones of a country (ISO 3166 alpha-2), from the runtime's own time zone data; [] when unknown. */
export function countryZones(country: string): string[] {
  if (!/^[A-Z]{2}$/.test(country)) return [];
  const locale = new Intl.Locale(`und-${country}`) as LocaleWithZones;
  return [...(locale.getTimeZones?.() ?? locale.timeZones ?? [])];
}

let countryNames: Map<string, string> | undefined;

/** English country names (and the codes themselves) to ISO codes, for the last line of an address. */
function countryByName(): Map<string, string> {
  if (countryNames) return countryNames;
  const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (!name || name === code || countryZones(code).length === 0) continue;
      map.set(code, code);
      map.set(normalised(name), code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) map.set(alias, code);
  countryNames = map;
  return map;
}

const COUNTRY_ALIASES: Record<string, string> = {
  USA: 'US',
  'UNITED STATES OF AMERICA': 'US',
  AMERICA: 'US',
  UK: 'GB',
  'GREAT BRITAIN': 'GB',
  ENGLAND: 'GB',
  SCOTLAND: 'GB',
  WALES: 'GB',
  DEUTSCHLAND: 'DE',
};

const normalised = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();

export interface AddressPlace {
  /** ISO 3166 alpha-2. */
  country: string | null;
  /** The US state or territory code, when the address is written the US way ("Honolulu, HI 96815"). */
  usState: string | null;
  postalCode: string | null;
}

const US_STATE_LINE = /\b([A-Z]{2})\s+(\d{5})(?:-\d{4})?\s*$/;

/** The country and, in the US, the state of a postal address as printed on a letter. */
export function placeOfAddress(address: string): AddressPlace {
  const lines = address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const segments = lines.flatMap((l) => l.split(',').map((s) => s.trim())).filter((s) => s !== '');
  const last = segments.at(-1);
  const named = last !== undefined ? countryByName().get(normalised(last)) : undefined;
  let usState: string | null = null;
  let postalCode: string | null = null;
  if (named === undefined || named === 'US') {
    for (const segment of segments) {
      const match = US_STATE_LINE.exec(segment);
      if (match?.[1] && US_STATE_ZONES[match[1]]) {
        usState = match[1];
        postalCode = match[2] ?? null;
      }
    }
  }
  const country = named ?? (usState ? 'US' : null);
  return { country, usState, postalCode };
}

/** What the postal address says about the debtor's zone: the state's zones in the US, else the country's. */
export function addressZoneClue(address: string | null): ZoneClue | null {
  if (!address?.trim()) return null;
  const place = placeOfAddress(address);
  if (place.usState) {
    const zones = US_STATE_ZONES[place.usState] ?? [];
    return { source: 'address', zones, detail: `the address is in ${place.usState}${place.postalCode ? ` ${place.postalCode}` : ''}, US` };
  }
  if (place.country) {
    return { source: 'address', zones: countryZones(place.country), detail: `the address is in ${place.country}` };
  }
  return { source: 'address', zones: [], detail: 'the address names no country or US state that could be read' };
}
