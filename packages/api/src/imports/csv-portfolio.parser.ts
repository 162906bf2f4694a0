import { parse } from 'csv-parse/sync';
import {
  CSV_OPTIONAL_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  amountBoundProblem,
  customerTypeSchema,
  dateRangeProblem,
  isCalendarDate,
  isTimeZone,
  type CustomerType,
  type ImportRowProblem,
} from '@recoup/contracts';
import { DomainError, findUnstorable, isCurrency, nulIndex, parseMajorAmount, parseMinorUnits, positionOf } from '@recoup/domain';
import { ValidationError, type FieldIssue } from '../errors.ts';
import type { PortfolioAccount, PortfolioContact, PortfolioParse } from './portfolio.ts';

// One row per invoice; account and contact columns repeat on every row of the account. Every row is checked and
// every problem reported with its 1-based line (the header is line 1), so a whole file can be fixed in one pass.

const KNOWN_COLUMNS = new Set<string>([...CSV_REQUIRED_COLUMNS, ...CSV_OPTIONAL_COLUMNS]);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);

interface CsvRecord {
  info: { lines: number };
  record: string[];
}

/** The account fields every row of one account must agree on. */
const ACCOUNT_FIELDS = ['account_name', 'customer_type', 'segment', 'time_zone'] as const;

const readRecords = (text: string): CsvRecord[] =>
  parse(text, { info: true, bom: true, relax_column_count: true, skip_empty_lines: true }) as unknown as CsvRecord[];

/** info.lines is where the record ends; a quoted field may span lines, and the start line is what people see. */
const startLine = ({ info, record }: CsvRecord): number => info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);

const NUL_REASON = 'must not contain a NUL character (U+0000); a file full of them is usually UTF-16 or binary';

/**
 * A NUL in any cell refuses the whole file with 400 before anything is stored: PostgreSQL cannot hold it, and a
 * file that has one is rarely the CSV its sender meant. Each cell is named by its line and its column's header.
 */
const refuseNul = (text: string): void => {
  const at = nulIndex(text);
  if (at < 0) return;
  const fields: FieldIssue[] = [];
  let records: CsvRecord[] = [];
  try {
    records = readRecords(text);
  } catch {
    // Not CSV either: the character's place in the text is all there is to name.
  }
  const header = records[0]?.record ?? [];
  // Text the body parser decoded from UTF-8 has no lone surrogates; the NUL is what a CSV can bring.
  for (const place of findUnstorable(records.map((r) => r.record)).filter((found) => found.problem === 'nul')) {
    const [row = 0, column = 0] = place.path as number[];
    const record = records[row];
    const name = header[column]?.trim() ?? '';
    const columnName = row === 0 || name === '' || name.includes('\u0000') ? `column ${column + 1}` : `column ${name}`;
    fields.push({ in: 'body', path: `line ${record ? startLine(record) : row + 1}, ${columnName}`, reason: NUL_REASON });
  }
  if (fields.length === 0) fields.push({ in: 'body', path: positionOf(text, at), reason: NUL_REASON });
  throw new ValidationError(fields, `The CSV file holds a NUL character (U+0000) at ${fields[0]?.path ?? ''}; no cell may contain one.`);
};

