import { useReducer } from 'react';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { canonicalJson, type StrategyGraphInput } from '@recoup/domain';
import { diffStrategies } from '../../src/strategies/model/diff.ts';
import { editorReducer, initialEditorState, type EditorAction, type EditorState } from '../../src/strategies/model/editor-state.ts';
import { toFlow, toGraph } from '../../src/strategies/model/graph-convert.ts';
import { validateDrawing } from '../../src/strategies/model/validation.ts';
import { PortalPanel } from '../../src/strategies/panels/portal-panel.tsx';

const graph: StrategyGraphInput = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'end', type: 'end', position: { x: 0, y: 120 }, label: 'Done', data: { outcome: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'end', sourceHandle: 'next' }],
};

const withPortal: StrategyGraphInput = {
  ...graph,
  portal: {
    promise: { enabled: true, maxDaysAhead: 21 },
    plan: { maxInstallments: 4, minInstallment: [{ currency: 'EUR', amountMinor: '2500' }, { currency: 'JPY', amountMinor: '3000' }] },
  },
};

const run = (state: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, state);

/** The editor's reducer with only the portal panel and the undo button, as the strategy editor wires them. */
function Harness({ initial, onState }: { initial: StrategyGraphInput; onState(state: EditorState): void }) {
  const [state, dispatch] = useReducer(editorReducer, initial, (g) => initialEditorState(toFlow(g)));
  onState(state);
  return (
    <>
      <button type="button" onClick={() => dispatch({ type: 'undo' })}>
        Undo
      </button>
      <PortalPanel
        portal={state.history.present.portal}
        readOnly={false}
        problems={[]}
        onChange={(portal, field) => dispatch({ type: 'edit-portal', portal, field, at: Date.now() })}
      />
    </>
  );
}

function renderHarness(initial: StrategyGraphInput) {
  let latest: EditorState | null = null;
  render(<Harness initial={initial} onState={(state) => (latest = state)} />);
  return () => {
    if (!latest) throw new Error('not rendered');
    return toGraph((latest as EditorState).history.present);
  };
}

