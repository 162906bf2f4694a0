import { readdirSync, readFileSync } from 'node:fs';
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';

// Every text a debtor reads comes from a message catalogue: src/locales/<language>/<namespace>.json. A new language
// is a new folder of catalogues; a key missing from it falls back to English, never to the key itself.

const LOCALES = new URL('./locales/', import.meta.url);
const FALLBACK = 'en';

const loadResources = (): Resource => {
  const resources: Resource = {};
  for (const language of readdirSync(LOCALES, { withFileTypes: true })) {
    if (!language.isDirectory()) continue;
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(new URL(`${language.name}/`, LOCALES))) {
      if (!file.endsWith('.json')) continue;
      namespaces[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(new URL(`${language.name}/${file}`, LOCALES), 'utf8')) as Record<string, unknown>;
    }
    resources[language.name] = namespaces;
  }
  return resources;
};

let instance: i18n | null = null;
const catalogues = (): i18n => {
  if (instance) return instance;
  const resources = loadResources();
  const created = i18next.createInstance();
  void created.init({
    resources,
    fallbackLng: FALLBACK,
    supportedLngs: Object.keys(resources),
    ns: Object.keys(resources[FALLBACK] ?? {}),
    defaultNS: false,
    nsSeparator: ':',
    initAsync: false,
    returnNull: false,
    // Pages escape what they insert themselves; escaping here too would show "&amp;" to the debtor.
    interpolation: { escapeValue: false },
  });
  instance = created;
  return created;
};

/** The languages there are catalogues for, English first. */
export const supportedLanguages = (): string[] => {
  const languages = Object.keys(catalogues().options.resources ?? {});
  return [FALLBACK, ...languages.filter((l) => l !== FALLBACK).sort()];
};

const canonical = (tag: string): string | null => {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
};

const languageOf = (locale: string): string => locale.split('-')[0]!.toLowerCase();

/**
 * The first of the candidates (most wanted first) whose language has catalogues, kept whole so that money and
 * dates follow its region ("de-AT" reads German and formats as in Austria); English when none has.
 */
export const negotiateLocale = (candidates: readonly (string | null | undefined)[]): string => {
  const languages = supportedLanguages();
  for (const candidate of candidates) {
    if (!candidate) continue;
    const locale = canonical(candidate.trim());
    if (locale && languages.includes(languageOf(locale))) return locale;
  }
  return FALLBACK;
};

/** The language tags of an Accept-Language header, most wanted first; "*" and q=0 are left out. */
export const parseAcceptLanguage = (header: string): string[] =>
  header
    .slice(0, 500)
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);

export interface Translator {
  /** The locale money and dates are formatted in, e.g. "de-DE". */
  locale: string;
  /** The language of the catalogues, e.g. "de". */
  language: string;
  /** A text by "<namespace>:<key>", with {{placeholders}} and plurals by `count`. */
  t(key: string, options?: Record<string, unknown>): string;
}

/** The texts of one locale; an unsupported locale reads English. */
export const translatorFor = (locale: string): Translator => {
  const chosen = negotiateLocale([locale]);
  const language = languageOf(chosen);
  const fixed: TFunction = catalogues().getFixedT(language);
  return { locale: chosen, language, t: (key, options) => String(fixed(key, options ?? {})) };
};
