const supported = (tag: string): string | null => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    return null;
  }
};

/**
 * The locale amounts are written in: the session's, or for `auto` (and none, which Stripe treats as auto) the
 * browser's first language; English when neither is one the runtime knows.
 */
export const pageLocale = (sessionLocale: string | null, acceptLanguage: string | undefined): string => {
  if (sessionLocale && sessionLocale !== 'auto') return supported(sessionLocale) ?? 'en';
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  return (first && supported(first)) || 'en';
};
