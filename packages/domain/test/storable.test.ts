import { describe, expect, it } from '@jest/globals';
import { checkNoNul, findUnstorable, StatementParseError, textProblem } from '../src/index.ts';

describe('input PostgreSQL cannot store', () => {
  it.each([
    ['plain text', 'Acme GmbH', null],
    ['a pair of surrogates (an emoji)', 'pay 💸', null],
    ['a NUL', 'Ac\u0000me', 'nul'],
    ['a lone high surrogate', 'half \ud800', 'lone-surrogate'],
    ['a lone low surrogate', '\udc00 half', 'lone-surrogate'],
  ])('tells %s apart', (_what, text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });

  it('is found at any depth, in values and in keys, in document order', () => {
    const body = {
      name: 'ok',
      contacts: [{ name: 'fine' }, { name: 'An\u0000n', ['ph\u0000one']: '+49' }],
      note: '\udc00',
    };
    expect(findUnstorable(body)).toEqual([
      { path: ['contacts', 1, 'name'], inKey: false, problem: 'nul' },
      { path: ['contacts', 1, 'ph\u0000one'], inKey: true, problem: 'nul' },
      { path: ['note'], inKey: false, problem: 'lone-surrogate' },
    ]);
  });

  it('finds nothing in numbers, booleans, null and clean strings', () => {
    expect(findUnstorable({ a: 1, b: [true, null, 'x'], c: { d: 2.5 } })).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(findUnstorable(Array.from({ length: 50 }, () => '\u0000'), { limit: 3 })).toHaveLength(3);
  });

  it('walks a document nested far deeper than the call stack would allow', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    const [found] = findUnstorable(deep, { maxDepth: Number.POSITIVE_INFINITY });
    expect(found).toMatchObject({ inKey: false, problem: 'nul' });
    expect(found?.path).toHaveLength(200_000);
  });

  it('names the first value nested deeper than the limit, and looks no further below it', () => {
    let deep: unknown = ['\u0000'];
    for (let i = 0; i < 10; i += 1) deep = { next: deep };
    expect(findUnstorable({ ok: 1, deep }, { maxDepth: 4 })).toEqual([{ path: ['deep', 'next', 'next', 'next'], inKey: false, problem: 'too-deep' }]);
    expect(findUnstorable({ deep }, { maxDepth: 64 })).toEqual([{ path: ['deep', ...Array(10).fill('next'), 0], inKey: false, problem: 'nul' }]);
  });

  it('is what the statement readers refuse a file for, naming where', () => {
    expect(() => checkNoNul('line one\nline \u0000two')).toThrow(StatementParseError);
    expect(() => checkNoNul('line one\nline \u0000two')).toThrow(/line 2, column 6/);
  });
});
