import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { checkNoNul, MAX_XML_DEPTH, positionOf } from './statement-input.ts';
import { StatementParseError } from './statement-types.ts';

// Reads a statement's XML into a plain tree in one strict pass: saxes checks that the XML is well formed (a
// conforming parser, unlike a lenient tree builder), and the refusals every statement file gets (no DOCTYPE, no
// deeper nesting than any ISO 20022 message, no element named after an object's prototype slots) are made on the
// way, where the parser knows the line and column. A bank's 40 MB camt.053 is read in about a second.
//
// The tree keeps what a reader needs and nothing else:
// - element names without their namespace prefix; attributes as "@name" (namespace declarations left out);
// - an element with only text is that text, trimmed ('' when empty); one with attributes or children is an
//   object, its text (if any) under "#text";
// - a name that repeats among siblings, or one of `arrays`, is an array; text is never turned into numbers.

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

const local = (name: string): string => (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name);

interface Open {
  name: string;
  node: XmlNode;
  text: string;
  hasContent: boolean;
}

/** Reads `xml` into a tree; refuses XML that is not well formed or not safe to read, naming where. */
export function readXmlTree(xml: string, arrays: ReadonlySet<string>): XmlNode {
  checkNoNul(xml);
  // Refused before reading: an entity declaration could expand without bound, or name a file.
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (declaration) throw new StatementParseError(positionOf(xml, declaration.index), `a statement may not declare a ${declaration[1]?.toUpperCase()}; entities are refused.`);

  // XML 1.0 has no place for C0 control characters, yet bank exports carry them in free text copied from
  // elsewhere. They mean nothing there, so they are read as spaces; the stored file keeps them.
  if (CONTROL.test(xml)) xml = xml.replace(CONTROL_ALL, ' ');

  const parser = new SaxesParser({ position: true, xmlns: false });
  const root: Open = { name: '', node: {}, text: '', hasContent: true };
  const stack: Open[] = [root];
  const where = () => `line ${parser.line}, column ${parser.column}`;

  parser.on('error', (error) => {
    // saxes starts its message with "line:column: "; the refusal says where in its own words.
    const message = error.message.replace(/^\d+:\d+: /, '');
    throw new StatementParseError(where(), `the XML is not well formed: ${message}`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (FORBIDDEN_NAMES.has(name)) throw new StatementParseError(`${where()} (<${tag.name}>)`, `an element may not be named "${name}".`);
    if (stack.length > MAX_XML_DEPTH) {
      throw new StatementParseError(`${where()} (<${tag.name}>)`, `the XML nests deeper than ${MAX_XML_DEPTH} levels, which no statement does.`);
    }
    const node: XmlNode = {};
    let hasContent = false;
    for (const [attribute, value] of Object.entries(tag.attributes)) {
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
      node[`@${local(attribute)}`] = value;
      hasContent = true;
    }
    stack.push({ name, node, text: '', hasContent });
  });
  const addText = (text: string) => {
    const open = stack.at(-1) as Open;
    open.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const open = stack.pop() as Open;
    const parent = stack.at(-1) as Open;
    const text = open.text.trim();
    let value: XmlValue;
    if (!open.hasContent) value = text;
    else {
      value = open.node;
      if (text.length > 0) open.node['#text'] = text;
    }
    parent.hasContent = true;
    const before = parent.node[open.name];
    if (before === undefined) parent.node[open.name] = arrays.has(open.name) ? [value] : value;
    else if (Array.isArray(before)) before.push(value);
    else parent.node[open.name] = [before, value];
  });
  parser.write(xml).close();
  return root.node;
}
