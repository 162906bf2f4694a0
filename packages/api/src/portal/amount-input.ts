import { parseMajorAmount } from '@recoup/domain';
import { ValidationError } from '../errors.ts';

const separators = (locale: string): { decimal: string; group: string } => {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const notAnAmount = (input: string): ValidationError =>
  new ValidationError([{ in: 'body', path: 'amount', reason: `"${input.slice(0, 40)}" is not an amount` }], 'Enter the amount as a number, for example 120.50.');

/**
 * An amount as a debtor types it in their locale ("1.234,56" in German, "1,234.56" in English, grouped or not),
 * in minor units. Grouping must be in threes, so "12.50" typed in German by English habit is read as 12.50 and
 * never as 1250: a misread separator must not charge a debtor a hundred times what they meant.
 */
export const parseTypedAmount = (input: string, currency: string, locale: string): bigint => {
  const { decimal, group } = separators(locale);
  const text = input.replace(/[\s\u00a0\u202f']/g, '');
  const d = escape(decimal);
  const g = escape(/\s/.test(group) ? '' : group);
  const grouped = g === '' ? '\\d+' : `\\d{1,3}(?:${g}\\d{3})+|\\d+`;
  let normalized: string | null = null;
  const withDecimal = new RegExp(`^(${grouped})${d}(\\d+)$`).exec(text);
  if (withDecimal) normalized = `${(withDecimal[1] ?? '').split(group).join('')}.${withDecimal[2] ?? ''}`;
  else if (new RegExp(`^(${grouped})$`).test(text)) normalized = g === '' ? text : text.split(group).join('');
  else if (g !== '' && new RegExp(`^\\d+${g}\\d{1,2}$`).test(text)) normalized = text.replace(group, '.');
  if (normalized === null) throw notAnAmount(input);
  return parseMajorAmount(normalized, currency, 'amount').amountMinor;
};
