import { useId, useState } from 'react';
import type { RuleCondition } from '@recoup/domain';
import { formatCondition, parseConditionText } from './parse-condition.ts';

interface RawJsonViewProps {
  value: RuleCondition;
  onChange(next: RuleCondition): void;
  readOnly: boolean;
}

const same = (a: RuleCondition, b: RuleCondition): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The condition as JSON, editable. Both ways stay in sync: builder edits rewrite the text, and text that reads as
 * a condition replaces the builder's value. Text that does not read is kept for fixing, with the problem named,
 * while the rule keeps its last good value.
 */
export function RawJsonView({ value, onChange, readOnly }: RawJsonViewProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => formatCondition(value));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);

  if (value !== shown) {
    setShown(value);
    // Keep the person's own layout while the text already says the same thing.
    const parsed = parseConditionText(text);
    if (!parsed.ok || !same(parsed.condition, value)) {
      setText(formatCondition(value));
      setError(null);
    }
  }

  function edit(next: string) {
    setText(next);
    const parsed = parseConditionText(next);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (!same(parsed.condition, value)) onChange(parsed.condition);
  }

  function toggle() {
    if (open && error !== null) {
      // Closing drops unreadable text: the rule never took it, and reopening shows the rule as it is.
      setText(formatCondition(value));
      setError(null);
    }
    setOpen(!open);
  }

  const panelId = `${id}-panel`;
  const errorId = `${id}-error`;
  return (
    <div className="rule-json">
      <button type="button" className="button button--small" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        {open ? 'Hide JSON' : 'Show JSON'}
      </button>
      {open ? (
        <div id={panelId} className="rule-json__panel">
          <label className="field__label" htmlFor={`${id}-text`}>
            Rule as JSON
          </label>
          <textarea
            id={`${id}-text`}
            className="field__input rule-json__text"
            rows={Math.min(24, Math.max(6, text.split('\n').length + 1))}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            readOnly={readOnly}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? errorId : undefined}
            value={text}
            onChange={(event) => edit(event.target.value)}
          />
          {error !== null ? (
            <div id={errorId} className="form__error rule-json__error" role="alert">
              <p>{error}</p>
              <p className="rule-json__kept">The builder keeps the last valid rule until this is fixed.</p>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
