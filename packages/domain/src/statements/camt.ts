import { isCurrency } from '../currencies.ts';
import { InvalidAmountError } from '../money-errors.ts';
import { parseMajorAmount } from '../money.ts';
import {
  balanceCheck,
  StatementParseError,
  type ParsedStatement,
  type StatementAccount,
  type StatementBalance,
  type StatementEntry,
} from './statement-types.ts';
import { readXmlTree } from './xml-tree.ts';

// ISO 20022 cash-management messages: camt.053 (end-of-day statement, BkToCstmrStmt/Stmt) and camt.054 (debit and
// credit notification, BkToCstmrDbtCdtNtfctn/Ntfctn). They share the entry structure, so one reader serves both.
// The XML is read into a tree with every value kept as text (xml-tree.ts), so amounts never pass through a float. A batch
// entry with several transaction details becomes one entry per transaction. The bank's references (AcctSvcrRef,
// NtryRef) are optional in every version, and several transactions of one batch may share one; a transaction is
// told from another by its references together with its amount, date and place, never by a reference alone.

type Node = Record<string, unknown>;

const ARRAYS = new Set(['Stmt', 'Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'RfrdDocInf', 'CdtrRefInf', 'Bal', 'AddtlNtryInf', 'AddtlTxInf']);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

function child(node: Node | undefined, name: string): Node | undefined {
  const value = node?.[name];
  return isNode(value) ? value : undefined;
}

function list(node: Node | undefined, name: string): Node[] {
  const value = node?.[name];
  return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
}

/** The text of a leaf, whether it came as a string or as an element with attributes. */
function text(node: Node | undefined, name: string): string | undefined {
  const value = node?.[name];
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return undefined;
}

function path(...parts: (string | number)[]): string {
  return parts.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `/${p}`)).join('').replace(/^\//, '');
}

/** A Dt (YYYY-MM-DD) or DtTm (an ISO date-time) as YYYY-MM-DD, checked against the calendar. */
function isoDate(node: Node | undefined, where: string): string | null {
  const value = text(node, 'Dt') ?? text(node, 'DtTm');
  if (value === undefined) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  const iso = day ? `${day[1]}-${day[2]}-${day[3]}` : '';
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (!day || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    throw new StatementParseError(where, `"${value}" is not a calendar date.`);
  }
  return iso;
}

interface Amount {
  amountMinor: bigint;
  currency: string;
}

/** The Amt element of a node, or null when it has none. Zero is a valid amount (banks report zero-amount lines). */
function amountIn(node: Node | undefined, where: string, name = 'Amt'): Amount | null {
  const amt = node?.[name];
  if (amt === undefined) return null;
  const value = typeof amt === 'string' ? amt : isNode(amt) ? amt['#text'] : undefined;
  const currency = isNode(amt) ? amt['@Ccy'] : undefined;
  if (typeof currency !== 'string' || !isCurrency(currency)) {
    throw new StatementParseError(`${where}/${name}`, `the currency "${String(currency ?? '')}" is not an ISO 4217 code.`);
  }
  if (typeof value !== 'string') throw new StatementParseError(`${where}/${name}`, 'the amount is missing.');
  try {
    return { amountMinor: parseMajorAmount(value, currency, name).amountMinor, currency };
  } catch (error) {
    if (error instanceof InvalidAmountError) {
      throw new StatementParseError(`${where}/${name}`, `"${value}" is not an amount in ${currency}: ${error.message}`);
    }
    throw error;
  }
}

function amountOf(node: Node | undefined, where: string): Amount {
  return amountIn(node, where) ?? fail(`${where}/Amt`, 'the amount is missing.');
}

const fail = (where: string, message: string): never => {
  throw new StatementParseError(where, message);
};

/** A transaction's own amount, preferring one in the entry's currency: TxDtls/Amt (.08), then AmtDtls (all versions). */
function transactionAmount(tx: Node | undefined, where: string, entryCurrency: string): Amount | null {
  const details = child(tx, 'AmtDtls');
  const candidates = [
    amountIn(tx, where),
    amountIn(child(details, 'TxAmt'), `${where}/AmtDtls/TxAmt`),
    amountIn(child(details, 'CntrValAmt'), `${where}/AmtDtls/CntrValAmt`),
    amountIn(child(details, 'InstdAmt'), `${where}/AmtDtls/InstdAmt`),
  ].filter((a): a is Amount => a !== null);
  return candidates.find((a) => a.currency === entryCurrency) ?? candidates[0] ?? null;
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? [v] : isNode(v) && typeof v['#text'] === 'string' ? [v['#text']] : []));

