import fc from 'fast-check';

// Values that have broken web APIs before: NUL and other control characters, strings longer than any column,
// dates outside what a calendar or a database column holds, amounts outside 64 bits, numbers JSON writes but
// BigInt refuses, keys that name an object's prototype slots, and percent-encodings that do not decode.

export const NUL = '\u0000';

const NASTY_STRINGS = [
  '',
  ' ',
  NUL,
  `a${NUL}b`,
  '\u0001\u0002\u001f\u007f',
  '\t\r\n',
  '\ud800',
  '\u202eevil',
  '\ufeff',
  '💸💸',
  'x'.repeat(257),
  'y'.repeat(5_000),
  '0001-01-01',
  '2999-12-31',
  '9999-12-31',
  '1899-12-31',
  '2024-02-30',
  '2024-13-01',
  '275760-09-13',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '2999-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999+14:00',
  '2025-01-01T25:00:00Z',
  '1970-01-01T00:00:00Z',
  '999999999999999999999',
  '9223372036854775808',
  '1000000000000001',
  '-1',
  '0',
  '00',
  '1e3',
  '1e308',
  '0x10',
  ' 12 ',
  '١٢٣',
  'NaN',
  'Infinity',
  'null',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  "'; drop table account; --",
  '%00',
  '%',
  '../../etc/passwd',
  '{{#a}}{{/b}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'EUR',
  'XXX',
  'eur',
  'Europe/Nowhere',
  'a@b',
];

const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  0.1,
  1e-7,
  1e15,
  1e15 + 1,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
];

export const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', '', NUL, `na${NUL}me`, 'x'.repeat(300), 'toString', 'hasOwnProperty'];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}${NUL}${s}`) },
);

export const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** An own, enumerable property even for "__proto__", so JSON.stringify writes it the way an attacker would. */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

export const objectOf = (entries: [string, unknown][]): Record<string, unknown> => {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) setOwn(object, key, value);
  return object;
};

/** Arbitrary JSON documents whose keys are the field names the API knows, plus hostile ones. */
export const nastyJson = (fieldNames: readonly string[]): fc.Arbitrary<unknown> => {
  const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS) });
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: nastyScalar },
      { weight: 1, arbitrary: fc.array(tie('tree'), { maxLength: 3 }) },
      { weight: 2, arbitrary: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }).map(objectOf) },
    ),
  }));
  return tree;
};

/** JSON that does not parse, or parses into something no route expects. */
export const brokenJsonText: fc.Arbitrary<string> = fc.constantFrom(
  '{',
  '{"a":',
  '[1,]',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  'undefined',
  '"just a string"',
  '42',
  'null',
  '[]',
  '{"a":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '\u0000',
  '\ufeff{}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `{"a":${'1'.repeat(400)}}`,
  '{"a":1e999999}',
);

/** Percent-encodes for a URL; a lone surrogate has no UTF-8 form, so it goes as U+FFFD. */
export const encode = (text: string): string => encodeURIComponent(text.toWellFormed());

/** Path segments that are not ids, each written as it goes on the wire. */
export const garbageSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyString.filter((s) => s !== '').map(encode) },
  { weight: 1, arbitrary: fc.uuid().map((id) => id.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%zz', '%', '%C0%80', '%ED%A0%80', 'a%2Fb', '%2e%2e', 'x'.repeat(3_000)) },
);

/** Query parameter values: plausible ones, hostile ones, and percent-encodings that do not decode. */
export const queryValue = (plausible: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plausible).map(encode) },
    { weight: 3, arbitrary: nastyString.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%zz', '%', '%00%00', 'a&b=c', '[]', '%5B%5D') },
  );

export type JsonPath = (string | number)[];

/** Every place in a document that a mutation can reach: the root, and each member and element below it. */
export const pathsOf = (value: unknown, at: JsonPath = []): JsonPath[] => {
  const paths: JsonPath[] = [at];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...at, index])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...at, key]));
  }
  return paths;
};

