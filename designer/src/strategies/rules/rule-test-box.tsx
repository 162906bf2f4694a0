import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { RuleCondition } from '@recoup/domain';
import { useApi } from '../../api/api-context.ts';
import { AccountPicker } from '../../accounts/account-picker.tsx';
import type { AccountOption } from '../../accounts/accounts-search.api.ts';
import { describeFailure } from '../../api/api-failure.ts';
import { factsUsed } from './condition-tree.ts';
import type { FactsRegistry } from './facts-registry.ts';
import { RuleTestResult } from './rule-test-result.tsx';
import { evaluateRule } from './rules.api.ts';
import './rules.css';

export interface RuleTestBoxProps {
  condition: RuleCondition;
  registry: FactsRegistry;
}

/** One test: the condition as it was when the test ran, on the account chosen then. */
interface Test {
  condition: RuleCondition;
  account: AccountOption;
}

/**
 * Runs the condition against one real account on the server, with the same facts and the same engine a workflow
 * uses, and shows the outcome, the comparisons that held and the facts it saw.
 */
export function RuleTestBox({ condition, registry }: RuleTestBoxProps) {
  const api = useApi();
  const id = useId();
  const [account, setAccount] = useState<AccountOption | null>(null);
  // Only the latest test shows: a new test, or another account, leaves an earlier answer unseen.
  const test = useMutation({ mutationFn: (asked: Test) => evaluateRule(api, { condition: asked.condition, accountId: asked.account.id }) });
  const failure = test.isError ? describeFailure(test.error, 'The rule could not be tested.') : null;

  function choose(next: AccountOption | null) {
    test.reset();
    setAccount(next);
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
          disabled={account === null || test.isPending}
          onClick={() => {
            if (account) test.mutate({ condition, account });
          }}
        >
          {test.isPending ? (
            <>
              <span className="spinner" aria-hidden="true" /> Testing…
            </>
          ) : (
            'Test this rule'
          )}
        </button>
        {account === null ? <span className="account-picker__status">Choose an account first.</span> : null}
      </div>
      {failure ? (
        <div className="form__error" role="alert">
          <p>{failure.message}</p>
          {failure.fields.length > 0 ? (
            <ul>
              {failure.fields.map((field) => (
                <li key={`${field.path}:${field.reason}`}>
                  {field.path ? <code>{field.path}</code> : null} {field.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {test.isSuccess ? (
        <RuleTestResult
          result={test.data}
          registry={registry}
          used={factsUsed(condition)}
          currency={test.variables.account.currency}
          stale={JSON.stringify(test.variables.condition) !== JSON.stringify(condition)}
        />
      ) : null}
    </section>
  );
}
