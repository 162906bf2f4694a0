import { describe, expect, it } from '@jest/globals';
import type { NodeKind } from '@recoup/domain';
import { copySelection } from '../../src/strategies/model/clipboard.ts';
import { editorReducer, initialEditorState, type EditorAction, type EditorState } from '../../src/strategies/model/editor-state.ts';
import type { FlowDocument } from '../../src/strategies/model/flow-types.ts';
import { toFlow, toGraph } from '../../src/strategies/model/graph-convert.ts';
import { readStrategyFile, writeStrategyFile } from '../../src/strategies/model/strategy-file.ts';

const run = (state: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, state);
const empty = (): EditorState => initialEditorState({ nodes: [], edges: [] });
const add = (kind: NodeKind, x = 0, y = 0): EditorAction => ({ type: 'add-node', kind, position: { x, y } });
const ids = (state: EditorState) => state.history.present.nodes.map((node) => node.id);
const edges = (state: EditorState) => state.history.present.edges.map((edge) => `${edge.source}:${edge.sourceHandle}->${edge.target}`);

describe('the editor state', () => {
  it('adds nodes with readable ids at grid-snapped positions, selecting the new one', () => {
    const state = run(empty(), add('start', 13, 27), add('wait', 101, 219));
    expect(ids(state)).toEqual(['start-1', 'wait-1']);
    expect(state.history.present.nodes.map((node) => node.position)).toEqual([
      { x: 20, y: 20 },
      { x: 100, y: 220 },
    ]);
    expect(state.history.present.nodes.map((node) => Boolean(node.selected))).toEqual([false, true]);
  });

  it('connects an exit once and refuses a second edge from the same exit, into a start, or to itself', () => {
    let state = run(empty(), add('start'), add('condition'), add('end'), add('end'));
    state = run(
      state,
      { type: 'connect', connection: { source: 'start-1', sourceHandle: 'next', target: 'condition-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'yes', target: 'end-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'yes', target: 'end-2', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'no', target: 'start-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'maybe', target: 'end-2', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'no', target: 'condition-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'no', target: 'end-2', targetHandle: null } },
    );
    expect(edges(state)).toEqual(['start-1:next->condition-1', 'condition-1:yes->end-1', 'condition-1:no->end-2']);
  });

  it('undoes and redoes each step, and a new step clears what could be redone', () => {
    let state = run(empty(), add('start'), add('wait'), add('end'));
    state = run(state, { type: 'undo' }, { type: 'undo' });
    expect(ids(state)).toEqual(['start-1']);
    state = run(state, { type: 'redo' });
    expect(ids(state)).toEqual(['start-1', 'wait-1']);
    state = run(state, add('reminder'));
    expect(state.history.future).toHaveLength(0);
    expect(ids(run(state, { type: 'redo' }))).toEqual(['start-1', 'wait-1', 'reminder-1']);
  });

  it('deletes the selected nodes with their edges as one undoable step', () => {
    let state = run(empty(), add('start'), add('wait'), add('end'));
    state = run(
      state,
      { type: 'connect', connection: { source: 'start-1', sourceHandle: 'next', target: 'wait-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'wait-1', sourceHandle: 'next', target: 'end-1', targetHandle: null } },
      { type: 'select-only', nodeIds: ['wait-1'] },
      { type: 'delete-selection' },
    );
    expect(ids(state)).toEqual(['start-1', 'end-1']);
    expect(edges(state)).toEqual([]);
    state = run(state, { type: 'undo' });
    expect(ids(state)).toEqual(['start-1', 'wait-1', 'end-1']);
    expect(edges(state)).toHaveLength(2);
  });

  it('makes a whole drag one step, however many moves it had', () => {
    let state = run(empty(), add('start'));
    const before = state.history.past.length;
    state = run(
      state,
      { type: 'drag-start' },
      { type: 'nodes-changed', changes: [{ type: 'position', id: 'start-1', position: { x: 40, y: 40 }, dragging: true }] },
      { type: 'nodes-changed', changes: [{ type: 'position', id: 'start-1', position: { x: 80, y: 60 }, dragging: true }] },
      { type: 'nodes-changed', changes: [{ type: 'position', id: 'start-1', position: { x: 120, y: 80 }, dragging: false }] },
      { type: 'drag-stop' },
    );
    expect(state.history.past.length).toBe(before + 1);
    expect(state.history.present.nodes[0]?.position).toEqual({ x: 120, y: 80 });
    expect(run(state, { type: 'undo' }).history.present.nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('makes typing into one settings field one step, and a pause starts another', () => {
    let state = run(empty(), add('wait'));
    const steps = state.history.past.length;
    state = run(
      state,
      { type: 'edit-node', id: 'wait-1', label: 'W', at: 1_000 },
      { type: 'edit-node', id: 'wait-1', label: 'Wa', at: 1_200 },
      { type: 'edit-node', id: 'wait-1', label: 'Wait', at: 1_400 },
    );
    expect(state.history.past.length).toBe(steps + 1);
    state = run(state, { type: 'edit-node', id: 'wait-1', label: 'Wait a week', at: 5_000 });
    expect(state.history.past.length).toBe(steps + 2);
    expect(run(state, { type: 'undo' }).history.present.nodes[0]?.data.label).toBe('Wait');
  });

  it('pastes a copy of the selection with fresh ids and its inner edges', () => {
    let state = run(empty(), add('reminder'), add('end'));
    state = run(
      state,
      { type: 'connect', connection: { source: 'reminder-1', sourceHandle: 'next', target: 'end-1', targetHandle: null } },
      { type: 'select-all' },
    );
    const clipboard = copySelection(state.history.present);
    expect(clipboard).not.toBeNull();
    state = run(state, { type: 'paste', clipboard: clipboard! });
    expect(ids(state)).toEqual(['reminder-1', 'end-1', 'reminder-2', 'end-2']);
    expect(edges(state)).toEqual(['reminder-1:next->end-1', 'reminder-2:next->end-2']);
    expect(state.history.present.nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['reminder-2', 'end-2']);
  });

  it('keeps an edge whose exit was renamed away, so typing a new name loses nothing', () => {
    let state = run(empty(), add('task'), add('end'));
    state = run(state, { type: 'connect', connection: { source: 'task-1', sourceHandle: 'promise', target: 'end-1', targetHandle: null } });
    state = run(state, {
      type: 'edit-node',
      id: 'task-1',
      config: { taskType: 'call', title: 'Call', assignment: 'least-loaded', outcomes: ['promis', 'no-contact'] },
      at: 1,
    });
    expect(edges(state)).toEqual(['task-1:promise->end-1']);
  });

  it('lays out the graph top to bottom', () => {
    let state = run(empty(), add('start', 500, 500), add('wait', 0, 0), add('end', 250, 90));
    state = run(
      state,
      { type: 'connect', connection: { source: 'start-1', sourceHandle: 'next', target: 'wait-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'wait-1', sourceHandle: 'next', target: 'end-1', targetHandle: null } },
      { type: 'select-only', nodeIds: [] },
      { type: 'auto-layout' },
    );
    const y = Object.fromEntries(state.history.present.nodes.map((node) => [node.id, node.position.y]));
    expect(y['start-1']!).toBeLessThan(y['wait-1']!);
    expect(y['wait-1']!).toBeLessThan(y['end-1']!);
  });
});

describe('strategy files', () => {
  const drawing = (): FlowDocument => {
    const state = run(
      empty(),
      add('start'),
      add('condition', 0, 120),
      add('end', -100, 240),
      add('end', 100, 240),
      { type: 'connect', connection: { source: 'start-1', sourceHandle: 'next', target: 'condition-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'yes', target: 'end-1', targetHandle: null } },
      { type: 'connect', connection: { source: 'condition-1', sourceHandle: 'no', target: 'end-2', targetHandle: null } },
      { type: 'edit-node', id: 'end-1', label: 'Paid', at: 1 },
    );
    return state.history.present;
  };

  it('exports, imports and exports again to the same bytes', () => {
    const first = writeStrategyFile({ name: 'Consumer', description: 'Soft', graph: toGraph(drawing()) });
    const read = readStrategyFile(first, 'consumer.strategy.json');
    const second = writeStrategyFile({ name: read.name, description: read.description, graph: toGraph(toFlow(read.graph)) });
    expect(second).toBe(first);
  });

  it('refuses a file that is not JSON, naming the file and the error', () => {
    expect(() => readStrategyFile('{ nodes: ', 'broken.json')).toThrow(/broken\.json is not JSON/);
  });

  it('refuses another JSON document, naming the field', () => {
    expect(() => readStrategyFile(JSON.stringify({ format: 'recoup-strategy', formatVersion: 1, graph: { nodes: [], edges: [] } }), 'x.json')).toThrow(
      /x\.json is not a Recoup strategy file: name/,
    );
  });

  it('accepts a bare strategy document and names it after the file', () => {
    const read = readStrategyFile(JSON.stringify(toGraph(drawing())), 'late-payers.json');
    expect(read.name).toBe('late-payers');
    expect(toFlow(read.graph).nodes).toHaveLength(4);
  });

  it('refuses to draw a node of an unknown kind, naming where it is', () => {
    expect(() => toFlow({ nodes: [{ id: 'a', type: 'teleport', data: {} }], edges: [] })).toThrow(/nodes\.0\.type/);
  });
});
