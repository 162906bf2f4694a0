import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { FACTS, OPERATORS_BY_TYPE } from '@recoup/domain';
import type { RuleCondition } from '@recoup/domain';
import type { FactsRegistry } from '../../src/strategies/rules/facts-registry.ts';
import { RuleBuilder } from '../../src/strategies/rules/rule-builder.tsx';

const registry: FactsRegistry = { facts: FACTS, operatorsByType: OPERATORS_BY_TYPE };

function renderBuilder(initial: RuleCondition, options: { readOnly?: boolean } = {}) {
  const onChange = jest.fn<(next: RuleCondition) => void>();
  function Harness() {
    const [value, setValue] = useState(initial);
    return (
      <RuleBuilder
        value={value}
        registry={registry}
        readOnly={options.readOnly}
        label="Condition for yes"
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
    );
  }
  render(<Harness />);
  const latest = () => onChange.mock.calls.at(-1)?.[0];
  return { onChange, latest, user: userEvent.setup() };
}

const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const optionTexts = (label: string) => Array.from(select(label).options).map((option) => option.textContent);

describe('RuleBuilder', () => {
  afterEach(cleanup);

  it('builds a nested rule by clicks into exactly the expected JSON', async () => {
    const { user, latest } = renderBuilder({ all: [] });

    await user.click(screen.getByRole('button', { name: 'Add comparison to the rule' }));
    expect(latest()).toEqual({ all: [{ fact: 'daysPastDue', operator: 'equal', value: 0 }] });
    await user.selectOptions(select('Operator of condition 1'), 'is greater than');
    await user.clear(screen.getByLabelText('Value of condition 1'));
    await user.type(screen.getByLabelText('Value of condition 1'), '30');

    await user.click(screen.getByRole('button', { name: 'Add group to the rule' }));
    await user.selectOptions(select('Match all or any in group 2'), 'any');
    await user.selectOptions(select('Fact of condition 2.1'), 'currentBucket');
    await user.selectOptions(select('Operator of condition 2.1'), 'in');
    await user.clear(screen.getByLabelText('Value of condition 2.1'));
    await user.type(screen.getByLabelText('Value of condition 2.1'), '61-90, 90+');

    await user.click(screen.getByRole('button', { name: 'Add comparison to group 2' }));
    await user.selectOptions(select('Fact of condition 2.2'), 'tags');
    await user.type(screen.getByLabelText('Value of condition 2.2'), 'vip');
    await user.click(screen.getByRole('button', { name: 'Wrap condition 2.2 in NOT' }));

    // A third top-level condition, added and removed again, leaves no trace.
    await user.click(screen.getByRole('button', { name: 'Add comparison to the rule' }));
    await user.click(screen.getByRole('button', { name: 'Remove condition 3' }));

    expect(latest()).toEqual({
      all: [
        { fact: 'daysPastDue', operator: 'greaterThan', value: 30 },
        {
          any: [
            { fact: 'currentBucket', operator: 'in', value: ['61-90', '90+'] },
            { not: { fact: 'tags', operator: 'contains', value: 'vip' } },
          ],
        },
      ],
    });
  });

  it('unwraps a not, switches the top group to any and removes a group', async () => {
    const { user, latest } = renderBuilder({
      all: [
        { not: { fact: 'disputeOpen', operator: 'equal', value: true } },
        { all: [{ fact: 'segment', operator: 'equal', value: 'vip' }] },
      ],
    });

    await user.click(screen.getByRole('button', { name: 'Remove NOT from condition 1' }));
    await user.selectOptions(select('Match all or any in the rule'), 'Any of these must hold');
    await user.click(screen.getByRole('button', { name: 'Remove group 2' }));

    expect(latest()).toEqual({ any: [{ fact: 'disputeOpen', operator: 'equal', value: true }] });
  });

  it('is usable from the keyboard alone, and focus follows what was added', async () => {
    const { user, latest } = renderBuilder({ all: [] });

    screen.getByRole('button', { name: 'Add comparison to the rule' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Fact of condition 1'));

    await user.selectOptions(document.activeElement as HTMLSelectElement, 'riskScore');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Operator of condition 1'));
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Value of condition 1: no value (null)'));
    await user.keyboard(' ');
    expect(latest()).toEqual({ all: [{ fact: 'riskScore', operator: 'equal', value: null }] });

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Wrap condition 1 in NOT' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove NOT from condition 1' }));
    expect(latest()).toEqual({ all: [{ not: { fact: 'riskScore', operator: 'equal', value: null } }] });
  });

  it('offers only the operators of the fact type, in words, and the value input that fits', async () => {
    const { user, latest } = renderBuilder({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] });

    expect(optionTexts('Operator of condition 1')).toEqual([
      'is',
      'is not',
      'is less than',
      'is at most',
      'is greater than',
      'is at least',
      'is one of',
      'is none of',
    ]);
    expect(screen.getByLabelText('Value of condition 1').getAttribute('type')).toBe('number');

    await user.selectOptions(select('Fact of condition 1'), 'customerType');
    expect(optionTexts('Operator of condition 1')).toEqual(['is', 'is not', 'is one of', 'is none of']);
    expect(optionTexts('Value of condition 1')).toEqual(['consumer', 'business']);
    expect(latest()).toEqual({ all: [{ fact: 'customerType', operator: 'equal', value: 'consumer' }] });

    await user.selectOptions(select('Fact of condition 1'), 'tags');
    expect(optionTexts('Operator of condition 1')).toEqual(['contains', 'does not contain']);
    expect(latest()).toEqual({ all: [{ fact: 'tags', operator: 'contains', value: '' }] });

    await user.selectOptions(select('Fact of condition 1'), 'disputeOpen');
    expect(optionTexts('Operator of condition 1')).toEqual(['is', 'is not']);
    expect(optionTexts('Value of condition 1')).toEqual(['true', 'false']);
    await user.selectOptions(select('Value of condition 1'), 'false');
    expect(latest()).toEqual({ all: [{ fact: 'disputeOpen', operator: 'equal', value: false }] });

    await user.selectOptions(select('Fact of condition 1'), 'overdueAmountMinor');
    const amount = screen.getByLabelText('Value of condition 1');
    expect(amount.getAttribute('step')).toBe('1');
    expect(within(screen.getByRole('group', { name: 'Condition 1' })).getByText('minor units (e.g. cents)')).toBeTruthy();
    await user.type(amount, '.5');
    expect(screen.getByText('Amounts are whole minor units: write 1999 for 19.99.')).toBeTruthy();
    expect(latest()).toEqual({ all: [{ fact: 'overdueAmountMinor', operator: 'equal', value: 0 }] });
  });

  it('groups the facts by type and explains each one', () => {
    renderBuilder({ all: [{ fact: 'overdueAmountMinor', operator: 'greaterThan', value: 10000 }] });

    const groups = Array.from(select('Fact of condition 1').querySelectorAll('optgroup')).map((group) => group.label);
    expect(groups).toEqual(['Numbers', 'Text', 'Yes / no', 'Dates', 'Lists']);
    const option = within(select('Fact of condition 1')).getByRole('option', { name: 'overdueAmountMinor (minor units)' });
    expect(option.getAttribute('title')).toMatch(/^number, in minor units — Open amount of the undisputed invoices/);
    expect(screen.getByText(/Open amount of the undisputed invoices that are past due/).id).toBe(
      select('Fact of condition 1').getAttribute('aria-describedby'),
    );
  });

  it('rewrites the JSON view when the builder changes', async () => {
    const { user } = renderBuilder({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] });
    await user.click(screen.getByRole('button', { name: 'Show JSON' }));

    await user.selectOptions(select('Operator of condition 1'), 'lessThanInclusive');

    expect(JSON.parse(screen.getByLabelText<HTMLTextAreaElement>('Rule as JSON').value)).toEqual({
      all: [{ fact: 'daysPastDue', operator: 'lessThanInclusive', value: 30 }],
    });
  });

  it('takes JSON typed into the raw view into the builder', async () => {
    const { user, latest } = renderBuilder({ all: [] });
    await user.click(screen.getByRole('button', { name: 'Show JSON' }));
    const text = screen.getByLabelText<HTMLTextAreaElement>('Rule as JSON');

    await user.clear(text);
    await user.click(text);
    await user.paste('{"any": [{"fact": "promiseStatus", "operator": "equal", "value": "broken"}, {"not": {"fact": "brokenPromises", "operator": "lessThan", "value": 2}}]}');

    const expected = {
      any: [
        { fact: 'promiseStatus', operator: 'equal', value: 'broken' },
        { not: { fact: 'brokenPromises', operator: 'lessThan', value: 2 } },
      ],
    };
    expect(latest()).toEqual(expected);
    expect(select('Match all or any in the rule').value).toBe('any');
    expect(select('Fact of condition 1').value).toBe('promiseStatus');
    expect(select('Value of condition 1').value).toBe('broken');
    expect(select('Fact of condition 2').value).toBe('brokenPromises');
    expect(select('Operator of condition 2').value).toBe('lessThan');
    expect(screen.getByLabelText<HTMLInputElement>('Value of condition 2').value).toBe('2');
    expect(screen.getByRole('button', { name: 'Remove NOT from condition 2' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the last good rule and names the problem when the JSON is invalid', async () => {
    const good = { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] };
    const { user, onChange, latest } = renderBuilder(good);
    await user.click(screen.getByRole('button', { name: 'Show JSON' }));
    const text = screen.getByLabelText<HTMLTextAreaElement>('Rule as JSON');

    await user.clear(text);
    await user.click(text);
    await user.paste('{\n  "all": [\n    {"fact": "daysPastDue", "operator": "lessThan", "value": 5,}\n  ]\n}');

    expect(screen.getByRole('alert').textContent).toContain(
      "Line 3, column 64: Remove the comma before '}': JSON allows no trailing comma.",
    );
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();
    expect(select('Operator of condition 1').value).toBe('greaterThan');
    expect(screen.getByLabelText<HTMLInputElement>('Value of condition 1').value).toBe('30');

    // A well-formed document of the wrong shape is refused too, with where it went wrong.
    await user.clear(text);
    await user.click(text);
    await user.paste('{"all": [{"fact": "daysPastDue", "operator": "lessThan"}]}');
    expect(screen.getByRole('alert').textContent).toContain('At all[0], the condition needs a "value" to compare the fact with.');
    expect(onChange).not.toHaveBeenCalled();

    // Fixing it takes it.
    await user.clear(text);
    await user.click(text);
    await user.paste('{"all": [{"fact": "daysPastDue", "operator": "lessThan", "value": 5}]}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(latest()).toEqual({ all: [{ fact: 'daysPastDue', operator: 'lessThan', value: 5 }] });
    expect(select('Operator of condition 1').value).toBe('lessThan');
  });

  it('shows JSON it cannot edit as it is, with what is wrong', async () => {
    const { user } = renderBuilder({ all: [{ fact: 'shoeSize', operator: 'greaterThan', value: 44 }] });
    expect(select('Fact of condition 1').value).toBe('shoeSize');
    expect(screen.getByText('"shoeSize" is not a fact the rules engine provides; choose one from the list.')).toBeTruthy();
    await user.selectOptions(select('Fact of condition 1'), 'daysPastDue');
    expect(screen.queryByText(/is not a fact the rules engine provides/)).toBeNull();
  });

  it('disables every control when read-only, but still shows the JSON', async () => {
    const { user, onChange } = renderBuilder(
      {
        any: [
          { fact: 'currentBucket', operator: 'in', value: ['90+'] },
          { not: { fact: 'riskScore', operator: 'equal', value: null } },
          { all: [{ fact: 'overdueAmountMinor', operator: 'greaterThan', value: 50000 }] },
        ],
      },
      { readOnly: true },
    );

    const builder = screen.getByRole('group', { name: 'Condition for yes' });
    const controls = Array.from(builder.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input'));
    expect(controls.length).toBe(12);
    for (const control of controls) expect(control.disabled).toBe(true);
    const buttons = within(builder).getAllByRole('button');
    const editing = buttons.filter((button) => button.textContent !== 'Show JSON');
    expect(editing.length).toBeGreaterThanOrEqual(8);
    for (const button of editing) expect((button as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Show JSON' }));
    const text = screen.getByLabelText<HTMLTextAreaElement>('Rule as JSON');
    expect(text.readOnly).toBe(true);
    await user.type(text, 'x');
    for (const button of editing) await user.click(button);
    expect(onChange).not.toHaveBeenCalled();
  });
});