/** Unstructured lines, structured creditor references and referred document numbers, joined. */
function remittance(tx: Node | undefined): { text: string; creditorRef: string | null } {
  const info = child(tx, 'RmtInf');
  const raw = info?.['Ustrd'];
  const lines = (Array.isArray(raw) ? raw : [raw]).filter((u): u is string => typeof u === 'string' && u.length > 0);
  const structured = list(info, 'Strd');
  const creditorRefs = structured.flatMap((s) => list(s, 'CdtrRefInf').map((c) => text(c, 'Ref'))).filter((r): r is string => !!r);
  const documents = structured.flatMap((s) => list(s, 'RfrdDocInf').map((d) => text(d, 'Nb'))).filter((n): n is string => !!n);
  const additional = structured.flatMap((s) => strings(s['AddtlRmtInf']));
  return { text: [...lines, ...documents, ...creditorRefs, ...additional].join(' ').trim(), creditorRef: creditorRefs[0] ?? null };
}

function counterpartyOf(tx: Node | undefined, direction: 'credit' | 'debit'): string | null {
  const parties = child(tx, 'RltdPties');
  const party = child(parties, direction === 'credit' ? 'Dbtr' : 'Cdtr');
  // camt.053.001.08 nests the name one level deeper (Dbtr/Pty/Nm) than earlier versions (Dbtr/Nm).
  return text(party, 'Nm') ?? text(child(party, 'Pty'), 'Nm') ?? null;
}

function typeCodeOf(entry: Node): string {
  const code = child(entry, 'BkTxCd');
  const domain = child(code, 'Domn');
  if (domain) {
    const family = child(domain, 'Fmly');
    return [text(domain, 'Cd'), text(family, 'Cd'), text(family, 'SubFmlyCd')].filter(Boolean).join('/');
  }
  return text(child(code, 'Prtry'), 'Cd') ?? '';
}

const NO_REFERENCE = new Set(['', 'NONREF', 'NOTPROVIDED', 'NONE']);
const real = (value: string | undefined): string | null => (value === undefined || NO_REFERENCE.has(value.trim().toUpperCase()) ? null : value.trim());

interface ReadEntry {
  entries: StatementEntry[];
  /** The entry's effect on the balance, in the entry's currency: the entry's own amount, however it is split. */
  signed: bigint;
  currency: string;
  booked: boolean;
}

function directionOf(node: Node | undefined, where: string): 'credit' | 'debit' {
  const indicator = text(node, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    throw new StatementParseError(`${where}/CdtDbtInd`, `"${indicator ?? ''}" is neither CRDT nor DBIT.`);
  }
  return indicator === 'CRDT' ? 'credit' : 'debit';
}

