import { isCurrency } from '../../currencies.ts';
import { InvalidAmountError } from '../../money-errors.ts';
import { parseMajorAmount } from '../../money.ts';
import {
  balanceCheck,
  signedAmount,
  StatementParseError,
  type ParsedStatement,
  type StatementAccount,
  type StatementBalance,
  type StatementEntry,
} from '../statement-types.ts';
import { checkNoNul } from '../statement-input.ts';
import { yymmdd } from '../yymmdd.ts';
import { dialectOf, type Mt940Dialect } from './mt940-dialects.ts';
import { readMt940Fields, type Mt940Field } from './mt940-fields.ts';
import { joinWrapped, readInformation } from './mt940-information.ts';

// SWIFT MT940 customer statements. Each statement is a run of tagged fields: :20: reference, :25: account,
// :28C: (or :28:) statement and sequence number, :60F:/:60M: opening balance, :61: statement lines each followed by
// :86: information, :62F:/:62M: closing balance, then optionally :64:/:65: and statement-level :86:. The npm
// readers return amounts as floating-point numbers, or refuse most real banks' files (pseudo-headers, spaces in
// :61:), so this reader keeps amounts as text until they become minor units. A statement whose balances do not add
// up is read whole and reported with the difference: the bank's arithmetic is for a person to judge, and dropping
// it would lose its transactions.

type Field = Mt940Field;

const where = (field: Field) => `line ${field.line} (:${field.tag}:)`;
const first = (field: Field) => (field.lines[0] ?? '').trim();

function date(field: Field, value: string, what: string): string {
  if (!/^\d{6}$/.test(value)) throw new StatementParseError(where(field), `the ${what} "${value}" is not a date in YYMMDD form.`);
  return yymmdd(value) ?? fail(where(field), `the ${what} "${value}" is not a calendar date.`);
}

const fail = (at: string, message: string): never => {
  throw new StatementParseError(at, message);
};

/** "1234,56", "1234,", "0,5", and "500" (Knab writes whole amounts without the comma). */
function minor(field: Field, value: string, currency: string): bigint {
  if (!/^\d{1,15}(,\d*)?$/.test(value)) throw new StatementParseError(where(field), `"${value}" is not an amount (digits, a decimal comma, digits).`);
  try {
    return parseMajorAmount(value.replace(',', '.').replace(/\.$/, ''), currency, 'amount').amountMinor;
  } catch (error) {
    if (error instanceof InvalidAmountError) throw new StatementParseError(where(field), `"${value}" is not an amount in ${currency}: ${error.message}`);
    throw error;
  }
}

function balance(field: Field): StatementBalance & { currency: string } {
  const match = /^([CD])\s?(\d{6})\s?([A-Z]{3})\s?([\d,]+)$/.exec(first(field));
  if (!match) throw new StatementParseError(where(field), `"${first(field)}" is not a balance (C or D, YYMMDD, currency, amount).`);
  const currency = match[3] ?? '';
  if (!isCurrency(currency)) throw new StatementParseError(where(field), `"${currency}" is not an ISO 4217 currency code.`);
  const amount = minor(field, match[4] ?? '', currency);
  return { date: date(field, match[2] ?? '', 'balance date'), currency, amountMinor: match[1] === 'D' ? -amount : amount, source: where(field) };
}

/** References that say there is none. */
const NO_REFERENCE = /^(NONREF|NOREF|NOTPROVIDED|NONE|0+)?$/i;
const realReference = (value: string): string | null => {
  const trimmed = value.trim();
  return NO_REFERENCE.test(trimmed) ? null : trimmed;
};

/**
 * :61: value date, [entry date MMDD], mark C/D/RC/RD, [funds code], amount, type (N/F/S and three characters, which
 * ING writes with a space), customer reference [//bank reference] [supplementary details on the next line].
 * Banks also put spaces between the subfields (Deutsche Bank, Commerzbank: " NRTI").
 */
const LINE = /^(\d{6})(\d{4})?\s*(RC|RD|C|D)([A-Z])?\s*(\d[\d,]*)\s*([NFS][A-Z0-9]{3}|[NFS][A-Z0-9]{2} )(.*)$/;

interface ReadLine {
  entry: StatementEntry;
  field: Field;
}

function statementLine(field: Field, information: string[], currency: string, dialect: Mt940Dialect): ReadLine {
  const [first = '', ...rest] = field.lines;
  const head = dialect.cutsLinesAnywhere ? field.lines.join('') : first;
  const more = dialect.cutsLinesAnywhere ? [] : rest;
  const match = LINE.exec(head.trim());
  if (!match) throw new StatementParseError(where(field), `"${head.trim()}" is not a statement line (date, C/D mark, amount, type, reference).`);
  const mark = (match[3] ?? 'C') as 'C' | 'D' | 'RC' | 'RD';
  const amountMinor = minor(field, match[5] ?? '', currency);
  const typeCode = (match[6] ?? '').trim();
  const references = match[7] ?? '';
  const slashes = references.indexOf('//');
  const customer = slashes >= 0 ? references.slice(0, slashes) : references.slice(0, 16);
  const afterCustomer = slashes >= 0 ? references.slice(slashes + 2) : references.slice(16);
  const bankLength = dialect.cutsLinesAnywhere ? Math.min(16, (/^[^/]*/.exec(afterCustomer)?.[0] ?? '').length) : 16;
  const bank = slashes >= 0 ? afterCustomer.slice(0, bankLength) : '';
  const afterReference = slashes >= 0 ? afterCustomer.slice(bankLength) : afterCustomer;
  const supplementary = dialect.cutsLinesAnywhere ? afterReference.trim() : joinWrapped(more);
  const info = readInformation(information);
  const facts = { mark, typeCode, afterReference: dialect.cutsLinesAnywhere ? '' : afterReference, supplementary, information: info };
  // A reversal of a credit takes back money received; RTI is SWIFT's "returned item".
  const returned = mark === 'RC' || typeCode.slice(1) === 'RTI' || (dialect.returned?.(facts) ?? false);
  const credit = mark === 'C' || mark === 'RD';
  return {
    field,
    entry: {
      bankRef: realReference(bank),
      customerRef: realReference(customer),
      direction: credit ? 'credit' : 'debit',
      amountMinor,
      currency,
      valueDate: date(field, match[1] ?? '', 'value date'),
      text: [supplementary, info.text].filter(Boolean).join(' '),
      counterparty: info.counterparty ?? dialect.counterparty?.(facts) ?? null,
      typeCode,
      returned,
      source: `line ${field.line}`,
    },
  };
}