const clone = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** A deep copy of `doc` with the value at `path` given to `change`, which returns the replacement (or undefined to delete it). */
export const changeAt = (doc: unknown, path: JsonPath, change: (old: unknown) => unknown): unknown => {
  const copy = clone(doc);
  if (path.length === 0) return change(copy);
  let parent = copy as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const next = change(parent[last]);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (typeof last === 'string') setOwn(parent as Record<string, unknown>, last, next);
  else parent[last] = next;
  return copy;
};

/**
 * Stands for an array nested `depth` levels deep. JSON.stringify recurses and cannot write one deep enough to
 * matter, so `serialize` puts the nested text in where the mark is.
 */
const deepMark = (depth: number): string => `\u0001deep:${depth}\u0001`;

export const serialize = (value: unknown): string =>
  (JSON.stringify(value) ?? 'null').replace(/"\\u0001deep:(\d+)\\u0001"/g, (_all, depth: string) => `${'['.repeat(Number(depth))}${']'.repeat(Number(depth))}`);

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'deep'; at: number; depth: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'nul-into-strings'; at: number }
  | { kind: 'swap-type'; at: number };

export const mutation = (fieldNames: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: nastyJson(fieldNames) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add-key' as const),
        at: fc.nat(),
        key: fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.constantFrom(...fieldNames)),
        value: nastyJson(fieldNames),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('nul-into-strings' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-type' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep' as const), at: fc.nat(), depth: fc.constantFrom(65, 3_000, 100_000) }) },
  );

const withNul = (value: unknown): unknown => {
  if (typeof value === 'string') return `${value.slice(0, 1)}${NUL}${value.slice(1)}`;
  if (Array.isArray(value)) return value.map(withNul);
  if (value !== null && typeof value === 'object') {
    return objectOf(Object.entries(value).map(([key, item]) => [key, withNul(item)]));
  }
  return value;
};

const swapType = (value: unknown): unknown => {
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : [value];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return value[0] ?? {};
  if (value === null) return {};
  return [value];
};

export const applyMutation = (doc: unknown, m: Mutation): unknown => {
  const paths = pathsOf(doc);
  const path = paths[m.at % paths.length] ?? [];
  switch (m.kind) {
    case 'replace':
      return changeAt(doc, path, () => m.value);
    case 'deep':
      return changeAt(doc, path, () => deepMark(m.depth));
    case 'add-key':
      return changeAt(doc, path, (old) =>
        old !== null && typeof old === 'object' && !Array.isArray(old) ? objectOf([...Object.entries(old), [m.key, m.value]]) : objectOf([[m.key, m.value]]),
      );
    case 'delete':
      return path.length === 0 ? {} : changeAt(doc, path, () => undefined);
    case 'nul-into-strings':
      return changeAt(doc, path, withNul);
    case 'swap-type':
      return changeAt(doc, path, swapType);
  }
};

/** Text files (CSV, bank statements) damaged at one place: a hostile string in, a part cut out, a byte changed. */
export type TextDamage = { kind: 'insert'; at: number; text: string } | { kind: 'cut'; at: number } | { kind: 'cell'; at: number; text: string };

export const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: nastyString }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cell' as const), at: fc.nat(), text: nastyString }),
);

export const applyTextDamage = (text: string, d: TextDamage): string => {
  const at = text.length === 0 ? 0 : d.at % text.length;
  switch (d.kind) {
    case 'insert':
      return `${text.slice(0, at)}${d.text}${text.slice(at)}`;
    case 'cut':
      return text.slice(0, at);
    case 'cell': {
      // Replaces one delimited field (comma, semicolon or line) with the text.
      const cells = text.split(/([,;\n])/);
      const fields = cells.map((_, i) => i).filter((i) => i % 2 === 0);
      const index = fields[d.at % fields.length] ?? 0;
      cells[index] = d.text;
      return cells.join('');
    }
  }
};
