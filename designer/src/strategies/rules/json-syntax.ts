import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

// Explains why a text is not JSON, with the line and column of the first problem. JSON.parse's messages differ
// between browsers and often give no position at all, and a person fixing a rule by hand needs both. jsonc-parser
// finds the problem and where; this file only words it for someone who does not write JSON every day.

export interface JsonSyntaxProblem {
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units like the textarea's caret. */
  column: number;
  /** "Line 3, column 5: …" */
  message: string;
}

const STRICT_JSON = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

function describeToken(token: string): string {
  if (token === '') return 'the end of the text';
  if (token === '\n' || token === '\r') return 'a line break';
  if (token === '\t') return 'a tab';
  return `'${token}'`;
}

/** A bare word where a value or a property name should be: a mistyped literal, or text without quotes. */
function explainSymbol(token: string, place: 'value' | 'property'): string {
  if (token.startsWith("'")) {
    return place === 'property' ? 'property names need double quotes (") in JSON, not single quotes' : 'strings need double quotes (") in JSON, not single quotes';
  }
  const lower = token.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null') return `write ${lower} in lower case, not ${token}`;
  if (/^[A-Za-z_$][\w$]*$/.test(token)) {
    return place === 'property'
      ? `expected a property name in double quotes, found ${token} (property names need double quotes)`
      : `unexpected word ${token}: text values need double quotes, e.g. "${token}"`;
  }
  return `unexpected ${describeToken(token)}`;
}

function explain(error: ParseError, text: string): string {
  const token = text.slice(error.offset, error.offset + Math.max(error.length, 0));
  const next = text.slice(error.offset, error.offset + 1);
  // ParseErrorCode is a const enum, which isolated builds cannot read; its printed names are stable.
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      return explainSymbol(token || next, /^\s*[{,]\s*$/.test(text.slice(0, error.offset).slice(-1)) ? 'property' : 'value');
    case 'InvalidNumberFormat':
      return 'this is not a valid number (no leading zeros, and digits on both sides of a point)';
    case 'PropertyNameExpected':
      if (token === '}') return "remove the comma before '}': JSON allows no trailing comma";
      return explainSymbol(token || next, 'property');
    case 'ValueExpected':
      if (token === ']') return "remove the comma before ']': JSON allows no trailing comma";
      if (token === '' && next === '') return 'the JSON ends where a value should be';
      return /^[A-Za-z_'$]/.test(token) ? explainSymbol(token, 'value') : `unexpected ${describeToken(token)} where a value should be`;
    case 'ColonExpected':
      return `expected ':' after the property name, found ${describeToken(token)}`;
    case 'CommaExpected':
      // "01" scans as the number 0 followed by the number 1.
      if (/^\d/.test(token) && text[error.offset - 1] === '0') return 'this is not a valid number (no leading zeros)';
      return `expected a comma before ${describeToken(token)}`;
    case 'CloseBraceExpected':
      return token === '' ? "the object is not closed with '}'" : `expected ',' or '}' after a property value, found ${describeToken(token)}`;
    case 'CloseBracketExpected':
      return token === '' ? "the list is not closed with ']'" : `expected ',' or ']' after a list item, found ${describeToken(token)}`;
    case 'EndOfFileExpected':
      return `unexpected ${describeToken(token)} after the end of the JSON value`;
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'JSON allows no comments';
    case 'UnexpectedEndOfString':
      return 'this string is not closed with a double quote (")';
    case 'UnexpectedEndOfNumber':
      return 'this number is not finished';
    case 'InvalidUnicode':
      return '\\u must be followed by four hexadecimal digits';
    case 'InvalidEscapeCharacter':
      return 'this is not an escape JSON knows; write \\\\ for a backslash';
    case 'InvalidCharacter':
      return 'a line break or tab inside a string must be written as an escape such as \\n or \\t';
    case '<unknown ParseErrorCode>':
    default:
      return 'this is not valid JSON';
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function problemAt(text: string, offset: number, what: string): JsonSyntaxProblem {
  const { line, column } = position(text, offset);
  return { offset, line, column, message: `Line ${line}, column ${column}: ${what.charAt(0).toUpperCase()}${what.slice(1)}.` };
}

/** The first syntax problem in `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  if (text.trim() === '') return problemAt(text, 0, 'the JSON is empty');
  const errors: ParseError[] = [];
  parse(text, errors, STRICT_JSON);
  const [first] = errors;
  if (first) return problemAt(text, first.offset, explain(first, text));
  // jsonc-parser is a little more lenient than JSON.parse in corners; the browser's own parser has the last word.
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return problemAt(text, 0, error instanceof Error ? error.message : 'this is not valid JSON');
  }
}