export const parseCsvPortfolio = (text: string): PortfolioParse => {
  refuseNul(text);
  const result: PortfolioParse = { rowsTotal: 0, accounts: [], orphans: [], fatal: [] };
  let records: CsvRecord[];
  try {
    records = readRecords(text);
  } catch (error) {
    const lines = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    result.fatal.push({ line: lines, field: '', reason: `the file is not valid CSV: ${(error as Error).message}` });
    return result;
  }
  const [header, ...rows] = records;
  if (!header) {
    result.fatal.push({ line: 1, field: '', reason: 'the file is empty; it needs a header line and one line per invoice' });
    return result;
  }
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    if (index.has(name)) result.fatal.push({ line: 1, field: name, reason: `column ${name} appears twice` });
    else if (!KNOWN_COLUMNS.has(name)) result.fatal.push({ line: 1, field: name, reason: `unknown column ${name}` });
    index.set(name, i);
  });
  for (const required of CSV_REQUIRED_COLUMNS) {
    if (!index.has(required)) result.fatal.push({ line: 1, field: required, reason: `missing required column ${required}` });
  }
  if (!index.has('amount') && !index.has('amount_minor')) {
    result.fatal.push({ line: 1, field: 'amount', reason: 'missing column: give amount (major units) or amount_minor' });
  }
  if (result.fatal.length > 0) return result;

  const byRef = new Map<string, { account: PortfolioAccount; firstLine: number; values: Record<string, string> }>();
  const contacts = new Map<string, { line: number; contact: PortfolioContact }>();
  for (const { info, record } of rows) {
    if (record.every((field) => field.trim() === '')) continue;
    const line = startLine({ info, record });
    result.rowsTotal += 1;
    const problems: ImportRowProblem[] = [];
    const problem = (field: string, reason: string): void => {
      problems.push({ line, field, reason });
    };
    const get = (column: string): string => {
      const i = index.get(column);
      return i === undefined ? '' : (record[i] ?? '').trim();
    };
    if (record.length !== columns.length) {
      problem('', `the line has ${record.length} fields, the header has ${columns.length}`);
    }
    const required = (column: string): string => {
      const value = get(column);
      if (value === '') problem(column, `${column} is required`);
      return value;
    };

    const ref = required('account_ref');
    const name = required('account_name');
    const customerTypeText = required('customer_type').toLowerCase();
    const customerType = customerTypeSchema.safeParse(customerTypeText);
    if (customerTypeText !== '' && !customerType.success) {
      problem('customer_type', `customer_type must be consumer or business, not "${customerTypeText}"`);
    }
    const timeZone = required('time_zone');
    if (timeZone !== '' && !isTimeZone(timeZone)) problem('time_zone', `unknown time zone "${timeZone}"`);
    const currency = required('currency').toUpperCase();
    const currencyOk = currency !== '' && isCurrency(currency);
    if (currency !== '' && !currencyOk) problem('currency', `unknown currency "${currency}" (not an ISO 4217 code)`);

    const number = required('invoice_number');
    const issueDate = required('issue_date');
    const dueDate = required('due_date');
    const issueOk = issueDate !== '' && isCalendarDate(issueDate) && dateRangeProblem(issueDate) === null;
    const dueOk = dueDate !== '' && isCalendarDate(dueDate) && dateRangeProblem(dueDate) === null;
    if (issueDate !== '' && !issueOk) problem('issue_date', dateProblem('issue_date', issueDate));
    if (dueDate !== '' && !dueOk) problem('due_date', dateProblem('due_date', dueDate));
    if (issueOk && dueOk && dueDate < issueDate) problem('due_date', `due date ${dueDate} is before the issue date ${issueDate}`);

    const amountMinor = readAmount(get('amount'), get('amount_minor'), currencyOk ? currency : null, problem);

    const contactName = get('contact_name');
    const email = get('email').toLowerCase();
    const phone = get('phone');
    if (email !== '' && !EMAIL.test(email)) problem('email', `bad e-mail address "${email}"`);
    const consentText = get('consent_email').toLowerCase();
    if (!TRUE_WORDS.has(consentText) && !FALSE_WORDS.has(consentText)) {
      problem('consent_email', `consent_email must be true or false, not "${consentText}"`);
    }
    if (contactName === '' && (email !== '' || phone !== '')) problem('contact_name', 'contact_name is required when email or phone is given');

    if (ref === '') {
      result.orphans.push({ line, problems });
      continue;
    }
    const values: Record<string, string> = {
      account_name: name,
      customer_type: customerTypeText,
      segment: get('segment'),
      time_zone: timeZone,
    };
    let entry = byRef.get(ref);
    if (!entry) {
      entry = {
        firstLine: line,
        values,
        account: {
          externalRef: ref,
          name,
          customerType: (customerType.success ? customerType.data : 'consumer') as CustomerType,
          segment: values.segment || null,
          currency: currencyOk ? currency : '',
          timeZone,
          contacts: [],
          invoices: [],
          lines: [],
          problems: [],
        },
      };
      byRef.set(ref, entry);
      result.accounts.push(entry.account);
    } else {
      for (const field of ACCOUNT_FIELDS) {
        if (values[field] !== entry.values[field]) {
          problem(
            field,
            `${field} "${values[field]}" conflicts with "${entry.values[field]}" on line ${entry.firstLine} for account ${ref}`,
          );
        }
      }
    }
    const account = entry.account;
    account.lines.push(line);
    account.problems.push(...problems);
    if (contactName !== '') {
      const contact = { name: contactName, email: email || null, phone: phone || null, consentEmail: TRUE_WORDS.has(consentText) };
      const key = JSON.stringify([ref, contact.name, contact.email, contact.phone]);
      const known = contacts.get(key);
      if (!known) {
        contacts.set(key, { line, contact: addContact(account, contact) });
      } else if (known.contact.consent.email !== contact.consentEmail) {
        account.problems.push({
          line,
          field: 'consent_email',
          reason: `consent_email conflicts with line ${known.line} for contact ${contact.name}`,
        });
      }
    }
    if (number !== '' && issueOk && dueOk && amountMinor !== null && currencyOk) {
      account.invoices.push({ number, issueDate, dueDate, amountMinor, currency, line, numberField: 'invoice_number' });
    }
  }
  return result;
};

