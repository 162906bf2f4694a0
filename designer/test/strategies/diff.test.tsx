import { describe, expect, it } from '@jest/globals';
import { canonicalJson, DEFAULT_STRATEGY, type StrategyGraphInput } from '@recoup/domain';
import { diffStrategies } from '../../src/strategies/model/diff.ts';
import { comparedView } from '../../src/strategies/panels/versions-panel.tsx';

const base: StrategyGraphInput = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'wait', type: 'wait', position: { x: 0, y: 100 }, label: 'Three days', data: { mode: 'duration', days: 3 } },
    { id: 'remind', type: 'reminder', position: { x: 0, y: 200 }, data: { channel: 'email', template: 'overdue-7' } },
    { id: 'end', type: 'end', position: { x: 0, y: 300 }, data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait', sourceHandle: 'next' },
    { id: 'e2', source: 'wait', target: 'remind', sourceHandle: 'next' },
    { id: 'e3', source: 'remind', target: 'end', sourceHandle: 'next' },
  ],
};

const clone = (graph: StrategyGraphInput): StrategyGraphInput => JSON.parse(JSON.stringify(graph)) as StrategyGraphInput;

describe('diffing two versions of a strategy', () => {
  it('finds nothing between a strategy and itself, moved nodes included', () => {
    const moved = clone(base);
    moved.nodes = moved.nodes.map((node) => ({ ...node, position: { x: 500, y: 500 } }));
    expect(diffStrategies(base, moved).same).toBe(true);
  });

  it('ignores the order of keys inside settings', () => {
    const reordered = clone(base);
    reordered.nodes[2] = { id: 'remind', type: 'reminder', position: { x: 0, y: 200 }, data: { template: 'overdue-7', channel: 'email' } };
    expect(diffStrategies(base, reordered).same).toBe(true);
  });

  it('reports an added node, a removed node and the edges that changed with them', () => {
    const after = clone(base);
    after.nodes = after.nodes.filter((node) => node.id !== 'wait');
    after.nodes.push({ id: 'task', type: 'task', position: { x: 0, y: 250 }, data: { taskType: 'call', title: 'Call', assignment: 'least-loaded', outcomes: ['done'] } });
    after.edges = [
      { id: 'x1', source: 'start', target: 'remind', sourceHandle: 'next' },
      { id: 'e3', source: 'remind', target: 'task', sourceHandle: 'next' },
      { id: 'x2', source: 'task', target: 'end', sourceHandle: 'done' },
    ];
    const diff = diffStrategies(base, after);
    expect(diff.added.map((node) => node.id)).toEqual(['task']);
    expect(diff.removed.map((node) => node.id)).toEqual(['wait']);
    expect(diff.addedEdges.map((edge) => `${edge.source}-${edge.sourceHandle}-${edge.target}`).sort()).toEqual([
      'remind-next-task',
      'start-next-remind',
      'task-done-end',
    ]);
    expect(diff.removedEdges.map((edge) => edge.id).sort()).toEqual(['e1', 'e2', 'e3']);
    // start and remind lead somewhere else now: their exits changed.
    expect(diff.changed.map((change) => [change.id, change.fields])).toEqual([
      ['start', ['exits']],
      ['remind', ['exits']],
    ]);
  });

  it('names what changed on a node: its settings, its label or both', () => {
    const after = clone(base);
    after.nodes[1] = { ...after.nodes[1]!, label: 'Five days', data: { mode: 'duration', days: 5 } } as StrategyGraphInput['nodes'][number];
    after.nodes[2] = { ...after.nodes[2]!, data: { channel: 'sms', template: 'overdue-7' } } as StrategyGraphInput['nodes'][number];
    const diff = diffStrategies(base, after);
    expect(diff.changed.map((change) => [change.id, change.fields])).toEqual([
      ['wait', ['label', 'settings']],
      ['remind', ['settings']],
    ]);
    expect(diff.same).toBe(false);
  });

  it('treats an edge with a new id but the same ends as the same edge', () => {
    const after = clone(base);
    after.edges = after.edges.map((edge) => ({ ...edge, id: `renamed-${edge.id}` }));
    expect(diffStrategies(base, after).same).toBe(true);
  });

  it('shows the newer drawing with removed nodes kept and every node marked', () => {
    const after = clone(base);
    after.nodes = after.nodes.filter((node) => node.id !== 'remind');
    after.nodes.push({ id: 'sms', type: 'reminder', position: { x: 100, y: 200 }, data: { channel: 'sms', template: 'overdue-7' } });
    after.edges = [base.edges[0]!, { id: 'a', source: 'wait', target: 'sms', sourceHandle: 'next' }, { id: 'b', source: 'sms', target: 'end', sourceHandle: 'next' }];
    const view = comparedView('v1 → draft', base, after);
    expect(view.document.nodes.map((node) => node.id).sort()).toEqual(['end', 'remind', 'sms', 'start', 'wait']);
    expect(Object.fromEntries(view.marks)).toEqual({ sms: 'added', remind: 'removed', wait: 'changed' });
  });

  it('gives the same canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
    expect(diffStrategies(DEFAULT_STRATEGY.graph, clone(DEFAULT_STRATEGY.graph)).same).toBe(true);
  });
});
