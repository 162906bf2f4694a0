import type { FactDefinition } from '@recoup/domain';
import { FACT_TYPES, factTypeLabel } from './facts-registry.ts';
import type { FactsRegistry } from './facts-registry.ts';

interface FactSelectProps {
  id: string;
  label: string;
  describedBy?: string;
  registry: FactsRegistry;
  value: string;
  known: FactDefinition | undefined;
  disabled: boolean;
  invalid: boolean;
  onChange(factName: string): void;
}

function optionText(fact: FactDefinition): string {
  return fact.unit ? `${fact.name} (${fact.unit})` : fact.name;
}

function optionTitle(fact: FactDefinition): string {
  const parts = [`${fact.type}${fact.unit ? `, in ${fact.unit}` : ''}`, fact.description];
  if (fact.values) parts.push(`One of: ${fact.values.join(', ')}.`);
  if (fact.nullable) parts.push('Can be null.');
  return parts.join(' — ');
}

/** The facts, grouped by type; each option's tooltip gives the type, unit and description. */
export function FactSelect({ id, label, describedBy, registry, value, known, disabled, invalid, onChange }: FactSelectProps) {
  return (
    <select
      id={id}
      className="field__input rule-comparison__fact"
      aria-label={label}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      title={known ? optionTitle(known) : undefined}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    >
      {known ? null : <option value={value}>{value} (unknown fact)</option>}
      {FACT_TYPES.map((type) => {
        const facts = registry.facts.filter((fact) => fact.type === type);
        if (facts.length === 0) return null;
        return (
          <optgroup key={type} label={factTypeLabel(type)}>
            {facts.map((fact) => (
              <option key={fact.name} value={fact.name} title={optionTitle(fact)}>
                {optionText(fact)}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
