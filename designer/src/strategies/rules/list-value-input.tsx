import type { ScalarKind } from './value-kind.ts';
import { joinIds } from './value-input-props.ts';
import type { ValueInputProps } from './value-input-props.ts';
import { formatList, parseListText } from './value-text.ts';
import { useParsedText } from './use-parsed-text.ts';

interface ListValueInputProps extends ValueInputProps {
  item: ScalarKind;
}

const sameList = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function hintFor(item: ScalarKind): string {
  switch (item.kind) {
    case 'choice':
      return `Separate values with commas. Allowed: ${item.options.join(', ')}.`;
    case 'number':
      return item.minorUnits ? 'Separate amounts with commas, in whole minor units.' : 'Separate numbers with commas.';
    case 'boolean':
      return 'Separate values with commas: true, false.';
    case 'text':
    case 'date':
      return 'Separate values with commas.';
  }
}

/** in / notIn: the list typed as comma-separated values. */
export function ListValueInput({ id, label, describedBy, value, disabled, invalid, onChange, item }: ListValueInputProps) {
  const { text, error, edit } = useParsedText(value, onChange, formatList, (next) => parseListText(next, item), sameList);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <span className="rule-value rule-value--list">
      <input
        id={id}
        className="field__input rule-value__input"
        type="text"
        aria-label={label}
        aria-describedby={joinIds(hintId, error !== null && errorId, describedBy)}
        aria-invalid={invalid || error !== null}
        placeholder={item.kind === 'choice' ? item.options.slice(0, 2).join(', ') : 'a, b, c'}
        spellCheck={false}
        value={text}
        disabled={disabled}
        onChange={(event) => edit(event.target.value)}
      />
      <span id={hintId} className="rule-value__hint">
        {hintFor(item)}
      </span>
      {error !== null ? (
        <span id={errorId} className="rule-value__error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
