import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import type { NodeKind, PortalPolicyInput } from '@recoup/domain';
import { specOf } from '../registry/registry.ts';
import { paste, type Clipboard } from './clipboard.ts';
import { refuseConnection } from './connection-rules.ts';
import type { FlowDocument, KindConfig, StrategyFlowEdge, StrategyFlowNode } from './flow-types.ts';
import { record, recordSince, redo, replace, startHistory, undo, type History } from './history.ts';
import { autoLayout } from './layout.ts';
import { edgeIdFor, freeNodeId } from './node-ids.ts';

// Every change to the drawing goes through this reducer, so undo and redo see all of them, and each user gesture
// (a drag, a delete of a selection, a paste, typing in one settings field) is one step. The debtor-portal policy
// is part of the document and its edits are steps like a node's.

export interface EditorState {
  history: History<FlowDocument>;
  /** The document when the current drag began; the drag becomes one step when it ends. */
  dragBase: FlowDocument | null;
  pasteCount: number;
  /** The last settings edit, so that typing into one field is one undo step rather than one per key. */
  lastEdit: { key: string; at: number } | null;
}

export type EditorAction =
  | { type: 'nodes-changed'; changes: NodeChange<StrategyFlowNode>[] }
  | { type: 'edges-changed'; changes: EdgeChange<StrategyFlowEdge>[] }
  | { type: 'drag-start' }
  | { type: 'drag-stop' }
  | { type: 'connect'; connection: Connection }
  | { type: 'add-node'; kind: NodeKind; position: XYPosition }
  | { type: 'edit-node'; id: string; config?: unknown; label?: string; at: number }
  /** A new debtor-portal policy; undefined takes it out of the document (the defaults apply). `field` names what changed. */
  | { type: 'edit-portal'; portal: PortalPolicyInput | undefined; field: string; at: number }
  | { type: 'delete-selection' }
  | { type: 'paste'; clipboard: Clipboard }
  | { type: 'select-only'; nodeIds: readonly string[] }
  | { type: 'select-all' }
  | { type: 'auto-layout' }
  | { type: 'load'; document: FlowDocument; asStep: boolean }
  | { type: 'undo' }
  | { type: 'redo' };

/** Two edits of the same field less than this apart are one undo step. */
const TYPING_PAUSE_MS = 1_000;
export const GRID: [number, number] = [20, 20];

export const initialEditorState = (document: FlowDocument): EditorState => ({
  history: startHistory(document),
  dragBase: null,
  pasteCount: 0,
  lastEdit: null,
});

const snap = (position: XYPosition): XYPosition => ({
  x: Math.round(position.x / GRID[0]) * GRID[0],
  y: Math.round(position.y / GRID[1]) * GRID[1],
});

const step = (state: EditorState, next: FlowDocument): EditorState => ({ ...state, history: record(state.history, next), lastEdit: null });
const quietly = (state: EditorState, next: FlowDocument): EditorState => ({ ...state, history: replace(state.history, next) });

/** A settings edit: a step, unless it continues typing into the same field. */
function typed(state: EditorState, next: FlowDocument, key: string, at: number): EditorState {
  const typing = state.lastEdit?.key === key && at - state.lastEdit.at < TYPING_PAUSE_MS;
  const history = typing ? replace(state.history, next) : record(state.history, next);
  return { ...state, history, lastEdit: { key, at } };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const doc = state.history.present;
  switch (action.type) {
    case 'nodes-changed': {
      // Removal goes through delete-selection; here only moves, sizes and selection, none of which is a step.
      const changes = action.changes.filter((change) => change.type !== 'remove' && change.type !== 'add' && change.type !== 'replace');
      if (changes.length === 0) return state;
      return quietly(state, { ...doc, nodes: applyNodeChanges(changes, doc.nodes) });
    }
    case 'edges-changed': {
      const changes = action.changes.filter((change) => change.type === 'select');
      if (changes.length === 0) return state;
      return quietly(state, { ...doc, edges: applyEdgeChanges(changes, doc.edges) });
    }
    case 'drag-start':
      return { ...state, dragBase: doc };
    case 'drag-stop':
      return state.dragBase ? { ...state, history: recordSince(state.history, state.dragBase), dragBase: null, lastEdit: null } : state;
    case 'connect': {
      if (refuseConnection(doc, action.connection)) return state;
      const handle = action.connection.sourceHandle ?? 'next';
      const edge: StrategyFlowEdge = {
        id: edgeIdFor(action.connection.source, handle, new Set(doc.edges.map((e) => e.id))),
        source: action.connection.source,
        target: action.connection.target,
        sourceHandle: handle,
      };
      return step(state, { ...doc, edges: [...doc.edges, edge] });
    }
    case 'add-node': {
      const id = freeNodeId(action.kind, new Set(doc.nodes.map((n) => n.id)));
      const node = {
        id,
        type: action.kind,
        position: snap(action.position),
        selected: true,
        data: { config: specOf(action.kind).defaults() },
      } as StrategyFlowNode;
      return step(state, { ...doc, nodes: [...doc.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node] });
    }
    case 'edit-node': {
      const field = action.config !== undefined ? 'config' : 'label';
      const nodes = doc.nodes.map((node): StrategyFlowNode => {
        if (node.id !== action.id) return node;
        const data = { ...node.data };
        if (action.config !== undefined) data.config = action.config as KindConfig<NodeKind>;
        if (action.label !== undefined) {
          if (action.label === '') delete data.label;
          else data.label = action.label;
        }
        return { ...node, data } as StrategyFlowNode;
      });
      // An edge whose exit was renamed away stays, drawn red on an orphan handle, until the manager moves it: typing
      // a new outcome name letter by letter must not delete the edge.
      return typed(state, { ...doc, nodes }, `${action.id}:${field}`, action.at);
    }
    case 'edit-portal': {
      if (action.portal === undefined) {
        if (doc.portal === undefined) return state;
        const { portal: _removed, ...rest } = doc;
        return step(state, rest);
      }
      return typed(state, { ...doc, portal: action.portal }, `portal:${action.field}`, action.at);
    }
    case 'delete-selection': {
      const removed = new Set(doc.nodes.filter((node) => node.selected).map((node) => node.id));
      const edges = doc.edges.filter((edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target));
      if (removed.size === 0 && edges.length === doc.edges.length) return state;
      return step(state, { ...doc, nodes: doc.nodes.filter((node) => !removed.has(node.id)), edges });
    }
    case 'paste':
      return { ...step(state, paste(doc, action.clipboard, state.pasteCount + 1)), pasteCount: state.pasteCount + 1 };
    case 'select-only': {
      const ids = new Set(action.nodeIds);
      return quietly(state, {
        ...doc,
        nodes: doc.nodes.map((node) => (Boolean(node.selected) === ids.has(node.id) ? node : { ...node, selected: ids.has(node.id) })),
        edges: doc.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
      });
    }
    case 'select-all':
      return quietly(state, { ...doc, nodes: doc.nodes.map((node) => (node.selected ? node : { ...node, selected: true })) });
    case 'auto-layout': {
      const selected = doc.nodes.filter((node) => node.selected);
      return step(state, autoLayout(doc, selected.length > 1 ? new Set(selected.map((node) => node.id)) : undefined));
    }
    case 'load':
      return action.asStep ? step(state, action.document) : initialEditorState(action.document);
    case 'undo':
      return { ...state, history: undo(state.history), lastEdit: null };
    case 'redo':
      return { ...state, history: redo(state.history), lastEdit: null };
  }
}
