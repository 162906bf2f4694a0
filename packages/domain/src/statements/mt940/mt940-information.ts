// The :86: information of an MT940 line, in the three shapes banks use:
// - German "structured" information (DFÜ-Abkommen, also Triodos): a three-digit business code, then subfields
//   ?00 booking text, ?20..?29 and ?60..?63 remittance, ?30/?31 the other party's bank and account, ?32/?33 their
//   name. Some banks separate subfields with ">" instead of "?".
// - Slash codes (ING, Rabobank, ABN AMRO SEPA): /EREF/.../NAME/.../REMI/..., with /RTRN/ on a returned item.
// - Free text.
// A field is at most 6 lines of 65 characters, and banks cut lines at that width in the middle of a word or a
// reference, so a line that fills the width is joined to the next one without a space.

export const MT940_LINE_WIDTH = 65;

export interface LineInformation {
  /** What the payer wrote and the bank's booking text, for the matcher and for people. */
  text: string;
  counterparty: string | null;
  /** The German business code (Geschäftsvorfallcode), when the information has one. */
  businessCode: string | null;
  /** Slash codes present, by code (e.g. RTRN, EREF). */
  codes: ReadonlyMap<string, string>;
}

/** Joins a field's lines: without a space where the bank cut a full-width line, with one elsewhere. */
export function joinWrapped(lines: readonly string[], firstLineWidth = MT940_LINE_WIDTH): string {
  let out = '';
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (i === 0) {
      out = line.trimStart().replace(/\s+$/, '');
      return;
    }
    const previous = lines[i - 1] ?? '';
    const width = i === 1 ? firstLineWidth : MT940_LINE_WIDTH;
    const cut = previous.length >= width && !/\s$/.test(previous);
    if (trimmed === '') return;
    out = out === '' ? trimmed : cut ? `${out}${line.replace(/\s+$/, '')}` : `${out} ${trimmed}`;
  });
  return out.replace(/\s+/g, ' ').trim();
}

const SUBFIELDS = /^(\d{3})([?>])/;

function structured(joined: string): LineInformation | null {
  const head = SUBFIELDS.exec(joined);
  if (!head) return null;
  const separator = head[2] ?? '?';
  const parts = new Map<string, string>();
  const pattern = new RegExp(`\\${separator}(\\d{2})`, 'g');
  const marks = [...joined.matchAll(pattern)];
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[i + 1]?.index ?? joined.length;
    const code = mark[1] ?? '';
    parts.set(code, (parts.get(code) ?? '') + joined.slice(start, end));
  });
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, k) => parts.get(String(from + k).padStart(2, '0')) ?? '').join('');
  const remittance = `${range(20, 29)}${range(60, 63)}`.trim();
  const booking = (parts.get('00') ?? '').trim();
  const name = `${parts.get('32') ?? ''}${parts.get('33') ?? ''}`.trim();
  return {
    text: [booking, remittance].filter(Boolean).join(' ').replace(/\s{2,}/g, ' '),
    counterparty: name === '' ? null : name,
    businessCode: head[1] ?? null,
    codes: new Map(),
  };
}

/** The top-level codes of the slash-coded form; anything else between slashes belongs to a value. */
const SLASH_CODES = new Set([
  'ACCW', 'ADDR', 'BENM', 'BUSP', 'CHGS', 'CNTP', 'CREF', 'CSID', 'EREF', 'EXCH', 'IREF', 'ISDT', 'MARF', 'NAME', 'OCMT',
  'ORDP', 'PREF', 'PURP', 'REMI', 'RTRN', 'SVCL', 'TRCD', 'TRTP', 'ULTB', 'ULTC', 'ULTD',
]);

const clean = (value: string | undefined) => (value ?? '').replace(/^\/+|\/+$/g, '').trim();

function slashCoded(joined: string): LineInformation | null {
  if (!/^\s*\/[A-Z]{4}\//.test(joined)) return null;
  const codes = new Map<string, string>();
  let code: string | null = null;
  let value: string[] = [];
  const flush = () => {
    if (code !== null && !codes.has(code)) codes.set(code, value.join('/'));
  };
  for (const token of joined.trim().split('/').slice(1)) {
    if (SLASH_CODES.has(token)) {
      flush();
      code = token;
      value = [];
    } else value.push(token);
  }
  flush();
  if (codes.size === 0) return null;
  // Unstructured (USTD//text) or structured (STRD/CUR/reference) remittance.
  const remittance = clean(codes.get('REMI')).replace(/^USTD\/+/, '').replace(/^STRD\/+(CUR\/+)?/, '');
  // ING gives the other party as CNTP/account/BIC/name/place; Rabobank and ABN AMRO as NAME.
  const name = clean(codes.get('NAME')) || (clean(codes.get('CNTP')).split('/')[2] ?? '').trim();
  const text = [remittance, ...['EREF', 'PREF', 'MARF', 'RTRN'].map((c) => clean(codes.get(c))).filter((v) => v !== '' && v !== 'NOTPROVIDED')].join(' ');
  return { text: (text.trim() === '' ? joined.trim() : text).replace(/\s+/g, ' ').trim(), counterparty: name === '' ? null : name, businessCode: null, codes };
}

/** Reads one line's :86: information; several :86: fields for one line (Rabobank) come as one list of lines. */
export function readInformation(lines: readonly string[]): LineInformation {
  if (lines.length === 0) return { text: '', counterparty: null, businessCode: null, codes: new Map() };
  // Subfields and slash codes delimit the text themselves, and banks cut their lines anywhere (ING even short of
  // the width), so their lines always join without spaces.
  const tight = lines.map((l, i) => (i === 0 ? l.trimStart() : l.replace(/^\s+(?=[?>]\d\d)/, ''))).join('');
  return structured(tight) ?? slashCoded(tight) ?? { text: joinWrapped(lines), counterparty: null, businessCode: null, codes: new Map() };
}