const dateProblem = (column: string, value: string): string =>
  isCalendarDate(value) ? `${column} ${value} ${dateRangeProblem(value) ?? ''}` : `bad date "${value}" (write YYYY-MM-DD)`;

/** The amount, or null once its problem is reported; within the bound every request's amounts keep to. */
const readAmount = (
  amount: string,
  amountMinor: string,
  currency: string | null,
  problem: (field: string, reason: string) => void,
): bigint | null => {
  const value = readAnyAmount(amount, amountMinor, currency, problem);
  const beyond = value === null ? null : amountBoundProblem(value);
  if (beyond === null) return value;
  const field = amountMinor !== '' ? 'amount_minor' : 'amount';
  problem(field, `${field} ${beyond}`);
  return null;
};

const readAnyAmount = (
  amount: string,
  amountMinor: string,
  currency: string | null,
  problem: (field: string, reason: string) => void,
): bigint | null => {
  if (amount !== '' && amountMinor !== '') {
    problem('amount', 'give amount or amount_minor, not both');
    return null;
  }
  if (amount === '' && amountMinor === '') {
    problem('amount', 'amount (or amount_minor) is required');
    return null;
  }
  try {
    if (amountMinor !== '') {
      const value = parseMinorUnits(amountMinor, 'amount_minor');
      if (value === 0n) {
        problem('amount_minor', 'amount_minor must be greater than zero');
        return null;
      }
      return value;
    }
    // Without a valid currency the number of decimals is unknown; the currency problem is already reported.
    if (currency === null) return null;
    const value = parseMajorAmount(amount, currency, 'amount').amountMinor;
    if (value === 0n) {
      problem('amount', 'amount must be greater than zero');
      return null;
    }
    return value;
  } catch (error) {
    if (error instanceof DomainError) {
      problem(amountMinor !== '' ? 'amount_minor' : 'amount', error.message.replace(/\.$/, ''));
      return null;
    }
    throw error;
  }
};

const addContact = (
  account: PortfolioAccount,
  contact: { name: string; email: string | null; phone: string | null; consentEmail: boolean },
): PortfolioContact => {
  const added: PortfolioContact = {
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    postalAddress: null,
    timeZone: null,
    isPrimary: account.contacts.length === 0,
    consent: { email: contact.consentEmail, sms: false, phone: false, letter: false },
  };
  account.contacts.push(added);
  return added;
};