/** The account as the bank writes it, without the currency some banks append ("NL34RABO0142623393 EUR"). */
function accountNumber(field: Field, currency: string): string {
  const value = first(field);
  if (value === '') throw new StatementParseError(where(field), 'the account is empty.');
  return value.endsWith(currency) && value.length > currency.length ? value.slice(0, -currency.length).trim() : value;
}

const BALANCE_TAGS = new Set(['60F', '60M', '62F', '62M', '64', '65']);

function statementOf(fields: Field[], file: { bic: string | null; headers: readonly string[] }): StatementAccount {
  const reference = fields[0] as Field;
  const find = (...tags: string[]) => fields.find((f) => tags.includes(f.tag));
  const account = find('25') ?? fail(where(reference), 'the statement has no :25: account.');
  const openingField = find('60F', '60M') ?? fail(where(reference), 'the statement has no :60F: opening balance.');
  const closingField = find('62F', '62M') ?? fail(where(reference), 'the statement has no :62F: closing balance.');
  const opening = balance(openingField);
  const closing = balance(closingField);
  if (closing.currency !== opening.currency) {
    throw new StatementParseError(where(closingField), `the closing balance is in ${closing.currency}, the opening one in ${opening.currency}.`);
  }
  const currency = opening.currency;
  const number = accountNumber(account, currency);
  const dialect = dialectOf({ ...file, account: number });
  const lines: ReadLine[] = [];
  const statementInformation: string[] = [];
  let pending: { field: Field; information: string[] } | null = null;
  let afterBalances = false;
  const close = () => {
    if (pending) lines.push(statementLine(pending.field, pending.information, currency, dialect));
    pending = null;
  };
  for (const field of fields.slice(1)) {
    if (field.tag === '61') {
      close();
      pending = { field, information: [] };
    } else if (field.tag === '86') {
      // Several :86: fields may follow one line (Rabobank); after the balances, :86: is about the whole statement.
      if (pending && !afterBalances) (pending as { information: string[] }).information.push(...field.lines);
      else statementInformation.push(joinWrapped(field.lines));
    } else if (BALANCE_TAGS.has(field.tag)) {
      close();
      if (field.tag.startsWith('62') || field.tag === '64' || field.tag === '65') afterBalances = true;
    }
  }
  close();
  const entries = lines.map((l) => l.entry);
  const moved = entries.reduce((sum, e) => sum + signedAmount(e), 0n);
  const imbalance = balanceCheck({ opening, closing, currency }, moved);
  const sequence = find('28C', '28');
  return {
    accountNumber: number,
    currency,
    entries,
    identity: [`reference=${first(reference)}`, `statement=${sequence ? first(sequence) : ''}`, `dialect=${dialect.id}`],
    opening: { date: opening.date, amountMinor: opening.amountMinor, source: opening.source },
    closing: { date: closing.date, amountMinor: closing.amountMinor, source: closing.source },
    imbalances: imbalance ? [imbalance] : [],
    ...(statementInformation.length > 0 ? { information: statementInformation.join(' ') } : {}),
    source: where(reference),
  };
}

/** Parses an MT940 file of one or more statements; a file that cannot be read is refused on its first problem. */
export function parseMt940(text: string): ParsedStatement {
  checkNoNul(text);
  const file = readMt940Fields(text);
  const firstStatement = file.fields.findIndex((f) => f.tag === '20');
  if (firstStatement < 0) throw new StatementParseError('line 1', 'the file holds no MT940 statement (no :20: field).');
  const stray = file.fields.slice(0, firstStatement).find((f) => f.tag !== 'NS');
  if (stray) throw new StatementParseError(where(stray), 'a statement starts with :20:.');
  const groups: Field[][] = [];
  for (const field of file.fields.slice(firstStatement)) {
    if (field.tag === '20') groups.push([field]);
    else groups.at(-1)?.push(field);
  }
  const accounts = groups.map((fields) => statementOf(fields, file));
  const ids = groups.map((g) => {
    const sequence = g.find((f) => f.tag === '28C' || f.tag === '28');
    return `${first(g[0] as Field)}/${sequence ? first(sequence) : ''}`;
  });
  const createdOn = accounts.reduce((latest, a) => ((a.closing?.date ?? '') > latest ? (a.closing?.date ?? '') : latest), '');
  return { format: 'mt940', statementId: ids.join('+'), createdOn, accounts };
}
