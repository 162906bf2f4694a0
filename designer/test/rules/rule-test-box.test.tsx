import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { FACTS, OPERATORS_BY_TYPE } from '@recoup/domain';
import type { RuleCondition } from '@recoup/domain';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import type { FactsRegistry } from '../../src/strategies/rules/facts-registry.ts';
import { RuleTestBox } from '../../src/strategies/rules/rule-test-box.tsx';
import { fakeServer } from '../support/fake-server.ts';
import type { FakeRoute } from '../support/fake-server.ts';

const registry: FactsRegistry = { facts: FACTS, operatorsByType: OPERATORS_BY_TYPE };

const acme = {
  id: '0b7f3c1e-1111-4c4c-9d9d-000000000001',
  externalRef: 'ACME-001',
  name: 'Acme Ltd',
  currency: 'EUR',
  balance: [{ amountMinor: '123450', currency: 'EUR' }],
};
const bolt = { ...acme, id: '0b7f3c1e-1111-4c4c-9d9d-000000000002', externalRef: 'BOLT-7', name: 'Bolt & Sons' };

const condition: RuleCondition = {
  all: [
    { fact: 'daysPastDue', operator: 'greaterThan', value: 30 },
    { any: [{ fact: 'overdueAmountMinor', operator: 'greaterThanInclusive', value: 100000 }, { fact: 'tags', operator: 'contains', value: 'vip' }] },
  ],
};

const facts = {
  daysPastDue: 45,
  overdueAmountMinor: 123450,
  totalOpenMinor: 123450,
  currentBucket: '31-60',
  tags: [],
  riskScore: null,
  currency: 'EUR',
  disputeOpen: false,
};

const accounts: FakeRoute = ({ url }) => {
  const q = (url.searchParams.get('q') ?? '').toLowerCase();
  const items = [acme, bolt].filter((account) => account.name.toLowerCase().includes(q));
  return { status: 200, body: { items, total: items.length, limit: Number(url.searchParams.get('limit')), offset: 0 } };
};

function renderBox(evaluate: FakeRoute) {
  const server = fakeServer({ 'GET /api/accounts': accounts, 'POST /api/rules/evaluate': evaluate });
  const client = new ApiClient(server.fetchFn);
  const box = (rule: RuleCondition) => (
    <ApiContext value={client}>
      <RuleTestBox condition={rule} registry={registry} />
    </ApiContext>
  );
  const { rerender } = render(box(condition));
  return { server, user: userEvent.setup(), changeRule: (rule: RuleCondition) => rerender(box(rule)) };
}

async function pickAcme(user: UserEvent) {
  await user.type(screen.getByLabelText('Account to test with'), 'acm');
  // The search waits for typing to pause, so the unfiltered first page shows until then.
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 account.'));
  const results = screen.getByRole('list', { name: 'Matching accounts' });
  expect(within(results).queryByText('Bolt & Sons')).toBeNull();
  await user.click(within(results).getByRole('button', { name: /Acme Ltd/ }));
}

describe('RuleTestBox', () => {
  afterEach(cleanup);

  it('searches accounts, tests the rule on the server and shows the outcome with the facts it used', async () => {
    const { server, user, changeRule } = renderBox(() => ({
      status: 200,
      body: {
        result: true,
        matched: ['daysPastDue greaterThan 30 (was 45)', 'overdueAmountMinor greaterThanInclusive 100000 (was 123450)'],
        facts,
        account: { id: acme.id, name: acme.name },
      },
    }));

    expect((screen.getByRole('button', { name: 'Test this rule' }) as HTMLButtonElement).disabled).toBe(true);
    await pickAcme(user);
    expect(server.calls('GET /api/accounts').at(-1)?.url.searchParams.get('q')).toBe('acm');
    await user.click(screen.getByRole('button', { name: 'Test this rule' }));

    expect((await screen.findByText(/For Acme Ltd the rule holds/)).parentElement?.textContent).toBe('For Acme Ltd the rule holds:true');
    expect(server.calls('POST /api/rules/evaluate').map((call) => call.body)).toEqual([{ condition, accountId: acme.id }]);

    const matched = screen.getByRole('list', { name: 'Comparisons that held' });
    expect(within(matched).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'daysPastDue is greater than 30 (was 45)',
      'overdueAmountMinor is at least 100000 (was 123450)',
    ]);

    const table = screen.getByRole('table', { name: 'Facts of Acme Ltd' });
    const row = (fact: string) => within(table).getByRole('rowheader', { name: new RegExp(`^${fact}`) }).closest('tr');
    for (const used of ['daysPastDue', 'overdueAmountMinor', 'tags']) {
      expect(row(used)?.className).toBe('rule-test__fact--used');
      expect(row(used)?.textContent).toContain('used by this rule');
    }
    for (const unused of ['totalOpenMinor', 'currentBucket', 'riskScore', 'disputeOpen']) {
      expect(row(unused)?.className).toBe('');
      expect(row(unused)?.textContent).not.toContain('used by this rule');
    }
    expect(row('overdueAmountMinor')?.textContent).toContain('123450 minor units (1234.50 EUR)');
    expect(row('riskScore')?.textContent).toContain('null (no value)');
    expect(row('tags')?.textContent).toContain('(empty list)');

    expect(screen.queryByText(/The rule has changed since this test/)).toBeNull();
    changeRule({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 60 }] });
    expect(screen.getByText('The rule has changed since this test. Test again for the new result.')).toBeTruthy();
  });

  it('shows a false outcome and that nothing held', async () => {
    const { user } = renderBox(() => ({
      status: 200,
      body: { result: false, matched: [], facts, account: { id: acme.id, name: acme.name } },
    }));
    await pickAcme(user);
    await user.click(screen.getByRole('button', { name: 'Test this rule' }));

    expect((await screen.findByText(/For Acme Ltd the rule does not hold/)).parentElement?.textContent).toBe(
      'For Acme Ltd the rule does not hold:false',
    );
    expect(screen.getByText('None of the comparisons held.')).toBeTruthy();
  });

  it("shows the server's refusal clearly", async () => {
    const { user } = renderBox(() => ({
      status: 422,
      body: {
        error: {
          code: 'rule-invalid',
          message: 'The condition uses a fact the engine does not know.',
          details: { fields: [{ in: 'body', path: 'condition.all.0.fact', reason: 'unknown fact "shoeSize"' }] },
        },
      },
    }));
    await pickAcme(user);
    await user.click(screen.getByRole('button', { name: 'Test this rule' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The condition uses a fact the engine does not know.');
    expect(alert.textContent).toContain('condition.all.0.fact unknown fact "shoeSize"');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lets another account be chosen', async () => {
    const { user } = renderBox(() => ({ status: 500, body: { error: { code: 'internal', message: 'Something broke.' } } }));
    await pickAcme(user);
    await user.click(screen.getByRole('button', { name: 'Choose another account instead of Acme Ltd' }));
    const search = screen.getByLabelText<HTMLInputElement>('Account to test with');
    expect(document.activeElement).toBe(search);
    expect(search.value).toBe('acm');
    await user.clear(search);
    await user.type(search, 'bolt');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 account.'));
    await user.click(screen.getByRole('button', { name: /Bolt & Sons/ }));
    expect(screen.getByRole('button', { name: 'Choose another account instead of Bolt & Sons' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Test this rule' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
