import type { ScalarKind } from './value-kind.ts';

// Text a person types into a value field, read as the JSON value the engine compares. Nothing is committed to the
// rule until the text reads cleanly, so half-typed input never reaches the condition.

export type TextParse<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseNumberText(text: string, minorUnits: boolean): TextParse<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a number.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: `"${trimmed}" is not a number.` };
  if (minorUnits && !Number.isSafeInteger(value)) {
    return { ok: false, error: 'Amounts are whole minor units: write 1999 for 19.99.' };
  }
  return { ok: true, value };
}

function parseItem(token: string, kind: ScalarKind): TextParse<unknown> {
  switch (kind.kind) {
    case 'number': {
      const parsed = parseNumberText(token, kind.minorUnits);
      return parsed.ok ? parsed : { ok: false, error: `"${token}": ${parsed.error}` };
    }
    case 'choice':
      return kind.options.includes(token)
        ? { ok: true, value: token }
        : { ok: false, error: `"${token}" is not one of ${kind.options.join(', ')}.` };
    case 'boolean':
      if (token === 'true' || token === 'false') return { ok: true, value: token === 'true' };
      return { ok: false, error: `"${token}" is neither true nor false.` };
    case 'text':
    case 'date':
      return { ok: true, value: token };
  }
}

/** "31-60, 61-90" → ["31-60", "61-90"]; blanks between commas are ignored. */
export function parseListText(text: string, item: ScalarKind): TextParse<unknown[]> {
  const tokens = text
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  const items: unknown[] = [];
  for (const token of tokens) {
    const parsed = parseItem(token, item);
    if (!parsed.ok) return parsed;
    items.push(parsed.value);
  }
  return { ok: true, value: items };
}

export function formatList(value: unknown): string {
  return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ') : '';
}
