import { describe, expect, it } from '@jest/globals';
import { StatementParseError } from '../src/index.ts';
import { readXmlTree } from '../src/statements/xml-tree.ts';

const read = (xml: string, arrays: string[] = []) => readXmlTree(xml, new Set(arrays));

const refusal = (xml: string): { where: string; message: string } => {
  try {
    read(xml);
  } catch (error) {
    if (error instanceof StatementParseError) return { where: error.where, message: error.message.slice(error.where.length + 2) };
    throw error;
  }
  throw new Error('the XML was read');
};

describe('the statement XML reader', () => {
  it('gives text-only elements as trimmed text and elements with attributes as objects with #text', () => {
    expect(read('<?xml version="1.0"?><Doc><Amt Ccy="EUR"> 12.50 </Amt><Nm>  Harbour &amp; Pike </Nm><Empty/></Doc>')).toEqual({
      Doc: { Amt: { '@Ccy': 'EUR', '#text': '12.50' }, Nm: 'Harbour & Pike', Empty: '' },
    });
  });

  it('drops namespace prefixes and namespace declarations', () => {
    expect(read('<ns:Document xmlns:ns="urn:x" xmlns="urn:y"><ns:Id ns:kind="a">7</ns:Id></ns:Document>')).toEqual({
      Document: { Id: { '@kind': 'a', '#text': '7' } },
    });
  });

  it('makes repeated siblings an array, and the listed names an array even when single', () => {
    expect(read('<S><Ntry>1</Ntry><Ntry>2</Ntry><Ntry>3</Ntry><Ustrd>only</Ustrd><Bal>x</Bal></S>', ['Ustrd'])).toEqual({
      S: { Ntry: ['1', '2', '3'], Ustrd: ['only'], Bal: 'x' },
    });
  });

  it('reads CDATA as text and leaves comments and processing instructions out', () => {
    expect(read('<a><!-- note --><?pi x?><b><![CDATA[<INV-1>]]></b></a>')).toEqual({ a: { b: '<INV-1>' } });
  });

  it('reads C0 control characters in text as spaces', () => {
    expect(read('<a>Invoice\u0001INV-7\u001f</a>')).toEqual({ a: 'Invoice INV-7' });
  });

  it('refuses a closing tag that does not match, naming its line and column', () => {
    const { where, message } = refusal('<a>\n<b>x</c>\n</a>');
    expect(where).toMatch(/^line 2, column \d+$/);
    expect(message).toMatch(/^the XML is not well formed: unexpected close tag/);
  });

  it('refuses an unescaped ampersand and an unclosed document', () => {
    expect(refusal('<a>Harbour & Pike</a>').message).toMatch(/not well formed/);
    expect(refusal('<a><b>x</b>').message).toMatch(/not well formed/);
  });

  it('refuses a DOCTYPE before reading anything, naming its line', () => {
    expect(refusal('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toEqual({
      where: 'line 2, column 1',
      message: 'a statement may not declare a DOCTYPE; entities are refused.',
    });
  });

  it('refuses nesting deeper than 64 levels and an element named __proto__, naming the element', () => {
    expect(refusal(`${'<a>'.repeat(65)}x${'</a>'.repeat(65)}`)).toMatchObject({ where: expect.stringMatching(/\(<a>\)$/), message: expect.stringMatching(/deeper than 64/) });
    expect(() => read(`${'<a>'.repeat(64)}x${'</a>'.repeat(64)}`)).not.toThrow();
    expect(refusal('<a><x:__proto__>1</x:__proto__></a>')).toMatchObject({ where: expect.stringMatching(/\(<x:__proto__>\)$/) });
  });
});
