import { useState } from 'react';
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { exitHandles, kindTitle, NODE_KINDS, nodeDataSchemas, settingBounds, strategyNodeSchema, type NodeKind } from '@recoup/domain';
import { NODE_SPECS, paletteByGroup } from '../../src/strategies/registry/registry.ts';
import type { SettingsContext } from '../../src/strategies/registry/node-spec.ts';

const context: SettingsContext = {
  nodeId: 'n1',
  templates: [
    { key: 'overdue-7', name: 'First overdue', channel: 'email' },
    { key: 'final-notice', name: 'Final notice', channel: 'email' },
  ],
  facts: null,
};

/** Settings that differ from the defaults in what decides a node's exits. */
const VARIANTS: Partial<Record<NodeKind, unknown[]>> = {
  'wait-for-event': [{ events: ['payment', 'promise-broken', 'dispute'], timeoutDays: 3 }],
  switch: [
    {
      rules: [
        { outcome: 'vip', priority: 5, condition: { all: [] } },
        { outcome: 'default', priority: 1, condition: { any: [] } },
      ],
    },
  ],
  task: [
    { taskType: 'review', title: 'Check', assignment: 'round-robin', outcomes: ['ok', 'escalate'], awaitOutcome: true },
    { taskType: 'call', title: 'Call', assignment: 'least-loaded', outcomes: ['ok'], awaitOutcome: false },
  ],
  end: [{ outcome: 'written-off', approvalAboveMinor: 50_000 }, { outcome: 'settled' }],
};

/** A settings panel holding its own settings, as the editor does, reporting each change. */
function Controlled<K extends NodeKind>({ kind, initial, onChange }: { kind: K; initial: unknown; onChange(next: unknown): void }) {
  const [config, setConfig] = useState(initial);
  const Settings = NODE_SPECS[kind].Settings;
  return (
    <Settings
      config={config as never}
      readOnly={false}
      context={context}
      onChange={(next: unknown) => {
        setConfig(next);
        onChange(next);
      }}
    />
  );
}

describe('the node registry', () => {
  it('has a spec for every node kind of the domain schema and nothing else', () => {
    expect(Object.keys(NODE_SPECS).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) expect(NODE_SPECS[kind].kind).toBe(kind);
  });

  it('puts every kind in exactly one palette group', () => {
    const listed = paletteByGroup().flatMap((group) => group.specs.map((spec) => spec.kind));
    expect(listed.sort()).toEqual([...NODE_KINDS].sort());
  });

  it.each(NODE_KINDS)('gives %s default settings that the server-side schema accepts', (kind) => {
    const node = { id: 'n1', type: kind, position: { x: 0, y: 0 }, data: NODE_SPECS[kind].defaults() };
    expect(strategyNodeSchema.safeParse(node).success).toBe(true);
  });

  it.each(NODE_KINDS)('names a %s node as the domain and its validator do', (kind) => {
    expect(NODE_SPECS[kind].title).toBe(kindTitle(kind));
  });

  it.each(NODE_KINDS)('draws exactly the exits the engine gives a %s node', (kind) => {
    const spec = NODE_SPECS[kind];
    for (const config of [spec.defaults(), ...(VARIANTS[kind] ?? [])]) {
      const parsed = strategyNodeSchema.parse({ id: 'n1', type: kind, data: config });
      expect(spec.exits(config as never).map((exit) => exit.handle)).toEqual(exitHandles(parsed));
    }
  });

  it('offers a number setting exactly the range the server accepts', () => {
    const Settings = NODE_SPECS.escalate.Settings;
    render(<Settings config={{ level: 1, action: 'notify-manager' }} onChange={() => undefined} readOnly={false} context={context} />);
    const level = screen.getByLabelText(/Level/);
    expect(level.getAttribute('min')).toBe(String(settingBounds('escalate', 'level').min));
    expect(level.getAttribute('max')).toBe('9');
  });

  it.each(NODE_KINDS)('renders the settings panel of a %s node without errors', (kind) => {
    const Settings = NODE_SPECS[kind].Settings;
    const { container } = render(<Settings config={NODE_SPECS[kind].defaults() as never} onChange={() => undefined} readOnly={false} context={context} />);
    expect(container.textContent?.length).toBeGreaterThan(0);
  });

  it('edits a wait in days and hands back settings the schema accepts', async () => {
    const onChange = jest.fn();
    render(<Controlled kind="wait" initial={{ mode: 'duration', days: 3, hours: 0, minutes: 0 }} onChange={onChange} />);
    const days = screen.getByLabelText('Days');
    await userEvent.clear(days);
    await userEvent.type(days, '5');
    const last = onChange.mock.calls.at(-1)?.[0];
    expect(last).toEqual({ mode: 'duration', days: 5, hours: 0, minutes: 0 });
    expect(nodeDataSchemas.wait.safeParse(last).success).toBe(true);
  });

  it('switches a wait to a due-date offset and offers negative offsets', async () => {
    const onChange = jest.fn();
    const Settings = NODE_SPECS.wait.Settings;
    render(<Settings config={{ mode: 'duration', days: 3, hours: 0, minutes: 0 }} onChange={onChange} readOnly={false} context={context} />);
    await userEvent.selectOptions(screen.getByLabelText('Wait'), 'due-offset');
    expect(onChange).toHaveBeenLastCalledWith({ mode: 'due-offset', offsetDays: 0 });
  });

  it('offers the server’s templates to a reminder', async () => {
    const onChange = jest.fn();
    const Settings = NODE_SPECS.reminder.Settings;
    render(<Settings config={{ channel: 'email', template: 'overdue-7' }} onChange={onChange} readOnly={false} context={context} />);
    await userEvent.selectOptions(screen.getByLabelText('Template'), 'final-notice');
    expect(onChange).toHaveBeenLastCalledWith({ channel: 'email', template: 'final-notice' });
  });

  it('adds a task outcome, which becomes a new exit', async () => {
    const onChange = jest.fn();
    const config = NODE_SPECS.task.defaults();
    const Settings = NODE_SPECS.task.Settings;
    render(<Settings config={config} onChange={onChange} readOnly={false} context={context} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add outcome' }));
    const next = onChange.mock.calls.at(-1)?.[0] as typeof config;
    expect(next.outcomes).toEqual(['promise', 'no-contact', '']);
  });

  it('asks for an approval limit only on a write-off end', async () => {
    const onChange = jest.fn();
    const Settings = NODE_SPECS.end.Settings;
    const { rerender } = render(<Settings config={{ outcome: 'settled' }} onChange={onChange} readOnly={false} context={context} />);
    expect(screen.queryByLabelText(/approve above/)).toBeNull();
    rerender(<Settings config={{ outcome: 'written-off' }} onChange={onChange} readOnly={false} context={context} />);
    expect(screen.getByLabelText(/approve above/)).toBeTruthy();
  });

  it('disables every input of a read-only panel', () => {
    const Settings = NODE_SPECS.task.Settings;
    render(<Settings config={NODE_SPECS.task.defaults()} onChange={() => undefined} readOnly context={context} />);
    for (const select of screen.getAllByRole('combobox')) expect((select as HTMLSelectElement).disabled).toBe(true);
    for (const input of screen.getAllByRole('textbox')) expect((input as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
