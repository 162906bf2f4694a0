import type { FactDefinition } from '@recoup/domain';
import { ListValueInput } from './list-value-input.tsx';
import { NumberValueInput } from './number-value-input.tsx';
import { acceptsNull, defaultValue } from './value-kind.ts';
import type { ValueKind } from './value-kind.ts';
import type { ValueInputProps } from './value-input-props.ts';

interface ValueInputForKindProps extends ValueInputProps {
  kind: ValueKind;
  fact: FactDefinition | undefined;
}

/** The value editor that fits the comparison's fact and operator. */
export function ValueInput(props: ValueInputForKindProps) {
  const { kind } = props;
  const editor = <ValueEditor {...props} />;
  if (!acceptsNull(kind)) return editor;
  return (
    <span className="rule-value__with-null">
      {editor}
      <label className="rule-value__null">
        <input
          type="checkbox"
          aria-label={`${props.label}: no value (null)`}
          checked={props.value === null}
          disabled={props.disabled}
          onChange={(event) => props.onChange(event.target.checked ? null : defaultValue(kind))}
        />
        <span aria-hidden="true">null (no value)</span>
      </label>
    </span>
  );
}

function ValueEditor({ kind, fact, ...props }: ValueInputForKindProps) {
  const { id, label, describedBy, value, disabled, invalid, onChange } = props;
  const common = {
    id,
    'aria-label': label,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    disabled: disabled || value === null,
  };
  switch (kind.kind) {
    case 'number':
      return <NumberValueInput {...props} minorUnits={kind.minorUnits} unit={fact?.unit} />;
    case 'list':
      return <ListValueInput {...props} item={kind.item} />;
    case 'choice': {
      const current = typeof value === 'string' ? value : '';
      return (
        <select {...common} className="field__input rule-value__input" value={current} onChange={(event) => onChange(event.target.value)}>
          {kind.options.includes(current) ? null : <option value={current}>{value === null ? '' : `${JSON.stringify(value)} (not allowed)`}</option>}
          {kind.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    }
    case 'boolean':
      return (
        <select
          {...common}
          className="field__input rule-value__input"
          value={value === true ? 'true' : value === false ? 'false' : ''}
          onChange={(event) => onChange(event.target.value === 'true')}
        >
          {typeof value === 'boolean' ? null : <option value="">{value === null ? '' : 'choose'}</option>}
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      );
    case 'text':
    case 'date':
    case 'tag':
      return (
        <input
          {...common}
          className="field__input rule-value__input"
          type="text"
          spellCheck={false}
          placeholder={kind.kind === 'date' ? '2025-01-31T00:00:00Z' : kind.kind === 'tag' ? 'a tag' : 'text'}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'unknown':
      return (
        <code id={id} className="rule-value__raw" aria-label={label}>
          {JSON.stringify(value) ?? 'undefined'}
        </code>
      );
  }
}
