import { isCurrency } from '../currencies.ts';
import { StatementParseError, type ParsedStatement, type StatementAccount, type StatementEntry, type StatementImbalance } from './statement-types.ts';
import { checkNoNul } from './statement-input.ts';
import { yymmdd } from './yymmdd.ts';

// BAI2 (BAI Cash Management Balance Reporting Specification, version 2). Records are comma-separated fields ending
// in "/": 01 file header, 02 group header, 03 account identifier, 16 transaction detail, 88 continuation of the
// record before, 49 account trailer, 98 group trailer, 99 file trailer. Amounts carry no decimal point: they are
// in the currency's minor units already. No maintained npm parser exists, so this one checks everything the format
// lets it check (structure, dates, amounts, control totals and record counts). A file it cannot read is refused
// whole on the first problem, naming the line and the field; a file whose control totals or record counts do not
// add up is read whole and reported as unbalanced, with the difference, for a person to judge.

/** "Deposited item returned": a payment that bounced. */
const RETURN_TYPE_CODES: ReadonlySet<string> = new Set(['555']);

interface LogicalRecord {
  code: string;
  fields: string[];
  /** The line the record starts on, 1-based. */
  line: number;
  /** Physical lines it spans (the record and its 88 continuations), for record counts. */
  physical: number;
  /** Text carried by 88 continuations of a 16 record. */
  continuation: string[];
}

const at = (record: { line: number; code: string }, field?: string) =>
  `line ${record.line} (${record.code} record)${field ? `, field ${field}` : ''}`;

/** Splits a physical record into fields, dropping the "/" that ends it. */
function fieldsOf(body: string): string[] {
  const trimmed = body.trimEnd();
  return (trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed).split(',');
}

function records(text: string): LogicalRecord[] {
  const out: LogicalRecord[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const code = raw.slice(0, 2);
    if (!/^\d\d$/.test(code) || (raw.length > 2 && raw[2] !== ',')) {
      throw new StatementParseError(`line ${line}`, `"${raw.slice(0, 20)}" does not start with a two-digit record code and a comma.`);
    }
    const body = raw.slice(3);
    if (code === '88') {
      const previous = out.at(-1);
      if (!previous) throw new StatementParseError(`line ${line} (88 record)`, 'a continuation cannot be the first record.');
      previous.physical += 1;
      // A 16 record's continuations carry more of its text; others carry more fields.
      if (previous.code === '16') previous.continuation.push(body);
      else previous.fields.push(...fieldsOf(body));
      return;
    }
    // A 16 record's last field is free text that may hold commas: it is split later, field by field.
    out.push({ code, fields: code === '16' ? [body.trimEnd().replace(/\/$/, '')] : fieldsOf(body), line, physical: 1, continuation: [] });
  });
  return out;
}

function date(record: LogicalRecord, field: string, value: string | undefined): string {
  if (!value || !/^\d{6}$/.test(value)) throw new StatementParseError(at(record, field), `"${value ?? ''}" is not a date in YYMMDD form.`);
  return yymmdd(value) ?? fail(at(record, field), `"${value}" is not a calendar date.`);
}

const fail = (where: string, message: string): never => {
  throw new StatementParseError(where, message);
};

function amount(record: LogicalRecord, field: string, value: string | undefined, signed = false): bigint {
  const pattern = signed ? /^[+-]?\d+$/ : /^\d+$/;
  if (!value || !pattern.test(value)) {
    throw new StatementParseError(at(record, field), `"${value ?? ''}" is not a whole number of minor units${signed ? '' : ' without a sign'}.`);
  }
  return BigInt(value);
}

function count(record: LogicalRecord, field: string, value: string | undefined): number {
  if (!value || !/^\d+$/.test(value)) throw new StatementParseError(at(record, field), `"${value ?? ''}" is not a count.`);
  return Number(value);
}

function currency(record: LogicalRecord, value: string | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  if (!isCurrency(value)) throw new StatementParseError(at(record, 'currency code'), `"${value}" is not an ISO 4217 currency code.`);
  return value;
}

/** Physical records are commonly cut at 80 characters, in the middle of a word; such a cut is joined without a space. */
const RECORD_WIDTH = 80;

