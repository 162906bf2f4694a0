import { useId, type ReactNode } from 'react';

// Small labelled inputs the settings panels are built from. Every input has a visible label and a hint where the
// unit is not obvious, so a manager never has to guess whether "3" means hours or days.

interface FieldShell {
  label: string;
  hint?: string;
  readOnly?: boolean;
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({ label, hint, readOnly, value, onChange, placeholder }: FieldShell & {
  value: string;
  onChange(next: string): void;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        className="field__input"
        value={value}
        placeholder={placeholder}
        readOnly={readOnly}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/** A whole number; an empty box leaves the setting unset so the validator can say it is missing. */
export function IntegerField({ label, hint, readOnly, value, onChange, min, max, placeholder }: FieldShell & {
  value: number | undefined;
  onChange(next: number | undefined): void;
  min?: number;
  max?: number;
  /** Shown in an empty box, e.g. the value an unset setting takes. */
  placeholder?: string;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        className="field__input"
        type="number"
        step={1}
        min={min}
        max={max}
        value={value ?? ''}
        placeholder={placeholder}
        readOnly={readOnly}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          const parsed = Number.parseInt(text, 10);
          onChange(text === '' || Number.isNaN(parsed) ? undefined : parsed);
        }}
      />
    </Field>
  );
}

export function SelectField<V extends string>({ label, hint, readOnly, value, onChange, options }: FieldShell & {
  value: V | undefined;
  onChange(next: V): void;
  options: readonly { value: V; label: string }[];
}) {
  const id = useId();
  const known = options.some((option) => option.value === value);
  return (
    <Field id={id} label={label} hint={hint}>
      <select
        id={id}
        className="field__input"
        value={value ?? ''}
        disabled={readOnly}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {!known ? (
          <option value={value ?? ''} disabled>
            {value ? `${value} (unknown)` : 'Choose…'}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField({ label, hint, readOnly, checked, onChange }: FieldShell & {
  checked: boolean;
  onChange(next: boolean): void;
}) {
  const id = useId();
  return (
    <div className="field field--inline">
      <input id={id} type="checkbox" checked={checked} disabled={readOnly} onChange={(event) => onChange(event.target.checked)} />
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? <span className="field__hint">{hint}</span> : null}
    </div>
  );
}

/** Picks any of a fixed set of values, each with a checkbox. */
export function MultiChoiceField<V extends string>({ label, hint, readOnly, value, onChange, options }: FieldShell & {
  value: readonly V[];
  onChange(next: V[]): void;
  options: readonly { value: V; label: string }[];
}) {
  return (
    <fieldset className="field field--group">
      <legend className="field__label">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="field__choice">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
            disabled={readOnly}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))
            }
          />
          {option.label}
        </label>
      ))}
      {hint ? <span className="field__hint">{hint}</span> : null}
    </fieldset>
  );
}

/** An editable list of names (task outcomes, tags, skills): one text box each, add and remove buttons. */
export function NameListField({ label, hint, readOnly, value, onChange, itemLabel }: FieldShell & {
  value: readonly string[];
  onChange(next: string[]): void;
  itemLabel: string;
}) {
  return (
    <fieldset className="field field--group">
      <legend className="field__label">{label}</legend>
      {value.map((item, index) => (
        <div key={index} className="field__row">
          <input
            className="field__input"
            aria-label={`${itemLabel} ${index + 1}`}
            value={item}
            readOnly={readOnly}
            onChange={(event) => onChange(value.map((v, i) => (i === index ? event.target.value : v)))}
          />
          {!readOnly ? (
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          ) : null}
        </div>
      ))}
      {!readOnly ? (
        <button type="button" className="button button--small" onClick={() => onChange([...value, ''])}>
          Add {itemLabel.toLowerCase()}
        </button>
      ) : null}
      {hint ? <span className="field__hint">{hint}</span> : null}
    </fieldset>
  );
}
