import { useId } from 'react';
import { formatFactValue } from './fact-value-format.ts';
import { findFact } from './facts-registry.ts';
import type { FactsRegistry } from './facts-registry.ts';
import { describeMatched } from './matched-comparison.ts';
import type { RuleEvaluationResult } from './rules.api.ts';

interface RuleTestResultProps {
  result: RuleEvaluationResult;
  registry: FactsRegistry;
  /** Facts the rule reads: their rows are highlighted. */
  used: ReadonlySet<string>;
  /** The account's currency when known; the facts' own `currency` wins. */
  currency: string;
  /** The rule was edited after this test ran. */
  stale: boolean;
}

/** Registry order first (the order people know), then anything the server sent that the registry does not list. */
function factOrder(registry: FactsRegistry, facts: Record<string, unknown>): string[] {
  const known = registry.facts.map((fact) => fact.name).filter((name) => Object.hasOwn(facts, name));
  const extra = Object.keys(facts)
    .filter((name) => !known.includes(name))
    .sort();
  return [...known, ...extra];
}

export function RuleTestResult({ result, registry, used, currency, stale }: RuleTestResultProps) {
  const id = useId();
  const factCurrency = typeof result.facts['currency'] === 'string' ? result.facts['currency'].trim() : currency;
  return (
    <div className="rule-test__result">
      <p className="rule-test__verdict" role="status">
        <span>
          For {result.account.name} the rule {result.result ? 'holds' : 'does not hold'}:
        </span>
        <span className={`rule-test__badge rule-test__badge--${String(result.result)}`}>{String(result.result)}</span>
      </p>
      {stale ? <p className="rule-test__stale">The rule has changed since this test. Test again for the new result.</p> : null}

      <h4 id={`${id}-matched`} className="rule-test__subtitle">
        Comparisons that held
      </h4>
      {result.matched.length === 0 ? (
        <p>None of the comparisons held.</p>
      ) : (
        <ul className="rule-test__matched" aria-labelledby={`${id}-matched`}>
          {result.matched.map((line, index) => (
            <li key={index}>{describeMatched(line).text}</li>
          ))}
        </ul>
      )}

      <div className="rule-test__table-wrap">
        <table className="rule-test__facts">
          <caption>Facts of {result.account.name}</caption>
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {factOrder(registry, result.facts).map((name) => {
              const isUsed = used.has(name);
              const fact = findFact(registry, name);
              return (
                <tr key={name} className={isUsed ? 'rule-test__fact--used' : undefined} title={fact?.description}>
                  <th scope="row">
                    <code>{name}</code>
                    {isUsed ? <span className="rule-test__used-badge">used by this rule</span> : null}
                  </th>
                  <td>{formatFactValue(result.facts[name], fact, factCurrency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
