import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isCurrency } from '../currencies.ts';
import { InvalidAmountError } from '../money-errors.ts';
import { parseMajorAmount } from '../money.ts';
import { StatementParseError, type ParsedStatement, type StatementAccount, type StatementEntry } from './statement-types.ts';

// ISO 20022 cash-management messages: camt.053 (end-of-day statement, BkToCstmrStmt/Stmt) and camt.054 (debit and
// credit notification, BkToCstmrDbtCdtNtfctn/Ntfctn). They share the entry structure, so one reader serves both.
// fast-xml-parser reads the XML with every value kept as text, so amounts never pass through a float. A batch
// entry with several transaction details becomes one entry per transaction; each keeps the bank's reference.

type Node = Record<string, unknown>;

const ARRAYS = new Set(['Stmt', 'Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'RfrdDocInf', 'CdtrRefInf']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

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

function isoDate(node: Node | undefined): string | null {
  const value = text(node, 'Dt') ?? text(node, 'DtTm');
  return value ? value.slice(0, 10) : null;
}

function amountOf(node: Node | undefined, where: string): { amountMinor: bigint; currency: string } {
  const amt = node?.['Amt'];
  const value = typeof amt === 'string' ? amt : isNode(amt) ? amt['#text'] : undefined;
  const currency = isNode(amt) ? amt['@Ccy'] : undefined;
  if (typeof currency !== 'string' || !isCurrency(currency)) {
    throw new StatementParseError(`${where}/Amt`, `the currency "${String(currency ?? '')}" is not an ISO 4217 code.`);
  }
  if (typeof value !== 'string') throw new StatementParseError(`${where}/Amt`, 'the amount is missing.');
  try {
    const money = parseMajorAmount(value, currency, 'Amt');
    if (money.amountMinor <= 0n) throw new StatementParseError(`${where}/Amt`, `"${value}" is not a positive amount.`);
    return { amountMinor: money.amountMinor, currency };
  } catch (error) {
    if (error instanceof InvalidAmountError) {
      throw new StatementParseError(`${where}/Amt`, `"${value}" is not an amount in ${currency}: ${error.message}`);
    }
    throw error;
  }
}

/** Unstructured lines, structured creditor references and referred document numbers, joined. */
function remittance(tx: Node | undefined): { text: string; creditorRef: string | null } {
  const info = child(tx, 'RmtInf');
  const raw = info?.['Ustrd'];
  const lines = (Array.isArray(raw) ? raw : [raw]).filter((u): u is string => typeof u === 'string' && u.length > 0);
  const structured = list(info, 'Strd');
  const creditorRefs = structured.flatMap((s) => list(s, 'CdtrRefInf').map((c) => text(c, 'Ref'))).filter((r): r is string => !!r);
  const documents = structured.flatMap((s) => list(s, 'RfrdDocInf').map((d) => text(d, 'Nb'))).filter((n): n is string => !!n);
  return { text: [...lines, ...documents, ...creditorRefs].join(' ').trim(), creditorRef: creditorRefs[0] ?? null };
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

function entriesOf(entry: Node, where: string): StatementEntry[] {
  const indicator = text(entry, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    throw new StatementParseError(`${where}/CdtDbtInd`, `"${indicator ?? ''}" is neither CRDT nor DBIT.`);
  }
  const direction = indicator === 'CRDT' ? 'credit' : 'debit';
  const status = text(child(entry, 'Sts'), 'Cd') ?? text(entry, 'Sts');
  if (status !== undefined && status !== 'BOOK') return []; // pending or informational entries are not cash yet
  const total = amountOf(entry, where);
  const typeCode = typeCodeOf(entry);
  const reversal = text(entry, 'RvslInd') === 'true' || typeCode.endsWith('/RRTN');
  const valueDate = isoDate(child(entry, 'ValDt')) ?? isoDate(child(entry, 'BookgDt'));
  const entryRef = text(entry, 'AcctSvcrRef') ?? text(entry, 'NtryRef');
  const details = list(entry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
  const build = (tx: Node | undefined, index: number | null): StatementEntry => {
    const txWhere = index === null ? where : `${where}/NtryDtls/TxDtls${path(index)}`;
    const refs = child(tx, 'Refs');
    const endToEnd = text(refs, 'EndToEndId');
    const bankRef = text(refs, 'AcctSvcrRef') ?? (entryRef ? (index === null ? entryRef : `${entryRef}/${index + 1}`) : undefined);
    if (!bankRef) throw new StatementParseError(txWhere, 'has no bank reference (AcctSvcrRef or NtryRef); it could not be recognised on a re-import.');
    // In a batch each transaction has its own amount: TxDtls/Amt (version 8) or TxDtls/AmtDtls/TxAmt/Amt (earlier).
    const txAmount = child(child(tx, 'AmtDtls'), 'TxAmt') ?? tx;
    const own = index !== null && details.length > 1 ? amountOf(txAmount, txWhere) : total;
    const info = remittance(tx);
    return {
      bankRef,
      customerRef: info.creditorRef ?? (endToEnd && endToEnd !== 'NOTPROVIDED' ? endToEnd : null),
      direction,
      amountMinor: own.amountMinor,
      currency: own.currency,
      valueDate,
      text: info.text,
      counterparty: counterpartyOf(tx, direction),
      typeCode,
      returned: reversal || child(tx, 'RtrInf') !== undefined,
      source: txWhere,
    };
  };
  const entries = details.length === 0 ? [build(undefined, null)] : details.map((tx, i) => build(tx, details.length > 1 ? i : null));
  if (entries.length > 1) {
    const sum = entries.reduce((s, e) => s + e.amountMinor, 0n);
    if (sum !== total.amountMinor) {
      throw new StatementParseError(`${where}/NtryDtls`, `the transactions add up to ${sum} minor units, but the entry is ${total.amountMinor}.`);
    }
  }
  return entries;
}

/** Parses a camt.053 statement or a camt.054 notification. */
export function parseCamt(xml: string): ParsedStatement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new StatementParseError(`line ${valid.err.line}, column ${valid.err.col}`, `the XML is not well formed: ${valid.err.msg}`);
  const document = child(parser.parse(xml) as Node, 'Document');
  const statementRoot = child(document, 'BkToCstmrStmt');
  const notificationRoot = child(document, 'BkToCstmrDbtCdtNtfctn');
  const root = statementRoot ?? notificationRoot;
  if (!root) throw new StatementParseError('Document', 'holds neither BkToCstmrStmt (camt.053) nor BkToCstmrDbtCdtNtfctn (camt.054).');
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
    const currency = text(account, 'Ccy') ?? '';
    const entries = list(item, 'Ntry').flatMap((entry, n) => entriesOf(entry, `${where}/Ntry${path(n)}`));
    return { accountNumber, currency: currency || (entries[0]?.currency ?? ''), entries };
  });
  const ids = items.map((item) => text(item, 'Id')).filter(Boolean).join('+');
  return { format, statementId: `${messageId}/${ids}`, createdOn: created.slice(0, 10), accounts };
}
