import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { detectStatementFormat, parseBai2, parseCamt, parseMt940, StatementParseError, type ParsedStatement } from '../src/index.ts';

// Real bank files, damaged the ways files get damaged (cut short, a line lost or doubled, a character changed,
// stray bytes), must either read or be refused with a StatementParseError naming where: never any other error,
// which the API would answer with a 500.

const DIR = join(process.cwd(), 'test', 'fixtures', 'bank-samples');
const SAMPLES = readdirSync(DIR)
  .filter((f) => !f.endsWith('.md'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

function read(text: string): ParsedStatement {
  switch (detectStatementFormat(text)) {
    case 'camt.053':
    case 'camt.054':
      return parseCamt(text);
    case 'mt940':
      return parseMt940(text);
    case 'bai2':
      return parseBai2(text);
  }
}

const damage = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('double-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(), to: fc.constantFrom('0', '9', ',', '.', '-', ':', '/', '<', '>', '&', ' ', '\n', 'Z', '\u00e9', '\u0001') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
);

function apply(text: string, d: { kind: string; at: number; to?: string; text?: string }): string {
  const at = text.length === 0 ? 0 : d.at % text.length;
  const lines = text.split('\n');
  const line = lines.length === 0 ? 0 : d.at % lines.length;
  switch (d.kind) {
    case 'cut':
      return text.slice(0, at);
    case 'drop-line':
      return lines.filter((_, i) => i !== line).join('\n');
    case 'double-line':
      return lines.flatMap((l, i) => (i === line ? [l, l] : [l])).join('\n');
    case 'change':
      return `${text.slice(0, at)}${d.to ?? ''}${text.slice(at + 1)}`;
    default:
      return `${text.slice(0, at)}${d.text ?? ''}${text.slice(at)}`;
  }
}

describe('damaged statement files', () => {
  it('are read or refused with the place named, never failing any other way', () => {
    fc.assert(
      fc.property(fc.nat({ max: SAMPLES.length - 1 }), fc.array(damage, { minLength: 1, maxLength: 3 }), (sample, damages) => {
        const text = damages.reduce((t, d) => apply(t, d), SAMPLES[sample] as string);
        try {
          read(text);
        } catch (error) {
          if (!(error instanceof StatementParseError)) throw error;
          expect(error.where.length).toBeGreaterThan(0);
        }
      }),
      { seed: 20261201, numRuns: 3_000 },
    );
  });
});
