import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StatementParseError } from '../src/index.ts';

/** A statement file written for the tests, from test/fixtures/statements. */
export const statementFixture = (name: string): string => readFileSync(join(process.cwd(), 'test', 'fixtures', 'statements', name), 'utf8');

/** The message a reader refuses `text` with; fails the test when the file is accepted. */
export const refusalOf =
  (parse: (text: string) => unknown) =>
  (text: string): string => {
    try {
      parse(text);
    } catch (error) {
      if (error instanceof StatementParseError) return error.message;
      throw error;
    }
    throw new Error('the file was accepted');
  };
