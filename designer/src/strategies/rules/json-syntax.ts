// Explains why a text is not JSON, with the line and column of the first problem. JSON.parse's messages differ
// between browsers and often give no position at all, and a person fixing a rule by hand needs both.

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

class Problem {
  readonly offset: number;
  readonly what: string;

  constructor(offset: number, what: string) {
    this.offset = offset;
    this.what = what;
  }
}

function describeChar(char: string | undefined): string {
  if (char === undefined) return 'the end of the text';
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === '\t') return 'a tab';
  return `'${char}'`;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function at(text: string, offset: number): string {
  const { line, column } = position(text, offset);
  return `line ${line}, column ${column}`;
}

class Scanner {
  readonly #text: string;
  #i = 0;

  constructor(text: string) {
    this.#text = text;
  }

  run(): void {
    this.#space();
    if (this.#i >= this.#text.length) throw new Problem(0, 'the JSON is empty');
    this.#value();
    this.#space();
    if (this.#i < this.#text.length) {
      throw new Problem(this.#i, `unexpected ${describeChar(this.#peek())} after the end of the JSON value`);
    }
  }

  #peek(): string | undefined {
    return this.#text[this.#i];
  }

  #space(): void {
    while (/^[ \t\n\r]$/.test(this.#peek() ?? '')) this.#i += 1;
  }

  #value(): void {
    const char = this.#peek();
    if (char === '{') return this.#object();
    if (char === '[') return this.#array();
    if (char === '"') return this.#string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.#number();
    if (char === "'") throw new Problem(this.#i, 'strings need double quotes (") in JSON, not single quotes');
    if (char !== undefined && /[A-Za-z_]/.test(char)) return this.#word();
    if (char === undefined) throw new Problem(this.#i, 'the JSON ends where a value should be');
    throw new Problem(this.#i, `unexpected ${describeChar(char)} where a value should be`);
  }

  #word(): void {
    const start = this.#i;
    while (/^[A-Za-z0-9_$]$/.test(this.#peek() ?? '')) this.#i += 1;
    const word = this.#text.slice(start, this.#i);
    if (word === 'true' || word === 'false' || word === 'null') return;
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') {
      throw new Problem(start, `write ${lower} in lower case, not ${word}`);
    }
    throw new Problem(start, `unexpected word ${word}: text values need double quotes, e.g. "${word}"`);
  }

  #object(): void {
    const open = this.#i;
    this.#i += 1;
    this.#space();
    if (this.#peek() === '}') {
      this.#i += 1;
      return;
    }
    for (;;) {
      this.#space();
      const char = this.#peek();
      if (char === '}') throw new Problem(this.#i, "remove the comma before '}': JSON allows no trailing comma");
      if (char === undefined) throw new Problem(this.#i, `the object opened at ${at(this.#text, open)} is not closed with '}'`);
      if (char === "'") throw new Problem(this.#i, 'property names need double quotes (") in JSON, not single quotes');
      if (char !== '"') {
        const hint = /[A-Za-z_$]/.test(char) ? ' (property names need double quotes)' : '';
        throw new Problem(this.#i, `expected a property name in double quotes, found ${describeChar(char)}${hint}`);
      }
      this.#string();
      this.#space();
      if (this.#peek() !== ':') {
        throw new Problem(this.#i, `expected ':' after the property name, found ${describeChar(this.#peek())}`);
      }
      this.#i += 1;
      this.#space();
      this.#value();
      this.#space();
      const next = this.#peek();
      if (next === ',') {
        this.#i += 1;
        continue;
      }
      if (next === '}') {
        this.#i += 1;
        return;
      }
      if (next === undefined) throw new Problem(this.#i, `the object opened at ${at(this.#text, open)} is not closed with '}'`);
      throw new Problem(this.#i, `expected ',' or '}' after a property value, found ${describeChar(next)}`);
    }
  }

  #array(): void {
    const open = this.#i;
    this.#i += 1;
    this.#space();
    if (this.#peek() === ']') {
      this.#i += 1;
      return;
    }
    for (;;) {
      this.#space();
      if (this.#peek() === ']') throw new Problem(this.#i, "remove the comma before ']': JSON allows no trailing comma");
      if (this.#peek() === undefined) throw new Problem(this.#i, `the list opened at ${at(this.#text, open)} is not closed with ']'`);
      this.#value();
      this.#space();
      const next = this.#peek();
      if (next === ',') {
        this.#i += 1;
        continue;
      }
      if (next === ']') {
        this.#i += 1;
        return;
      }
      if (next === undefined) throw new Problem(this.#i, `the list opened at ${at(this.#text, open)} is not closed with ']'`);
      throw new Problem(this.#i, `expected ',' or ']' after a list item, found ${describeChar(next)}`);
    }
  }

  #string(): void {
    const open = this.#i;
    this.#i += 1;
    for (;;) {
      const char = this.#peek();
      if (char === undefined) throw new Problem(open, 'this string is not closed with a double quote (")');
      if (char === '"') {
        this.#i += 1;
        return;
      }
      if (char < ' ') throw new Problem(this.#i, `${describeChar(char)} inside a string must be written as an escape such as \\n or \\t`);
      if (char === '\\') {
        const escaped = this.#text[this.#i + 1];
        if (escaped === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(this.#text.slice(this.#i + 2, this.#i + 6))) {
            throw new Problem(this.#i, '\\u must be followed by four hexadecimal digits');
          }
          this.#i += 6;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
          throw new Problem(this.#i, `\\${escaped ?? ''} is not an escape JSON knows; write \\\\ for a backslash`);
        }
        this.#i += 2;
        continue;
      }
      this.#i += 1;
    }
  }

  #number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.#text.slice(this.#i));
    if (!match) throw new Problem(this.#i, 'this is not a valid number');
    const end = this.#i + match[0].length;
    if (/^[0-9.eE+-]$/.test(this.#text[end] ?? '')) {
      throw new Problem(this.#i, 'this is not a valid number (no leading zeros, and digits on both sides of a point)');
    }
    this.#i = end;
  }
}

/** The first syntax problem in `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  try {
    new Scanner(text).run();
    return null;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const { line, column } = position(text, error.offset);
    const what = error.what.charAt(0).toUpperCase() + error.what.slice(1);
    return { offset: error.offset, line, column, message: `Line ${line}, column ${column}: ${what}.` };
  }
}
