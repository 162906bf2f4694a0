import type { NodeKind } from '@recoup/domain';
import { useId } from 'react';
import type { StrategyFlowNode } from '../model/flow-types.ts';
import type { SettingsContext } from '../registry/node-spec.ts';
import { specOf } from '../registry/registry.ts';
import { ProblemList } from './problem-list.tsx';

interface SettingsPanelProps {
  node: StrategyFlowNode | null;
  selectedCount: number;
  readOnly: boolean;
  problems: readonly string[];
  context: Omit<SettingsContext, 'nodeId'>;
  onConfig(nodeId: string, config: unknown): void;
  onLabel(nodeId: string, label: string): void;
}

export function SettingsPanel({ node, selectedCount, readOnly, problems, context, onConfig, onLabel }: SettingsPanelProps) {
  const labelId = useId();
  if (!node) {
    return (
      <div className="settings settings--empty">
        <p>{selectedCount > 1 ? `${selectedCount} nodes selected. Select one to edit its settings.` : 'Select a node to edit its settings.'}</p>
        <p className="settings__note">
          Shortcuts: Delete removes the selection · Ctrl+C / Ctrl+V copy and paste · Ctrl+Z / Ctrl+Shift+Z undo and redo · Ctrl+S saves ·
          Shift+drag selects several.
        </p>
      </div>
    );
  }
  const spec = specOf(node.type as NodeKind);
  const Settings = spec.Settings;
  return (
    <div className="settings" aria-label={`Settings of ${node.data.label ?? node.id}`}>
      <h2 className="settings__title">
        <span aria-hidden="true">{spec.glyph}</span> {spec.title}
      </h2>
      <p className="settings__note">{spec.description}</p>
      <div className="field">
        <label className="field__label" htmlFor={labelId}>
          Label
        </label>
        <input
          id={labelId}
          className="field__input"
          value={node.data.label ?? ''}
          placeholder={node.id}
          readOnly={readOnly}
          onChange={(event) => onLabel(node.id, event.target.value)}
        />
        <span className="field__hint">
          Node id <code>{node.id}</code>: histories and reports refer to it.
        </span>
      </div>
      <ProblemList problems={problems} />
      <Settings
        config={node.data.config as never}
        readOnly={readOnly}
        context={{ ...context, nodeId: node.id }}
        onChange={(config) => onConfig(node.id, config)}
      />
    </div>
  );
}
