import { operatorLabel } from './operator-labels.ts';

interface OperatorSelectProps {
  label: string;
  describedBy?: string;
  allowed: readonly string[];
  value: string;
  disabled: boolean;
  invalid: boolean;
  onChange(operator: string): void;
}

/** The operators the fact's type allows, in words; the option values are json-rules-engine's names. */
export function OperatorSelect({ label, describedBy, allowed, value, disabled, invalid, onChange }: OperatorSelectProps) {
  // An operator typed into the JSON that the type does not allow stays visible, flagged, until it is changed.
  const options = allowed.includes(value) ? allowed : [value, ...allowed];
  return (
    <select
      className="field__input rule-comparison__operator"
      aria-label={label}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    >
      {options.map((operator) => (
        <option key={operator} value={operator} title={operator}>
          {allowed.includes(operator) ? operatorLabel(operator) : `${operatorLabel(operator)} (not allowed)`}
        </option>
      ))}
    </select>
  );
}
