import { useId, useRef, useState } from 'react';
import type { RuleCondition } from '@recoup/domain';
import { useApi } from '../../api/api-context.ts';
import { AccountPicker } from '../../accounts/account-picker.tsx';
import type { AccountOption } from '../../accounts/accounts-search.api.ts';
import { describeFailure } from '../../api/api-failure.ts';
import type { ApiFailure } from '../../api/api-failure.ts';
import { factsUsed } from './condition-tree.ts';
import type { FactsRegistry } from './facts-registry.ts';
import { RuleTestResult } from './rule-test-result.tsx';
import { evaluateRule } from './rules.api.ts';
import type { RuleEvaluationResult } from './rules.api.ts';
import './rules.css';

export interface RuleTestBoxProps {
  condition: RuleCondition;
  registry: FactsRegistry;
}

type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: RuleEvaluationResult; tested: string; currency: string }
  | { status: 'failed'; failure: ApiFailure };

/**
 * Runs the condition against one real account on the server, with the same facts and the same engine a workflow
 * uses, and shows the outcome, the comparisons that held and the facts it saw.
 */
export function RuleTestBox({ condition, registry }: RuleTestBoxProps) {
  const api = useApi();
  const id = useId();
  const [account, setAccount] = useState<AccountOption | null>(null);
  const [state, setState] = useState<TestState>({ status: 'idle' });
  const latest = useRef(0);

  async function run(chosen: AccountOption) {
    const attempt = ++latest.current;
    const tested = JSON.stringify(condition);
    setState({ status: 'running' });
    try {
      const result = await evaluateRule(api, { condition, accountId: chosen.id });
      if (attempt === latest.current) setState({ status: 'done', result, tested, currency: chosen.currency });
    } catch (error) {
      if (attempt === latest.current) setState({ status: 'failed', failure: describeFailure(error, 'The rule could not be tested.') });
    }
  }

  function choose(next: AccountOption | null) {
    latest.current += 1;
    setAccount(next);
    setState({ status: 'idle' });
  }

  return (
    <section className="rule-test" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="rule-test__title">
        Test on an account
      </h3>
      <AccountPicker label="Account to test with" value={account} onChange={choose} />
      <div className="rule-test__actions">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={account === null || state.status === 'running'}
          onClick={() => {
            if (account) void run(account);
          }}
        >
          {state.status === 'running' ? (
            <>
              <span className="spinner" aria-hidden="true" /> Testing…
            </>
          ) : (
            'Test this rule'
          )}
        </button>
        {account === null ? <span className="account-picker__status">Choose an account first.</span> : null}
      </div>
      {state.status === 'failed' ? (
        <div className="form__error" role="alert">
          <p>{state.failure.message}</p>
          {state.failure.fields.length > 0 ? (
            <ul>
              {state.failure.fields.map((field) => (
                <li key={`${field.path}:${field.reason}`}>
                  {field.path ? <code>{field.path}</code> : null} {field.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.status === 'done' ? (
        <RuleTestResult
          result={state.result}
          registry={registry}
          used={factsUsed(condition)}
          currency={state.currency}
          stale={state.tested !== JSON.stringify(condition)}
        />
      ) : null}
    </section>
  );
}