function entriesOf(entry: Node, where: string): ReadEntry {
  const direction = directionOf(entry, where);
  const total = amountOf(entry, where);
  const signed = direction === 'credit' ? total.amountMinor : -total.amountMinor;
  const status = text(child(entry, 'Sts'), 'Cd') ?? text(entry, 'Sts');
  // Pending and informational entries are not cash yet.
  if (status !== undefined && status !== 'BOOK') return { entries: [], signed, currency: total.currency, booked: false };
  const typeCode = typeCodeOf(entry);
  const reversal = text(entry, 'RvslInd') === 'true' || typeCode.endsWith('/RRTN');
  const valueDate = isoDate(child(entry, 'ValDt'), `${where}/ValDt`) ?? isoDate(child(entry, 'BookgDt'), `${where}/BookgDt`);
  const entryRef = real(text(entry, 'AcctSvcrRef')) ?? real(text(entry, 'NtryRef'));
  const entryInfo = strings(entry['AddtlNtryInf']).join(' ');
  const details = list(entry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
  const batch = details.length > 1;
  const own = details.map((tx, i) => transactionAmount(tx, `${where}/NtryDtls/TxDtls${path(i)}`, total.currency));
  const withoutAmount = own.filter((a) => a === null).length;
  if (batch && withoutAmount > 0 && withoutAmount < details.length) {
    throw new StatementParseError(`${where}/NtryDtls`, `${withoutAmount} of the batch's ${details.length} transactions give no amount, the others do; the entry cannot be split.`);
  }
  if (batch && withoutAmount === 0) {
    // Compared in one currency only: the transactions' amounts in the entry's currency against the entry, or,
    // when they are in another currency, against the batch total the bank gives in that currency.
    const currencies = new Set(own.map((a) => a?.currency));
    const sum = own.reduce((s, a) => s + (a?.amountMinor ?? 0n), 0n);
    const txCurrency = own[0]?.currency ?? total.currency;
    const batchTotal = list(entry, 'NtryDtls')
      .map((d, i) => amountIn(child(d, 'Btch'), `${where}/NtryDtls${path(i)}/Btch`, 'TtlAmt'))
      .find((a) => a !== null);
    if (currencies.size > 1) throw new StatementParseError(`${where}/NtryDtls`, `the batch's transactions are in several currencies (${[...currencies].join(', ')}).`);
    const against = txCurrency === total.currency ? total : batchTotal && batchTotal.currency === txCurrency ? batchTotal : null;
    if (!against) {
      throw new StatementParseError(`${where}/NtryDtls`, `the batch's transactions are in ${txCurrency}, the entry in ${total.currency}, and no batch total in ${txCurrency} is given to check them against.`);
    }
    if (sum !== against.amountMinor) {
      throw new StatementParseError(
        `${where}/NtryDtls`,
        `the transactions add up to ${sum} minor units of ${txCurrency}, but the ${against === total ? 'entry' : 'batch total'} is ${against.amountMinor}${txCurrency === total.currency ? '' : ` (the entry is ${total.amountMinor} ${total.currency})`}.`,
      );
    }
  }
  const build = (tx: Node | undefined, index: number | null): StatementEntry => {
    const txWhere = index === null ? where : `${where}/NtryDtls/TxDtls${path(index)}`;
    const refs = child(tx, 'Refs');
    const endToEnd = real(text(refs, 'EndToEndId'));
    const amount = batch && index !== null && own[index] ? (own[index] as Amount) : total;
    const txDirection = batch && tx && text(tx, 'CdtDbtInd') ? directionOf(tx, txWhere) : direction;
    const info = remittance(tx);
    const txInfo = strings(tx?.['AddtlTxInf']).join(' ');
    const doubt =
      batch && withoutAmount > 0
        ? `One of ${details.length} transactions of a batch entry of ${total.amountMinor} ${total.currency} that gives no amount of its own (camt .001.02 allows it); it shows the entry's amount, so a person splits it.`
        : undefined;
    return {
      bankRef: real(text(refs, 'AcctSvcrRef')) ?? entryRef,
      customerRef: info.creditorRef ?? endToEnd,
      direction: txDirection,
      amountMinor: amount.amountMinor,
      currency: amount.currency,
      valueDate,
      text: [info.text, txInfo, entryInfo].filter(Boolean).join(' ').trim(),
      counterparty: counterpartyOf(tx, txDirection),
      typeCode,
      returned: reversal || child(tx, 'RtrInf') !== undefined,
      source: txWhere,
      ...(doubt ? { doubt } : {}),
    };
  };
  const entries = details.length === 0 ? [build(undefined, null)] : details.map((tx, i) => build(tx, batch ? i : null));
  return { entries, signed, currency: total.currency, booked: true };
}

/** The opening (OPBD, or PRCD: the previous closing) and closing (CLBD) booked balances, when the statement gives them. */
function balancesOf(item: Node, where: string): { opening?: StatementBalance & { currency: string }; closing?: StatementBalance & { currency: string } } {
  const read = (codes: string[]) => {
    const index = list(item, 'Bal').findIndex((b) => codes.includes(text(child(child(b, 'Tp'), 'CdOrPrtry'), 'Cd') ?? ''));
    const bal = list(item, 'Bal')[index];
    if (!bal) return undefined;
    const at = `${where}/Bal${path(index)}`;
    const amount = amountOf(bal, at);
    const sign = directionOf(bal, at) === 'credit' ? 1n : -1n;
    return { date: isoDate(child(bal, 'Dt'), `${at}/Dt`) ?? '', amountMinor: sign * amount.amountMinor, currency: amount.currency, source: at };
  };
  const opening = read(['OPBD']) ?? read(['PRCD']);
  const closing = read(['CLBD']);
  return { ...(opening ? { opening } : {}), ...(closing ? { closing } : {}) };
}

/** Parses a camt.053 statement or a camt.054 notification. */
export function parseCamt(xml: string): ParsedStatement {
  const tree = readXmlTree(xml, ARRAYS) as Node;
  const document = child(tree, 'Document');
  const statementRoot = child(document, 'BkToCstmrStmt');
  const notificationRoot = child(document, 'BkToCstmrDbtCdtNtfctn');
  const root = statementRoot ?? notificationRoot;
  if (!root) {
    const report = child(document, 'BkToCstmrAcctRpt') ? ' It is a camt.052 intraday report, which is not cash yet: import the end-of-day camt.053.' : '';
    throw new StatementParseError('Document', `holds neither BkToCstmrStmt (camt.053) nor BkToCstmrDbtCdtNtfctn (camt.054).${report}`);
  }
  const format = statementRoot ? 'camt.053' : 'camt.054';
  const rootName = statementRoot ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn';
  const header = child(root, 'GrpHdr');
  const messageId = text(header, 'MsgId');
  if (!messageId) throw new StatementParseError(`Document/${rootName}/GrpHdr/MsgId`, 'is missing.');
  const created = text(header, 'CreDtTm');
  if (!created || Number.isNaN(Date.parse(created))) throw new StatementParseError(`Document/${rootName}/GrpHdr/CreDtTm`, `"${created ?? ''}" is not a date-time.`);
  const itemName = statementRoot ? 'Stmt' : 'Ntfctn';
  const items = list(root, itemName);
  if (items.length === 0) throw new StatementParseError(`Document/${rootName}`, `holds no ${itemName}.`);
  const accounts: StatementAccount[] = items.map((item, s) => {
    const where = `Document/${rootName}/${itemName}${path(s)}`;
    const account = child(item, 'Acct');
    const id = child(account, 'Id');
    const accountNumber = text(id, 'IBAN') ?? text(child(id, 'Othr'), 'Id');
    if (!accountNumber) throw new StatementParseError(`${where}/Acct/Id`, 'names no account (IBAN or Othr/Id).');
    const read = list(item, 'Ntry').map((entry, n) => entriesOf(entry, `${where}/Ntry${path(n)}`));
    const entries = read.flatMap((r) => r.entries);
    const currency = text(account, 'Ccy') || (entries[0]?.currency ?? read[0]?.currency ?? '');
    const { opening, closing } = balancesOf(item, where);
    // Only booked entries in the balances' currency move them; a statement whose balances are in two currencies
    // (seen in published samples) cannot be checked and is not.
    const checkable = opening && closing && opening.currency === closing.currency ? opening.currency : null;
    const moved = read.filter((r) => r.booked && r.currency === checkable).reduce((sum, r) => sum + r.signed, 0n);
    const imbalance = checkable ? balanceCheck({ opening, closing, currency: checkable }, moved) : null;
    const period = child(item, 'FrToDt');
    const strip = (b: (StatementBalance & { currency: string }) | undefined) => (b ? { date: b.date, amountMinor: b.amountMinor, source: b.source } : undefined);
    const information = strings(item['AddtlStmtInf']).join(' ');
    return {
      accountNumber,
      currency,
      entries,
      identity: [
        `id=${text(item, 'Id') ?? ''}`,
        `electronic=${text(item, 'ElctrncSeqNb') ?? ''}`,
        `legal=${text(item, 'LglSeqNb') ?? ''}`,
        `from=${text(period, 'FrDtTm') ?? text(period, 'FrDt') ?? ''}`,
        `to=${text(period, 'ToDtTm') ?? text(period, 'ToDt') ?? ''}`,
      ],
      ...(opening ? { opening: strip(opening) as StatementBalance } : {}),
      ...(closing ? { closing: strip(closing) as StatementBalance } : {}),
      imbalances: imbalance ? [imbalance] : [],
      ...(information ? { information } : {}),
      source: where,
    };
  });
  const ids = items.map((item) => text(item, 'Id')).filter(Boolean).join('+');
  return { format, statementId: `${messageId}/${ids}`, createdOn: created.slice(0, 10), accounts };
}
