import { StatementParseError } from '../statement-types.ts';

// The tagged fields of an MT940 file, as real banks write them: SWIFT block framing ({1:..}{2:..}{3:..}{4: .. -}
// and a {5:..} trailer), SOH and ETX bytes around messages, bank pseudo-header lines before the first tag (":940:",
// "ABNANL2A" / "940" / "ABNANL2A"), "-" between statements, blank lines anywhere, and fields continued on the
// lines after their tag.

export interface Mt940Field {
  tag: string;
  /** The field's text: the rest of the tag line, then each continuation line, as written (without line breaks). */
  lines: string[];
  /** 1-based line of the tag. */
  line: number;
}

export interface Mt940File {
  fields: Mt940Field[];
  /** Lines outside any field: pseudo-headers, and the SWIFT header blocks' text. */
  headers: string[];
  /** The sender's BIC from a SWIFT {1:} or {2:} block, when the file has one. */
  bic: string | null;
}

/** Header lines a bank may put before a message's first tag; more than this is not an MT940 file. */
const MAX_HEADER_LINES = 5;

const FRAMING: ReadonlySet<string> = new Set([String.fromCharCode(1), String.fromCharCode(3), String.fromCharCode(26)]);

const TAG = /^:(\d{2}[A-Z]?|NS):(.*)$/;
/** "-", "-}", "-}{5:...}", "}" or a lone trailer block: the end of a message. */
const TERMINATOR = /^-?\}?(\{5:.*\}?)?$/;

/** Removes leading SWIFT header blocks ({1:..}, {2:..}, {3:{..}}); returns what follows "{4:", or null if no block. */
function stripBlocks(line: string, onBic: (bic: string) => void): { rest: string; opened: boolean } | null {
  if (!line.startsWith('{')) return null;
  let rest = line;
  let opened = false;
  while (rest.startsWith('{')) {
    const id = /^\{(\d):/.exec(rest)?.[1];
    if (!id) break;
    if (id === '4') {
      rest = rest.slice(3);
      opened = true;
      break;
    }
    // A block ends at its matching brace; {3:} nests {108:...} blocks.
    let depth = 0;
    let end = -1;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '{') depth += 1;
      else if (rest[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    const body = end < 0 ? rest : rest.slice(0, end + 1);
    const bic = id === '1' ? /^\{1:F\d\d([A-Z0-9]{8})/.exec(body)?.[1] : id === '2' ? /^\{2:[IO]\d{3}(?:\d{10})?([A-Z0-9]{8})/.exec(body)?.[1] : undefined;
    if (bic) onBic(bic);
    if (end < 0) return { rest: '', opened };
    rest = rest.slice(end + 1);
  }
  return { rest, opened };
}

const inLineText = (field: Mt940Field | null) => field !== null && (field.tag === '86' || field.tag === '61');

function nextStartsMessage(lines: readonly string[], index: number): boolean {
  const next = lines.slice(index + 1).find((l) => l.trim() !== '');
  return next === undefined || /^\s*[:{]/.test(next);
}

export function readMt940Fields(text: string): Mt940File {
  const fields: Mt940Field[] = [];
  const headers: string[] = [];
  let bic: string | null = null;
  let current: Mt940Field | null = null;
  let headerRun = 0;
  // SOH, ETX and SUB frame messages in files from SWIFT gateways and DOS tools; they carry no content.
  const lines = [...FRAMING].reduce((t, c) => t.replaceAll(c, ''), text).split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    let line = raw;
    const blocks = stripBlocks(line.trimStart(), (found) => {
      bic ??= found;
    });
    if (blocks) {
      current = null;
      headers.push(raw.trim());
      line = blocks.rest;
      if (line.trim() === '') return;
    }
    if (line.trim() === '') return; // blank lines between fields, and lines of padding
    const tagged = TAG.exec(line.trimStart());
    if (tagged) {
      current = { tag: tagged[1] ?? '', lines: [tagged[2] ?? ''], line: lineNo };
      fields.push(current);
      headerRun = 0;
      return;
    }
    // A lone "-" ends a message, except inside a line's information, where it is text the bank wrapped (ING cuts
    // "MND-120123" into "MND", "-", "120123"); there it ends the message only if a tag or a block follows.
    if (TERMINATOR.test(line.trim()) && (line.trim() !== '-' || !inLineText(current) || nextStartsMessage(lines, index))) {
      current = null;
      return;
    }
    if (current) {
      (current as Mt940Field).lines.push(line);
      return;
    }
    headerRun += 1;
    if (headerRun > MAX_HEADER_LINES || line.length > 80) {
      throw new StatementParseError(`line ${lineNo}`, `"${line.trim().slice(0, 40)}" stands outside any MT940 field (:20:, :25:, :61:, ...).`);
    }
    headers.push(line.trim());
  });
  return { fields, headers, bic };
}
