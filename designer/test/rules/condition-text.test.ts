import { describe, expect, it } from '@jest/globals';
import { findJsonSyntaxProblem } from '../../src/strategies/rules/json-syntax.ts';
import { parseConditionText } from '../../src/strategies/rules/parse-condition.ts';
import { parseListText, parseNumberText } from '../../src/strategies/rules/value-text.ts';

describe('JSON syntax problems', () => {
  it.each([
    ['{"all": [1,]}', 'Line 1, column 12: Remove the comma before \']\': JSON allows no trailing comma.'],
    ['{\n  "all": []\n  "x": 1\n}', 'Line 3, column 3: Expected a comma before \'"x"\'.'],
    ["{'all': []}", 'Line 1, column 2: Property names need double quotes (") in JSON, not single quotes.'],
    ['{all: []}', 'Line 1, column 2: Expected a property name in double quotes, found all (property names need double quotes).'],
    ['{"value": True}', 'Line 1, column 11: Write true in lower case, not True.'],
    ['{"value": vip}', 'Line 1, column 11: Unexpected word vip: text values need double quotes, e.g. "vip".'],
    ['{"all": [', "Line 1, column 10: The list is not closed with ']'."],
    ['{"all": []', "Line 1, column 11: The object is not closed with '}'."],
    ['{"a": "x', 'Line 1, column 7: This string is not closed with a double quote (").'],
    ['{"a": 01}', 'Line 1, column 8: This is not a valid number (no leading zeros).'],
    ['{"a": 1.}', 'Line 1, column 7: This number is not finished.'],
    ['{"a": // why\n 1}', 'Line 1, column 7: JSON allows no comments.'],
    ['{"a" 1}', "Line 1, column 6: Expected ':' after the property name, found '1'."],
    ['{} {}', "Line 1, column 4: Unexpected '{' after the end of the JSON value."],
    ['   ', 'Line 1, column 1: The JSON is empty.'],
  ])('%j', (text, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxProblem(text)?.message).toBe(message);
  });

  it('finds nothing wrong with valid JSON', () => {
    for (const text of ['{}', '[1, -2.5e3, "a\\n\\u00e9", true, false, null]', ' {"a": {"b": []}} ']) {
      expect(findJsonSyntaxProblem(text)).toBeNull();
    }
  });
});

describe('reading a condition from text', () => {
  it('accepts every shape of the strategy schema', () => {
    const text = '{"any": [{"not": {"fact": "tags", "operator": "contains", "value": "vip"}}, {"all": []}, {"fact": "x", "operator": "equal", "value": null, "path": "$.a"}]}';
    expect(parseConditionText(text)).toEqual({ ok: true, condition: JSON.parse(text) });
  });

  it.each([
    ['[]', 'The condition must be an object with "all", "any", "not" or "fact", not a list.'],
    ['{"all": {}}', 'The condition needs a list after "all", not an object.'],
    ['{"all": [], "any": []}', 'The condition has both "all" and "any"; use one per object.'],
    ['{"all": [{"fact": "daysPastDue", "operator": "equal"}]}', 'At all[0], the condition needs a "value" to compare the fact with.'],
    ['{"any": [{"not": {"fact": "", "operator": "equal", "value": 1}}]}', 'At any[0].not, the condition needs a fact name as text in "fact".'],
    ['{"all": [{"fact": "a", "operator": "equal", "value": 1, "priority": 2}]}', 'At all[0], the condition has "priority", which a comparison may not have.'],
    ['{"all": [], "name": "x"}', 'The condition has "name" beside "all", which is not allowed.'],
    ['{"operator": "equal"}', 'The condition needs "all", "any", "not", or a comparison with "fact", "operator" and "value".'],
  ])('%s is refused', (text, error) => {
    expect(parseConditionText(text)).toEqual({ ok: false, error });
  });
});

describe('value text', () => {
  it('reads numbers, and only whole ones for minor units', () => {
    expect(parseNumberText(' 42 ', false)).toEqual({ ok: true, value: 42 });
    expect(parseNumberText('2.5', false)).toEqual({ ok: true, value: 2.5 });
    expect(parseNumberText('2.5', true)).toEqual({ ok: false, error: 'Amounts are whole minor units: write 1999 for 19.99.' });
    expect(parseNumberText('', false)).toEqual({ ok: false, error: 'Enter a number.' });
  });

  it('reads comma-separated lists item by item', () => {
    const buckets = { kind: 'choice', options: ['current', '1-30', '90+'] } as const;
    expect(parseListText('1-30, 90+ ,', buckets)).toEqual({ ok: true, value: ['1-30', '90+'] });
    expect(parseListText('1-30, 91+', buckets)).toEqual({ ok: false, error: '"91+" is not one of current, 1-30, 90+.' });
    expect(parseListText('1, 2,3', { kind: 'number', minorUnits: false })).toEqual({ ok: true, value: [1, 2, 3] });
    expect(parseListText('1, x', { kind: 'number', minorUnits: false })).toEqual({ ok: false, error: '"x": "x" is not a number.' });
    expect(parseListText('', { kind: 'text' })).toEqual({ ok: true, value: [] });
  });
});
