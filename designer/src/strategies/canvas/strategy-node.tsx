import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { NodeKind } from '@recoup/domain';
import type { StrategyFlowNode } from '../model/flow-types.ts';
import type { ExitSpec } from '../registry/node-spec.ts';
import { NODE_SPECS, specOf } from '../registry/registry.ts';
import { useDecorations } from './decorations.ts';

/** Where each exit sits along the bottom edge, as a percentage, so that several never overlap. */
const exitOffset = (index: number, count: number): string => `${((index + 1) * 100) / (count + 1)}%`;

function StrategyNodeView({ id, type, data, selected }: NodeProps<StrategyFlowNode>) {
  const spec = specOf(type);
  const decorations = useDecorations();
  const problems = decorations.problems.get(id) ?? [];
  const diff = decorations.diff?.get(id);
  const pathDays = decorations.path?.get(id);
  const live = decorations.live?.get(id);
  const exits: ExitSpec[] = [
    ...spec.exits(data.config as never),
    ...(decorations.orphanExits.get(id) ?? []).map((handle) => ({ handle, label: `${handle} (gone)`, tone: 'orphan' as const })),
  ];

  const classes = [
    'flow-node',
    `flow-node--${spec.group.toLowerCase()}`,
    selected ? 'flow-node--selected' : '',
    problems.length > 0 ? 'flow-node--invalid' : '',
    diff ? `flow-node--diff-${diff}` : '',
    decorations.path ? (pathDays ? 'flow-node--on-path' : 'flow-node--off-path') : '',
  ].filter(Boolean);

  return (
    <div
      className={classes.join(' ')}
      data-node-id={id}
      data-kind={type}
      aria-label={`${spec.title} node ${data.label ?? id}${problems.length ? `, ${problems.length} problem(s)` : ''}`}
    >
      {spec.hasInput ? <Handle type="target" position={Position.Top} className="flow-handle flow-handle--in" /> : null}
      <div className="flow-node__head">
        <span className="flow-node__glyph" aria-hidden="true">
          {spec.glyph}
        </span>
        <span className="flow-node__kind">{spec.title}</span>
        {live !== undefined ? (
          <span className="flow-node__live" title={`${live} account(s) are at this node now`}>
            {live}
          </span>
        ) : null}
        {problems.length > 0 ? (
          <span className="flow-node__problem" title={problems.join('\n')} aria-hidden="true">
            !
          </span>
        ) : null}
      </div>
      <div className="flow-node__label">{data.label ?? id}</div>
      <div className="flow-node__summary">{spec.summary(data.config as never)}</div>
      {diff ? <div className={`flow-node__diff flow-node__diff--${diff}`}>{diff}</div> : null}
      {pathDays ? <div className="flow-node__path">day {pathDays.join(', ')}</div> : null}
      {exits.map((exit, index) => (
        <Handle
          key={exit.handle}
          id={exit.handle}
          type="source"
          position={Position.Bottom}
          className={`flow-handle flow-handle--${exit.tone}`}
          style={{ left: exitOffset(index, exits.length) }}
          title={exit.label}
        >
          <span className="flow-handle__label">{exit.label}</span>
        </Handle>
      ))}
    </div>
  );
}

const View = memo(StrategyNodeView);

/** Every node kind is drawn by the one view, which reads the kind's spec; the keys come from the registry. */
export const NODE_TYPES = Object.fromEntries(Object.keys(NODE_SPECS).map((kind) => [kind, View])) as Record<NodeKind, typeof View>;
