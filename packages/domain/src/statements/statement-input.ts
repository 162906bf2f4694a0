import { nulIndex } from '../text/storable.ts';
import { StatementParseError } from './statement-types.ts';

// Checks every statement file gets before a reader sees it. A NUL byte is in no bank's format and breaks
// PostgreSQL's text columns. What an XML file must not do besides is refused as it is read (xml-tree.ts).

/** Where a character offset is in the text, as "line L, column C". */
export function positionOf(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

export function checkNoNul(text: string): void {
  const at = nulIndex(text);
  if (at >= 0) throw new StatementParseError(positionOf(text, at), 'holds a NUL byte, which no statement format allows; the file may be UTF-16 or binary.');
}

/** ISO 20022 messages nest about 15 levels; this leaves room for any real one. */
export const MAX_XML_DEPTH = 64;
