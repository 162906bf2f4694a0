import { isCurrency } from '../currencies.ts';
import { InvalidAmountError } from '../money-errors.ts';
import { parseMajorAmount } from '../money.ts';
import { StatementParseError, type ParsedStatement, type StatementAccount, type StatementEntry } from './statement-types.ts';
import { yymmdd } from './yymmdd.ts';

// SWIFT MT940 customer statements. A file holds one or more messages (optionally in {1:..}{2:..}{4: .. -} blocks),
// each a run of tagged fields: :20: reference, :25: account, :28C: statement number, :60F:/:60M: opening balance,
// :61: statement line, :86: information for the line before, :62F:/:62M: closing balance. The npm parser for it
// returns amounts as floating-point numbers, which Recoup never uses for money, so this reader keeps them as text
// until they become minor units, and checks that each statement's lines lead from its opening to its closing
// balance.

interface Field {
  tag: string;
  value: string;
  line: number;
}

interface Balance {
  sign: 1n | -1n;
  date: string;
  currency: string;
  amountMinor: bigint;
}

const where = (field: Field) => `line ${field.line} (:${field.tag}:)`;

/** The tagged fields of the file, each with the lines that continue it. */
function fieldsOf(text: string): Field[] {
  const fields: Field[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\{4:/, '').trimEnd();
    const tagged = /^:(\d\d[A-Z]?):(.*)$/.exec(line);
    if (tagged) {
      fields.push({ tag: tagged[1] ?? '', value: tagged[2] ?? '', line: index + 1 });
    } else if (/^(-\}?|\{[1-3]:.*|\}|)$/.test(line.trim()) || line.startsWith('{1:')) {
      return; // block boundaries and the "-" that ends a message
    } else {
      const last = fields.at(-1);
      if (!last) throw new StatementParseError(`line ${index + 1}`, 'text before the first tagged field.');
      last.value += `\n${line}`;
    }
  });
  return fields;
}

function date(field: Field, value: string, what: string): string {
  if (!/^\d{6}$/.test(value)) throw new StatementParseError(where(field), `the ${what} "${value}" is not a date in YYMMDD form.`);
  const iso = yymmdd(value);
  if (!iso) throw new StatementParseError(where(field), `the ${what} "${value}" is not a calendar date.`);
  return iso;
}

function minor(field: Field, value: string, currency: string): bigint {
  if (!/^\d+,\d*$/.test(value)) throw new StatementParseError(where(field), `"${value}" is not an amount (digits, a decimal comma, digits).`);
  try {
    return parseMajorAmount(value.replace(',', '.').replace(/\.$/, ''), currency, 'amount').amountMinor;
  } catch (error) {
    if (error instanceof InvalidAmountError) throw new StatementParseError(where(field), `"${value}" is not an amount in ${currency}: ${error.message}`);
    throw error;
  }
}

function balance(field: Field): Balance {
  const match = /^([CD])(\d{6})([A-Z]{3})([\d,]+)$/.exec(field.value.trim());
  if (!match) throw new StatementParseError(where(field), `"${field.value}" is not a balance (C or D, YYMMDD, currency, amount).`);
  const currency = match[3] ?? '';
  if (!isCurrency(currency)) throw new StatementParseError(where(field), `"${currency}" is not an ISO 4217 currency code.`);
  return { sign: match[1] === 'D' ? -1n : 1n, date: date(field, match[2] ?? '', 'balance date'), currency, amountMinor: minor(field, match[4] ?? '', currency) };
}

