import { parse } from 'csv-parse/sync';
import { isCurrency } from '../currencies.ts';
import { InvalidAmountError } from '../money-errors.ts';
import { parseMajorAmount } from '../money.ts';
import { checkNoNul } from './statement-input.ts';
import { StatementParseError, type ParsedStatement, type StatementEntry } from './statement-types.ts';

// Bank exports in CSV, read through a mapping saved per bank: which column holds what, how dates and amounts are
// written, and how a debit shows. Every row is checked; the first bad one refuses the file, naming its line and
// column.

export const CSV_DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

export interface CsvStatementMapping {
  /** Default ",". */
  delimiter?: string;
  /** Whether the first row names the columns; columns are then referred to by name, otherwise by 1-based number. */
  hasHeader: boolean;
  columns: {
    valueDate: string;
    amount: string;
    currency?: string;
    /** A column saying credit or debit; without it a negative amount is a debit. */
    direction?: string;
    bankRef?: string;
    customerRef?: string;
    text?: string[];
    counterparty?: string;
  };
  /** Values of the direction column that mean a debit (compared case-insensitively). Default ["D", "DBIT", "DEBIT"]. */
  debitValues?: string[];
  /** The currency of every row when there is no currency column. */
  currency?: string;
  dateFormat: CsvDateFormat;
  decimalSeparator: '.' | ',';
  thousandsSeparator?: '' | '.' | ',' | ' ' | "'";
  accountNumber: string;
}

interface Row {
  record: string[];
  info: { lines: number };
}

function isoDate(value: string, format: CsvDateFormat): string | null {
  const parts: Record<CsvDateFormat, RegExp> = {
    'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/,
    'DD.MM.YYYY': /^(?<d>\d{2})\.(?<m>\d{2})\.(?<y>\d{4})$/,
    'DD/MM/YYYY': /^(?<d>\d{2})\/(?<m>\d{2})\/(?<y>\d{4})$/,
    'MM/DD/YYYY': /^(?<m>\d{2})\/(?<d>\d{2})\/(?<y>\d{4})$/,
  };
  const groups = parts[format].exec(value.trim())?.groups;
  if (!groups) return null;
  const iso = `${groups['y']}-${groups['m']}-${groups['d']}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Reads a CSV bank export with a saved mapping. `statementId` identifies the file (e.g. a hash of its bytes). */
export function parseCsvStatement(text: string, mapping: CsvStatementMapping, statementId: string): ParsedStatement {
  checkNoNul(text);
  let rows: Row[];
  try {
    rows = parse(text, { delimiter: mapping.delimiter ?? ',', bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Row[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    throw new StatementParseError(`line ${line}`, `the file is not valid CSV: ${(error as Error).message}`);
  }
  const header = mapping.hasHeader ? rows.shift() : undefined;
  const names = header?.record.map((h) => h.trim()) ?? [];
  const columnOf = (name: string, what: string): number => {
    const index = mapping.hasHeader ? names.indexOf(name) : Number(name) - 1;
    if (index < 0 || !Number.isInteger(index)) {
      throw new StatementParseError(header ? `line ${header.info.lines}` : 'mapping', `the ${what} column "${name}" is not in the file.`);
    }
    return index;
  };
  const columns = mapping.columns;
  const at = {
    valueDate: columnOf(columns.valueDate, 'value date'),
    amount: columnOf(columns.amount, 'amount'),
    currency: columns.currency ? columnOf(columns.currency, 'currency') : null,
    direction: columns.direction ? columnOf(columns.direction, 'direction') : null,
    bankRef: columns.bankRef ? columnOf(columns.bankRef, 'bank reference') : null,
    customerRef: columns.customerRef ? columnOf(columns.customerRef, 'customer reference') : null,
    text: (columns.text ?? []).map((c) => columnOf(c, 'text')),
    counterparty: columns.counterparty ? columnOf(columns.counterparty, 'counterparty') : null,
  };
  const debitValues = new Set((mapping.debitValues ?? ['D', 'DBIT', 'DEBIT']).map((v) => v.toUpperCase()));
  const label = (index: number) => (mapping.hasHeader ? `"${names[index] ?? index + 1}"` : `${index + 1}`);
  const entries: StatementEntry[] = rows.map((row) => {
    const line = row.info.lines;
    const cell = (index: number | null) => (index === null ? '' : (row.record[index] ?? '').trim());
    const fail = (index: number, message: string): never => {
      throw new StatementParseError(`line ${line}, column ${label(index)}`, message);
    };
    const currency = at.currency === null ? (mapping.currency ?? '') : cell(at.currency);
    if (!isCurrency(currency)) {
      return at.currency === null
        ? fail(at.amount, 'the mapping gives no currency for the file.')
        : fail(at.currency, `"${currency}" is not an ISO 4217 currency code.`);
    }
    const valueDate = isoDate(cell(at.valueDate), mapping.dateFormat) ?? fail(at.valueDate, `"${cell(at.valueDate)}" is not a date in ${mapping.dateFormat} form.`);
    const rawAmount = cell(at.amount);
    let plain = rawAmount;
    if (mapping.thousandsSeparator) plain = plain.split(mapping.thousandsSeparator).join('');
    if (mapping.decimalSeparator === ',') plain = plain.replace(',', '.');
    const negative = plain.startsWith('-');
    const amountMinor = (() => {
      try {
        return parseMajorAmount(negative ? plain.slice(1) : plain.replace(/^\+/, ''), currency, 'amount').amountMinor;
      } catch (error) {
        if (error instanceof InvalidAmountError) return fail(at.amount, `"${rawAmount}" is not an amount in ${currency}: ${error.message}`);
        throw error;
      }
    })();
    const debit = at.direction === null ? negative : debitValues.has(cell(at.direction).toUpperCase());
    return {
      bankRef: cell(at.bankRef) || null,
      customerRef: cell(at.customerRef) || null,
      direction: debit ? 'debit' : 'credit',
      amountMinor,
      currency,
      valueDate,
      text: at.text.map((i) => cell(i)).filter(Boolean).join(' '),
      counterparty: cell(at.counterparty) || null,
      typeCode: '',
      returned: false,
      source: `line ${line}`,
    };
  });
  const currency = entries[0]?.currency ?? mapping.currency ?? '';
  return {
    format: 'csv',
    statementId,
    createdOn: entries.reduce((latest, e) => ((e.valueDate ?? '') > latest ? (e.valueDate ?? '') : latest), ''),
    accounts: [{ accountNumber: mapping.accountNumber, currency, entries, identity: [], imbalances: [], source: 'line 1' }],
  };
}
