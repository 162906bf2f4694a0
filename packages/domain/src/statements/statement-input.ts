import { nulIndex } from '../text/storable.ts';
import { StatementParseError } from './statement-types.ts';

// Checks every statement file gets before a reader sees it. A NUL byte is in no bank's format and breaks
// PostgreSQL's text columns; an XML file may not declare a DOCTYPE (entities can expand without bound or read
// files), nest deeper than any ISO 20022 message does, or name an element after an object's prototype slots.

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
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export function checkXmlSafety(xml: string): void {
  checkNoNul(xml);
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (declaration) throw new StatementParseError(positionOf(xml, declaration.index), `a statement may not declare a ${declaration[1]?.toUpperCase()}; entities are refused.`);
  let depth = 0;
  const tags = /<(\/?)([^\s/>!?]+)[^>]*?(\/?)>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  for (const match of xml.matchAll(tags)) {
    const name = match[2];
    if (name === undefined) continue; // CDATA, comments, processing instructions
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (FORBIDDEN_NAMES.has(local)) throw new StatementParseError(`${positionOf(xml, match.index)} (<${name}>)`, `an element may not be named "${local}".`);
    if (match[1] === '/') depth -= 1;
    else if (match[3] !== '/') {
      depth += 1;
      if (depth > MAX_XML_DEPTH) throw new StatementParseError(`${positionOf(xml, match.index)} (<${name}>)`, `the XML nests deeper than ${MAX_XML_DEPTH} levels, which no statement does.`);
    }
  }
}