/** :61: value date, [entry date], C/D/RC/RD, [funds code], amount, type, customer ref [//bank ref] [details]. */
function statementLine(field: Field, currency: string, index: number): StatementEntry & { signed: bigint } {
  const [first = '', ...more] = field.value.split('\n');
  const match = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+,\d*)([NFS][A-Z0-9]{3})(.*)$/.exec(first);
  if (!match) throw new StatementParseError(where(field), `"${first}" is not a statement line (date, C/D mark, amount, type, reference).`);
  const mark = match[3] ?? '';
  const amountMinor = minor(field, match[5] ?? '', currency);
  const [customer = '', bank] = (match[7] ?? '').split('//');
  const credit = mark === 'C' || mark === 'RD';
  const customerRef = customer.trim();
  const bankRef = bank?.trim() || `${field.line}:${index}`;
  return {
    bankRef,
    customerRef: customerRef === '' || customerRef === 'NONREF' ? null : customerRef,
    direction: credit ? 'credit' : 'debit',
    amountMinor,
    currency,
    valueDate: date(field, match[1] ?? '', 'value date'),
    text: more.join(' ').trim(),
    counterparty: null,
    typeCode: match[6] ?? '',
    // RC (reversal of a credit) takes back money received: a returned payment.
    returned: mark === 'RC',
    source: `line ${field.line}`,
    signed: credit ? amountMinor : -amountMinor,
  };
}

/** Parses an MT940 file of one or more statements; the whole file is refused on the first problem. */
export function parseMt940(text: string): ParsedStatement {
  const fields = fieldsOf(text);
  if (fields.length === 0) throw new StatementParseError('line 1', 'the file holds no MT940 fields.');
  const accounts: StatementAccount[] = [];
  const ids: string[] = [];
  let createdOn = '';
  let i = 0;
  while (i < fields.length) {
    const reference = fields[i];
    if (!reference || reference.tag !== '20') throw new StatementParseError(reference ? where(reference) : 'end of file', 'a statement starts with :20:.');
    const fieldsOfStatement: Field[] = [];
    i += 1;
    while (i < fields.length && fields[i]?.tag !== '20') fieldsOfStatement.push(fields[i++] as Field);
    const find = (tags: string[]) => fieldsOfStatement.find((f) => tags.includes(f.tag));
    const account = find(['25']);
    if (!account || account.value.trim() === '') throw new StatementParseError(where(reference), 'the statement has no :25: account.');
    const opening = find(['60F', '60M']);
    const closing = find(['62F', '62M']);
    if (!opening) throw new StatementParseError(where(reference), 'the statement has no :60F: opening balance.');
    if (!closing) throw new StatementParseError(where(reference), 'the statement has no :62F: closing balance.');
    const open = balance(opening);
    const close = balance(closing);
    if (close.currency !== open.currency) throw new StatementParseError(where(closing), `the closing balance is in ${close.currency}, the opening one in ${open.currency}.`);
    const entries: (StatementEntry & { signed: bigint })[] = [];
    fieldsOfStatement.forEach((field, n) => {
      if (field.tag === '61') entries.push(statementLine(field, open.currency, n));
      if (field.tag === '86') {
        const before = fieldsOfStatement[n - 1];
        const entry = entries.at(-1);
        if (!entry || before?.tag !== '61') throw new StatementParseError(where(field), 'information (:86:) must follow a statement line (:61:).');
        entry.text = [entry.text, field.value.replace(/\n/g, ' ').trim()].filter(Boolean).join(' ');
      }
    });
    const moved = entries.reduce((sum, e) => sum + e.signed, 0n);
    const expected = open.sign * open.amountMinor + moved;
    if (expected !== close.sign * close.amountMinor) {
      throw new StatementParseError(
        where(closing),
        `the opening balance and the lines come to ${expected} minor units, but the closing balance is ${close.sign * close.amountMinor}.`,
      );
    }
    ids.push(`${reference.value.trim()}/${find(['28C'])?.value.trim() ?? ''}`);
    createdOn = close.date;
    accounts.push({ accountNumber: account.value.trim(), currency: open.currency, entries: entries.map(({ signed: _signed, ...entry }) => entry) });
  }
  return { format: 'mt940', statementId: ids.join('+'), createdOn, accounts };
}