describe('the debtor-portal policy in the designer', () => {
  it('round-trips a document without a portal policy and exports it without one', () => {
    const back = toGraph(toFlow(graph));
    expect(back).toEqual(graph);
    expect('portal' in back).toBe(false);
  });

  it('round-trips a document with a portal policy exactly as it was, partial fields included', () => {
    expect(canonicalJson(toGraph(toFlow(withPortal)))).toBe(canonicalJson(withPortal));
  });

  it('keeps the policy through node edits, deletes, selection and paste', () => {
    let state = initialEditorState(toFlow(withPortal));
    state = run(
      state,
      { type: 'edit-node', id: 'end', label: 'Finished', at: 1 },
      { type: 'select-only', nodeIds: ['end'] },
      { type: 'delete-selection' },
      { type: 'auto-layout' },
    );
    expect(toGraph(state.history.present).portal).toEqual(withPortal.portal);
  });

  it('makes a policy edit an undoable step, and taking the policy out brings the defaults back', () => {
    let state = initialEditorState(toFlow(graph));
    state = run(state, { type: 'edit-portal', portal: { plan: { maxInstallments: 3 } }, field: 'plan.maxInstallments', at: 1 });
    expect(toGraph(state.history.present).portal).toEqual({ plan: { maxInstallments: 3 } });
    state = run(state, { type: 'edit-portal', portal: undefined, field: 'reset', at: 5_000 });
    expect('portal' in toGraph(state.history.present)).toBe(false);
    state = run(state, { type: 'undo' });
    expect(toGraph(state.history.present).portal).toEqual({ plan: { maxInstallments: 3 } });
    state = run(state, { type: 'undo' });
    expect('portal' in toGraph(state.history.present)).toBe(false);
  });

  it('shows the defaults for a document without a policy', () => {
    renderHarness(graph);
    expect(screen.getByText('This strategy uses the default policy.')).toBeTruthy();
    expect((screen.getByLabelText('Most installments') as HTMLInputElement).value).toBe('6');
    expect((screen.getByLabelText('Latest promised date (days from today)') as HTMLInputElement).value).toBe('14');
    expect((screen.getByLabelText('Smallest installment in EUR') as HTMLInputElement).value).toBe('50.00');
    expect((screen.getByLabelText('Debtors may dispute invoices in the portal') as HTMLInputElement).checked).toBe(true);
  });

  it('writes the whole policy on the first edit through the panel, and undo takes the document back to none', async () => {
    const current = renderHarness(graph);
    fireEvent.change(screen.getByLabelText('Most installments'), { target: { value: '3' } });
    expect(current().portal?.plan).toMatchObject({ maxInstallments: 3, maxIntervalDays: 31, minInstallment: [{ currency: 'EUR', amountMinor: '5000' }] });
    expect(current().portal?.promise).toEqual({ enabled: true, maxDaysAhead: 14, minPercent: 100 });
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect('portal' in current()).toBe(false);
    expect((screen.getByLabelText('Most installments') as HTMLInputElement).value).toBe('6');
  });

  it('stores a typed major-unit amount as minor units by the currency exponent, and undo shows the old amount again', async () => {
    const current = renderHarness(withPortal);
    const eur = screen.getByLabelText('Smallest installment in EUR');
    await userEvent.clear(eur);
    await userEvent.type(eur, '25.5');
    expect(current().portal?.plan?.minInstallment).toEqual([
      { currency: 'EUR', amountMinor: '2550' },
      { currency: 'JPY', amountMinor: '3000' },
    ]);
    // JPY has no minor unit: 3000 minor units are 3000 yen.
    expect((screen.getByLabelText('Smallest installment in JPY') as HTMLInputElement).value).toBe('3000');
    await userEvent.type(screen.getByLabelText('Smallest installment in JPY'), '.5');
    expect(screen.getByRole('alert').textContent).toMatch(/more decimals than the currency allows/);
    expect(current().portal?.plan?.minInstallment?.[1]).toEqual({ currency: 'JPY', amountMinor: '3000' });
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(current().portal).toEqual(withPortal.portal);
    expect((screen.getByLabelText('Smallest installment in EUR') as HTMLInputElement).value).toBe('25.00');
  });

  it('adds and removes a currency, and refuses a second minimum for a currency with a visible message', async () => {
    const current = renderHarness(graph);
    await userEvent.selectOptions(screen.getByLabelText('Currency of the new minimum'), 'EUR');
    await userEvent.type(screen.getByLabelText('Amount of the new minimum'), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Add currency' }));
    expect(screen.getByRole('alert').textContent).toBe('EUR has a minimum already (50.00 EUR); change that row instead of adding another.');
    expect(current().portal).toBeUndefined();

    // What was typed stays after the refusal, so only the currency needs changing.
    expect((screen.getByLabelText('Amount of the new minimum') as HTMLInputElement).value).toBe('10');
    await userEvent.selectOptions(screen.getByLabelText('Currency of the new minimum'), 'GBP');
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.clear(screen.getByLabelText('Amount of the new minimum'));
    await userEvent.type(screen.getByLabelText('Amount of the new minimum'), '40.00');
    await userEvent.click(screen.getByRole('button', { name: 'Add currency' }));
    expect(current().portal?.plan?.minInstallment).toEqual([
      { currency: 'EUR', amountMinor: '5000' },
      { currency: 'GBP', amountMinor: '4000' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove the minimum in EUR' }));
    expect(current().portal?.plan?.minInstallment).toEqual([{ currency: 'GBP', amountMinor: '4000' }]);
  });

  it('names a bad policy field in the problems, for the panel too', () => {
    const bad = { ...graph, portal: { plan: { maxInstallments: 30 } } };
    const view = validateDrawing(toFlow(bad), bad, null);
    expect(view.portalProblems).toEqual(['The debtor portal policy is invalid: portal.plan.maxInstallments must be at most 24.']);
    expect(view.problems.map((p) => p.code)).toEqual(['invalid-portal-policy']);
  });

  it('counts a policy change as a difference between versions, but not the defaults written out', () => {
    expect(diffStrategies(graph, withPortal)).toMatchObject({ portalChanged: true, same: false });
    expect(diffStrategies(graph, { ...graph, portal: { plan: { maxInstallments: 6 } } })).toMatchObject({ portalChanged: false, same: true });
  });
});
