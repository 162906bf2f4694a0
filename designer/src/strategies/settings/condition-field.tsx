import { useEffect, useState } from 'react';
import { ruleConditionSchema, type RuleCondition } from '@recoup/domain';
import type { FactsRegistry } from '../registry/node-spec.ts';

interface ConditionFieldProps {
  label: string;
  value: RuleCondition | undefined;
  onChange(next: RuleCondition): void;
  readOnly: boolean;
  facts: FactsRegistry | null;
}

/** A condition as JSON, kept in sync with the node; invalid text is shown with its error and not applied. */
export function ConditionField({ label, value, onChange, readOnly }: ConditionFieldProps) {
  const [text, setText] = useState(() => JSON.stringify(value ?? { all: [] }, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(JSON.stringify(value ?? { all: [] }, null, 2));
  }, [value]);
  return (
    <div className="field">
      <label className="field__label">
        {label}
        <textarea
          className="field__input field__input--code"
          rows={6}
          value={text}
          readOnly={readOnly}
          onChange={(event) => {
            setText(event.target.value);
            try {
              const parsed = ruleConditionSchema.safeParse(JSON.parse(event.target.value));
              if (parsed.success) {
                setError(null);
                onChange(parsed.data);
              } else setError('not a json-rules-engine condition');
            } catch (failure) {
              setError(failure instanceof Error ? failure.message : 'invalid JSON');
            }
          }}
        />
      </label>
      {error ? <span className="field__error">{error}</span> : null}
    </div>
  );
}
