import { readdirSync, readFileSync } from 'node:fs';
import { formatDate, formatIban, formatMoney, negotiateLocale, parseAcceptLanguage, supportedLanguages, translatorFor } from '../src/index.ts';

const LOCALES = new URL('../src/locales/', import.meta.url);

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix.replace(/_(one|other|zero|two|few|many)$/, '')];

const catalogue = (language: string, namespace: string): unknown =>
  JSON.parse(readFileSync(new URL(`${language}/${namespace}`, LOCALES), 'utf8'));

describe('message catalogues', () => {
  it('offers English first and every language that has a folder of catalogues', () => {
    expect(supportedLanguages()).toEqual(['en', ...readdirSync(LOCALES).filter((l) => l !== 'en').sort()]);
    expect(supportedLanguages()).toContain('de');
  });

  it.each(readdirSync(new URL('en/', LOCALES)).map((file) => [file]))('gives every language the same keys as English in %s', (file) => {
    const english = new Set(keysOf(catalogue('en', file)));
    for (const language of supportedLanguages().filter((l) => l !== 'en')) {
      expect({ language, keys: [...new Set(keysOf(catalogue(language, file)))].sort() }).toEqual({ language, keys: [...english].sort() });
    }
  });

  it('reads German with German plurals and English for a language without catalogues', () => {
    expect(translatorFor('de-DE').t('portal:invoices.overdue', { count: 1 })).toBe('1 Tag überfällig');
    expect(translatorFor('de-DE').t('portal:invoices.overdue', { count: 12 })).toBe('12 Tage überfällig');
    expect(translatorFor('fr-FR').t('portal:invoices.overdue', { count: 2 })).toBe('2 days overdue');
    expect(translatorFor('fr-FR').language).toBe('en');
  });

  it('inserts values as given, leaving escaping to the page that shows them', () => {
    expect(translatorFor('en').t('portal:overview.title', { name: 'Müller & Söhne <GmbH>' })).toBe('Hello Müller & Söhne <GmbH>');
  });
});

describe('choosing a locale', () => {
  it('orders an Accept-Language header by weight and drops the wildcard and q=0', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, de;q=0.8, en;q=0, *;q=0.5')).toEqual(['fr-CH', 'fr', 'de']);
    expect(parseAcceptLanguage('')).toEqual([]);
  });

  it('keeps the region of the first supported language and falls back to English', () => {
    expect(negotiateLocale(['fr-CH', 'de-at', 'en'])).toBe('de-AT');
    expect(negotiateLocale([null, 'not a tag!', undefined])).toBe('en');
  });
});

describe('formatting for a debtor', () => {
  it('writes money in the locale from minor units, beyond what a float holds exactly', () => {
    expect(formatMoney({ amountMinor: '123456', currency: 'EUR' }, 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney({ amountMinor: 123456n, currency: 'EUR' }, 'en')).toBe('€1,234.56');
    expect(formatMoney({ amountMinor: '1500', currency: 'JPY' }, 'en')).toBe('¥1,500');
    expect(formatMoney({ amountMinor: '900719925474099123', currency: 'EUR' }, 'en')).toBe('€9,007,199,254,740,991.23');
  });

  it('groups an IBAN in fours however it was typed', () => {
    expect(formatIban('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(formatIban('GB29 NWBK 6016 1331 9268 19')).toBe('GB29 NWBK 6016 1331 9268 19');
  });

  it('writes a calendar date in the locale without shifting the day', () => {
    expect(formatDate('2026-12-04', 'de-DE')).toBe('04.12.2026');
    expect(formatDate('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
  });
});
