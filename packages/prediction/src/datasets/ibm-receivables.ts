import { parse } from 'csv-parse/sync';
import type { CustomerHistory, HistoryInvoice } from '@recoup/domain';
import { PredictionError } from '../errors.ts';

// IBM's public "Accounts Receivable" sample (2,466 paid invoices of 100 customers, 2012–2013), read into the ledger
// histories the feature code takes. Its README counts SettledDate, DaysToSettle and DaysLate as outcomes: they
// become each invoice's payment and settlement, which the features hide until their day. The data set does not
// date its disputes, and counts the Disputed flag as known when an invoice is scored, so a dispute is dated the day
// before the invoice's issue.

export class DatasetFormatError extends PredictionError {
  constructor(row: number, why: string) {
    super('dataset-format', `Row ${row}: ${why}.`);
  }
}

const COLUMNS = ['countryCode', 'customerID', 'InvoiceDate', 'DueDate', 'InvoiceAmount', 'Disputed', 'SettledDate', 'PaperlessBill', 'invoiceNumber'] as const;

/** Epoch day of an M/D/YYYY date. */
function usDay(value: string, row: number, column: string): number {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) throw new DatasetFormatError(row, `${column} "${value}" is not an M/D/YYYY date`);
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new DatasetFormatError(row, `${column} "${value}" is no day in the calendar`);
  return date.getTime() / 86_400_000;
}

/** Cents of a decimal amount such as "55.94" or "104", without going through a float. */
function cents(value: string, row: number): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new DatasetFormatError(row, `InvoiceAmount "${value}" is not a positive decimal amount`);
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

export function readIbmReceivables(csv: string): CustomerHistory[] {
  const records = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const byCustomer = new Map<string, { country: string; invoices: HistoryInvoice[] }>();
  records.forEach((record, index) => {
    const row = index + 2;
    for (const column of COLUMNS) if (!record[column]) throw new DatasetFormatError(row, `${column} is empty`);
    const issuedOn = usDay(record.InvoiceDate!, row, 'InvoiceDate');
    const settledOn = usDay(record.SettledDate!, row, 'SettledDate');
    const amountMinor = cents(record.InvoiceAmount!, row);
    const customer = byCustomer.get(record.customerID!) ?? { country: record.countryCode!, invoices: [] };
    byCustomer.set(record.customerID!, customer);
    customer.invoices.push({
      id: record.invoiceNumber!,
      issuedOn,
      dueOn: usDay(record.DueDate!, row, 'DueDate'),
      amountMinor,
      currencyExponent: 2,
      currency: 'USD',
      channel: record.PaperlessBill === 'Electronic' ? 'electronic' : 'paper',
      payments: [{ on: settledOn, amountMinor }],
      settledOn,
      disputesOpenedOn: record.Disputed === 'Yes' ? [issuedOn - 1] : [],
    });
  });
  return [...byCustomer].map(([customerId, { country, invoices }]) => ({
    customer: { customerId, customerType: 'business', segment: null, country },
    invoices,
    promises: [],
    reminders: [],
    optOutsOn: [],
  }));
}
