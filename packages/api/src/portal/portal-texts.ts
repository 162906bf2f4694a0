import { formatDate, formatMoney, negotiateLocale, parseAcceptLanguage, supportedLanguages, translatorFor } from '@recoup/documents';
import type { Request } from 'express';
import type { PortalMoney } from './portal-statement.ts';

/** The portal's words, money and dates in one locale. */
export interface PortalTexts {
  locale: string;
  language: string;
  t(key: string, options?: Record<string, unknown>): string;
  money(amount: PortalMoney): string;
  date(isoDate: string): string;
  /** The languages the portal is written in, each named in itself, for the language switch. */
  languages: { code: string; name: string }[];
}

const nameOfLanguage = (code: string): string => new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;

export const portalTexts = (locale: string): PortalTexts => {
  const translator = translatorFor(locale);
  return {
    locale: translator.locale,
    language: translator.language,
    t: (key, options) => translator.t(`portal:${key}`, options),
    money: (amount) => formatMoney(amount, translator.locale),
    date: (isoDate) => formatDate(isoDate, translator.locale),
    languages: supportedLanguages().map((code) => ({ code, name: nameOfLanguage(code) })),
  };
};

/** The locale for a request: the contact's own choice, then what their browser asks for. */
export const requestLocale = (req: Request, storedLocale: string | null): string =>
  negotiateLocale([storedLocale, ...parseAcceptLanguage(req.get('accept-language') ?? '')]);