function joinContinued(own: string, continuation: readonly string[]): string {
  let out = own.trim();
  continuation.forEach((body, k) => {
    const piece = body.replace(/\/$/, '');
    const before = continuation[k - 1];
    const cut = before !== undefined && before.length + 3 >= RECORD_WIDTH && !/\s$/.test(before);
    out = out === '' ? piece.trim() : cut ? `${out}${piece.trimEnd()}` : `${out} ${piece.trim()}`;
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** A 16 record: type code, amount, funds type (with its extra fields), bank and customer reference, then text. */
function transaction(record: LogicalRecord, accountCurrency: string, asOfDate: string): { entry: StatementEntry; amountMinor: bigint } {
  const parts = (record.fields[0] ?? '').split(',');
  const typeCode = parts[0] ?? '';
  if (!/^\d{3}$/.test(typeCode)) throw new StatementParseError(at(record, 'type code'), `"${typeCode}" is not a three-digit type code.`);
  const code = Number(typeCode);
  if (code < 100 || code > 699) {
    throw new StatementParseError(at(record, 'type code'), `${typeCode} is not a transaction detail code (100–399 credits, 400–699 debits).`);
  }
  const amountMinor = amount(record, 'amount', parts[1]);
  const fundsType = parts[2] ?? '';
  const valueDate = fundsType === 'V' ? date(record, 'value date', parts[3]) : asOfDate;
  const next = 3 + fundsExtras(record, parts, 2, 'funds type');
  if (parts.length < next + 2) throw new StatementParseError(at(record), 'the bank and customer reference fields are missing.');
  const bankRef = (parts[next] ?? '').trim();
  const customerRef = (parts[next + 1] ?? '').trim();
  const ownText = parts.slice(next + 2).join(',').trim();
  const text = joinContinued(ownText, record.continuation);
  return {
    amountMinor,
    entry: {
      // Optional in BAI2: without it the transaction is known by its account, date and place in the file.
      bankRef: bankRef === '' ? null : bankRef,
      customerRef: customerRef === '' ? null : customerRef,
      direction: code < 400 ? 'credit' : 'debit',
      amountMinor,
      currency: accountCurrency,
      valueDate,
      text,
      counterparty: null,
      typeCode,
      returned: RETURN_TYPE_CODES.has(typeCode),
      source: `line ${record.line}`,
    },
  };
}

function check(condition: boolean, record: LogicalRecord, message: string): void {
  if (!condition) throw new StatementParseError(at(record), message);
}

/** Extra fields a funds type carries after it: S immediate/one-day/two-day amounts, V value date and time, D distributions. */
function fundsExtras(record: LogicalRecord, fields: readonly (string | undefined)[], index: number, field: string): number {
  const fundsType = fields[index] ?? '';
  switch (fundsType) {
    case '':
    case '0':
    case '1':
    case '2':
    case 'Z':
      return 0;
    case 'S':
      return 3;
    case 'V':
      return 2;
    case 'D':
      return 1 + 2 * count(record, `${field}: number of distributions`, fields[index + 1]);
    default:
      throw new StatementParseError(at(record, field), `"${fundsType}" is not a funds type (0, 1, 2, S, V, D or Z).`);
  }
}

/**
 * The amounts of an 03 record's summaries: type code, amount, item count, funds type (and the funds type's extra
 * fields), repeated. A record and its 88 continuations may each end with an empty field, which is allowed.
 */
function summaryAmounts(record: LogicalRecord, fields: readonly string[]): bigint {
  let total = 0n;
  let s = 0;
  let n = 0;
  while (s < fields.length) {
    if ((fields[s] ?? '') === '') {
      s += 1;
      continue;
    }
    n += 1;
    const typeCode = fields[s] ?? '';
    if (!/^\d{3}$/.test(typeCode)) throw new StatementParseError(at(record, `summary ${n} type code`), `"${typeCode}" is not a three-digit type code.`);
    const amountRaw = fields[s + 1];
    if (amountRaw !== undefined && amountRaw !== '') total += amount(record, `summary ${n} amount`, amountRaw, true);
    if ((fields[s + 2] ?? '') !== '') count(record, `summary ${n} item count`, fields[s + 2]);
    s += 4 + fundsExtras(record, fields, s + 3, `summary ${n} funds type`);
  }
  return total;
}

/** Parses a BAI2 file; any structural, date, amount or control-total problem refuses the whole file. */
export function parseBai2(text: string): ParsedStatement {
  checkNoNul(text);
  const list = records(text);
  const header = list[0];
  if (!header || header.code !== '01') throw new StatementParseError('line 1', 'a BAI2 file starts with a 01 file header.');
  const [sender, , createdRaw, , fileId, , , version] = header.fields;
  const createdOn = date(header, 'file creation date', createdRaw);
  if (!fileId) throw new StatementParseError(at(header, 'file identification number'), 'is empty.');
  if (version !== '2') throw new StatementParseError(at(header, 'version number'), `"${version ?? ''}" is not 2; only BAI version 2 is read.`);

  const accounts: StatementAccount[] = [];
  const imbalances: StatementImbalance[] = [];
  const off = (record: LogicalRecord, message: string, differenceMinor: bigint | null) => {
    imbalances.push({ where: at(record), message, differenceMinor });
  };
  let i = 1;
  let fileTotal = 0n;
  let fileRecords = header.physical;
  let groups = 0;
  for (;;) {
    const groupHeader = list[i];
    if (!groupHeader) throw new StatementParseError(`after line ${list.at(-1)?.line ?? 1}`, 'the file ends without a 99 file trailer.');
    if (groupHeader.code === '99') {
      const [totalRaw, groupsRaw, recordsRaw] = groupHeader.fields;
      const total = amount(groupHeader, 'file control total', totalRaw, true);
      if (total !== fileTotal) off(groupHeader, `the file control total is ${total}, but the groups add up to ${fileTotal}.`, total - fileTotal);
      if (count(groupHeader, 'number of groups', groupsRaw) !== groups) off(groupHeader, `the file has ${groups} groups, not ${groupsRaw}.`, null);
      const records = fileRecords + groupHeader.physical;
      if (count(groupHeader, 'number of records', recordsRaw) !== records) off(groupHeader, `the file has ${records} records, not ${recordsRaw}.`, null);
      const extra = list[i + 1];
      if (extra) throw new StatementParseError(at(extra), 'comes after the 99 file trailer.');
      break;
    }
    check(groupHeader.code === '02', groupHeader, 'a 02 group header or the 99 file trailer was expected here.');
    groups += 1;
    const [, , status, asOfRaw, , groupCurrencyRaw] = groupHeader.fields;
    check(status === '1', groupHeader, `group status "${status ?? ''}" is not 1 (update); other statuses are not read.`);
    const asOfDate = date(groupHeader, 'as-of date', asOfRaw);
    const groupCurrency = currency(groupHeader, groupCurrencyRaw, 'USD');
    let groupTotal = 0n;
    let groupRecords = groupHeader.physical;
    let groupAccounts = 0;
    i += 1;
    for (;;) {
      const accountHeader = list[i];
      if (!accountHeader) throw new StatementParseError(`after line ${list.at(-1)?.line ?? 1}`, 'the group ends without a 98 group trailer.');
      if (accountHeader.code === '98') {
        const [totalRaw, accountsRaw, recordsRaw] = accountHeader.fields;
        const total = amount(accountHeader, 'group control total', totalRaw, true);
        if (total !== groupTotal) off(accountHeader, `the group control total is ${total}, but the accounts add up to ${groupTotal}.`, total - groupTotal);
        if (count(accountHeader, 'number of accounts', accountsRaw) !== groupAccounts) off(accountHeader, `the group has ${groupAccounts} accounts, not ${accountsRaw}.`, null);
        const records = groupRecords + accountHeader.physical;
        if (count(accountHeader, 'number of records', recordsRaw) !== records) off(accountHeader, `the group has ${records} records, not ${recordsRaw}.`, null);
        fileTotal += total;
        fileRecords += records;
        i += 1;
        break;
      }
      check(accountHeader.code === '03', accountHeader, 'a 03 account identifier or the 98 group trailer was expected here.');
      groupAccounts += 1;
      const [accountNumber, accountCurrencyRaw, ...summary] = accountHeader.fields;
      if (!accountNumber) throw new StatementParseError(at(accountHeader, 'customer account number'), 'is empty.');
      const accountCurrency = currency(accountHeader, accountCurrencyRaw, groupCurrency);
      // The summaries' amounts count in the account's control total, as the details' do.
      let accountTotal = summaryAmounts(accountHeader, summary);
      let accountRecords = accountHeader.physical;
      let accountImbalances: StatementImbalance[] | undefined;
      const entries: StatementEntry[] = [];
      i += 1;
      for (;;) {
        const detail = list[i];
        if (!detail) throw new StatementParseError(`after line ${list.at(-1)?.line ?? 1}`, `account ${accountNumber} ends without a 49 account trailer.`);
        if (detail.code === '49') {
          const [totalRaw, recordsRaw] = detail.fields;
          const total = amount(detail, 'account control total', totalRaw, true);
          accountImbalances = [];
          if (total !== accountTotal) {
            accountImbalances.push({ where: at(detail), message: `the account control total is ${total}, but the account's amounts add up to ${accountTotal}.`, differenceMinor: total - accountTotal });
          }
          const records = accountRecords + detail.physical;
          if (count(detail, 'number of records', recordsRaw) !== records) {
            accountImbalances.push({ where: at(detail), message: `account ${accountNumber} has ${records} records, not ${recordsRaw}.`, differenceMinor: null });
          }
          groupTotal += total;
          groupRecords += records;
          i += 1;
          break;
        }
        check(detail.code === '16', detail, 'a 16 transaction detail or the 49 account trailer was expected here.');
        const { entry, amountMinor } = transaction(detail, accountCurrency, asOfDate);
        entries.push(entry);
        accountTotal += amountMinor;
        accountRecords += detail.physical;
        i += 1;
      }
      accounts.push({
        accountNumber,
        currency: accountCurrency,
        entries,
        identity: [`sender=${sender ?? ''}`, `file=${fileId}`, `created=${createdOn}`, `group=${groups}`, `as-of=${asOfDate}`],
        imbalances: accountImbalances ?? [],
        source: `line ${accountHeader.line}`,
      });
    }
  }
  // Group and file totals belong to no one account: they are reported on the file's last one.
  const last = accounts.at(-1);
  if (imbalances.length > 0) {
    if (!last) throw new StatementParseError(imbalances[0]?.where ?? 'line 1', imbalances[0]?.message ?? 'the totals do not add up.');
    last.imbalances = [...(last.imbalances ?? []), ...imbalances];
  }
  return { format: 'bai2', statementId: `${sender ?? ''}/${fileId}/${createdOn}`, createdOn, accounts };
}
