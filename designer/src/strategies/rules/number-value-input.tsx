import { joinIds } from './value-input-props.ts';
import type { ValueInputProps } from './value-input-props.ts';
import { parseNumberText } from './value-text.ts';
import { useParsedText } from './use-parsed-text.ts';

interface NumberValueInputProps extends ValueInputProps {
  minorUnits: boolean;
  unit: string | undefined;
}

const display = (value: unknown): string => (typeof value === 'number' ? String(value) : '');

export function NumberValueInput({ id, label, describedBy, value, disabled, invalid, onChange, minorUnits, unit }: NumberValueInputProps) {
  const { text, error, edit } = useParsedText(value, onChange, display, (next) => parseNumberText(next, minorUnits), Object.is);

  const errorId = `${id}-error`;
  const unitId = `${id}-unit`;
  return (
    <span className="rule-value rule-value--number">
      <input
        id={id}
        className="field__input rule-value__input"
        type="number"
        inputMode={minorUnits ? 'numeric' : 'decimal'}
        step={minorUnits ? 1 : 'any'}
        aria-label={label}
        aria-describedby={joinIds(unit !== undefined && unitId, error !== null && errorId, describedBy)}
        aria-invalid={invalid || error !== null}
        value={text}
        disabled={disabled || value === null}
        onChange={(event) => edit(event.target.value)}
      />
      {unit !== undefined ? (
        <span
          id={unitId}
          className={`rule-value__unit${minorUnits ? ' rule-value__unit--minor' : ''}`}
          title={minorUnits ? 'Whole minor units of the account currency (cents for EUR or USD): 1999 means 19.99.' : undefined}
        >
          {minorUnits ? 'minor units (e.g. cents)' : unit}
        </span>
      ) : null}
      {error !== null ? (
        <span id={errorId} className="rule-value__error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
