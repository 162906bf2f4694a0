import { isCurrency } from '@recoup/domain';

/** Active ISO 4217 codes, as the domain knows them (upper case only). */
export const isKnownCurrency = (code: string): boolean => isCurrency(code);
