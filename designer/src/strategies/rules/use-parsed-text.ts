import { useState } from 'react';
import type { TextParse } from './value-text.ts';

export interface ParsedText {
  text: string;
  /** Why the text typed last is not a value; null when it is one. */
  error: string | null;
  edit(next: string): void;
}

/**
 * The text of an input that edits a value typed by hand. While the text does not parse the last good value stays
 * and the error says why. When the value changes from elsewhere (the JSON view, another row removed) the input
 * shows it, unless the text already says the same.
 */
export function useParsedText(
  value: unknown,
  onChange: (value: unknown) => void,
  format: (value: unknown) => string,
  parseText: (text: string) => TextParse<unknown>,
  same: (a: unknown, b: unknown) => boolean,
): ParsedText {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);

  if (!same(value, shown)) {
    setShown(value);
    const parsed = parseText(text);
    if (!parsed.ok || !same(parsed.value, value)) {
      setText(format(value));
      setError(null);
    }
  }

  function edit(next: string) {
    setText(next);
    const parsed = parseText(next);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (!same(parsed.value, value)) onChange(parsed.value);
  }

  return { text, error, edit };
}
