import { useCallback, useState, type DragEvent, type Dispatch } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type IsValidConnection,
} from '@xyflow/react';
import type { NodeKind } from '@recoup/domain';
import { NODE_KINDS } from '@recoup/domain';
import { refuseConnection } from '../model/connection-rules.ts';
import { GRID, type EditorAction } from '../model/editor-state.ts';
import type { FlowDocument, StrategyFlowEdge, StrategyFlowNode } from '../model/flow-types.ts';
import { useDecorations } from './decorations.ts';
import { PALETTE_MIME } from './palette.tsx';
import { NODE_TYPES } from './strategy-node.tsx';

interface StrategyCanvasProps {
  document: FlowDocument;
  dispatch: Dispatch<EditorAction>;
  readOnly: boolean;
}

const isNodeKind = (value: string): value is NodeKind => (NODE_KINDS as readonly string[]).includes(value);

const edgeClass = (edge: StrategyFlowEdge, invalid: boolean, onPath: boolean | null): string =>
  [
    `flow-edge flow-edge--${edge.sourceHandle === 'yes' || edge.sourceHandle === 'completed' ? 'yes' : edge.sourceHandle === 'no' || edge.sourceHandle === 'broken' ? 'no' : edge.sourceHandle === 'timeout' ? 'timeout' : 'plain'}`,
    invalid ? 'flow-edge--invalid' : '',
    onPath === null ? '' : onPath ? 'flow-edge--on-path' : 'flow-edge--off-path',
  ]
    .filter(Boolean)
    .join(' ');

export function StrategyCanvas({ document, dispatch, readOnly }: StrategyCanvasProps) {
  const flow = useReactFlow<StrategyFlowNode, StrategyFlowEdge>();
  const decorations = useDecorations();
  // Fit an opened strategy into view once. An empty canvas keeps its scale, or the first node dropped on it would
  // be zoomed to fill the screen and every later drop would land somewhere unexpected.
  const [fitOnOpen] = useState(document.nodes.length > 0);

  const isValidConnection: IsValidConnection<StrategyFlowEdge> = useCallback(
    (connection) => refuseConnection(document, connection as Connection) === null,
    [document],
  );

  const edges: Edge[] = document.edges.map((edge) => {
    const onPath = decorations.path ? decorations.path.has(edge.source) && decorations.path.has(edge.target) : null;
    return {
      ...edge,
      className: edgeClass(edge, decorations.edgeProblems.has(edge.id), onPath),
      label: edge.sourceHandle === 'next' ? undefined : edge.sourceHandle,
      animated: onPath === true,
    };
  });

  function onDrop(event: DragEvent) {
    event.preventDefault();
    const kind = event.dataTransfer.getData(PALETTE_MIME);
    if (readOnly || !isNodeKind(kind)) return;
    dispatch({ type: 'add-node', kind, position: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }) });
  }

  return (
    <ReactFlow<StrategyFlowNode, Edge>
      nodes={document.nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={(changes) => dispatch({ type: 'nodes-changed', changes })}
      onEdgesChange={(changes) => dispatch({ type: 'edges-changed', changes: changes as never })}
      onConnect={(connection) => dispatch({ type: 'connect', connection })}
      onNodeDragStart={() => dispatch({ type: 'drag-start' })}
      onNodeDragStop={() => dispatch({ type: 'drag-stop' })}
      onSelectionDragStart={() => dispatch({ type: 'drag-start' })}
      onSelectionDragStop={() => dispatch({ type: 'drag-stop' })}
      isValidConnection={isValidConnection as unknown as IsValidConnection<Edge>}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = readOnly ? 'none' : 'move';
      }}
      onDrop={onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      edgesReconnectable={false}
      snapToGrid
      snapGrid={GRID}
      // Deleting goes through the editor's own key handling so a node and its edges are one undo step.
      deleteKeyCode={null}
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      selectionKeyCode="Shift"
      fitView={fitOnOpen}
      minZoom={0.1}
      maxZoom={2}
      onlyRenderVisibleElements
      proOptions={{ hideAttribution: false }}
    >
      <Background variant={BackgroundVariant.Dots} gap={GRID} />
      <MiniMap pannable zoomable ariaLabel="Overview of the strategy" />
      <Controls showInteractive={!readOnly} />
    </ReactFlow>
  );
}
