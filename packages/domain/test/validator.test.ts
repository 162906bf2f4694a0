import { describe, expect, it } from '@jest/globals';
import { FACT_NAMES, PROBLEM_CODES, validateStrategy, type Problem, type ProblemCode } from '../src/index.ts';
import { condition, dueWait, e, end, graph, reminder, start, task, wait, type RawEdge } from './builders.ts';


const options = { templates: ['pre-due', 'due-today'], facts: FACT_NAMES };

function problemsOf(input: unknown, opts = options): Problem[] {
  const result = validateStrategy(input, opts);
  return result.ok ? [] : result.problems;
}

interface Case {
  code: ProblemCode;
  behaviour: string;
  input: unknown;
  expected: Partial<Problem>[];
}

const cases: Case[] = [
  {
    code: 'invalid-document',
    behaviour: 'reports a document that is not an object with nodes and edges',
    input: 42,
    expected: [{}],
  },
  {
    code: 'invalid-node',
    behaviour: 'reports a node of an unknown kind, naming it',
    input: graph([start(), { id: 'odd', type: 'teleport', data: {} }, end()], [e('start', 'odd'), e('odd', 'end')]),
    expected: [{ nodeId: 'odd' }],
  },
  {
    code: 'invalid-node-data',
    behaviour: 'reports invalid node settings with the node id taken from the document',
    input: graph(
      [start(), { id: 'call', type: 'task', data: { taskType: 'call', assignment: 'round-robin', outcomes: ['ok'] } }, end()],
      [e('start', 'call'), e('call', 'end', 'ok')],
    ),
    expected: [{ nodeId: 'call' }],
  },
  {
    code: 'invalid-edge',
    behaviour: 'reports a malformed connection by its id',
    input: graph([start(), end()], [e('start', 'end'), { id: 'broken', source: 'start' } as RawEdge]),
    expected: [{ edgeId: 'broken' }],
  },
  {
    code: 'duplicate-node-id',
    behaviour: 'reports two nodes with the same id',
    input: graph([start(), reminder('r'), reminder('r'), end()], [e('start', 'r'), e('r', 'end')]),
    expected: [{ nodeId: 'r' }],
  },
  {
    code: 'duplicate-edge-id',
    behaviour: 'reports two connections with the same id',
    input: graph([start(), reminder('r'), end()], [e('start', 'r', 'next', 'same'), e('r', 'end', 'next', 'same')]),
    expected: [{ edgeId: 'same', nodeId: 'r' }],
  },
  {
    code: 'unknown-edge-source',
    behaviour: 'reports a connection from a node that does not exist',
    input: graph([start(), end()], [e('start', 'end'), e('ghost', 'end', 'next', 'from-ghost')]),
    expected: [{ edgeId: 'from-ghost', nodeId: 'end' }],
  },
  {
    code: 'unknown-edge-target',
    behaviour: 'reports a connection to a node that does not exist',
    input: graph([start(), reminder('r'), end()], [e('start', 'r'), e('r', 'end'), e('r', 'ghost', 'next', 'to-ghost')]),
    expected: [{ edgeId: 'to-ghost', nodeId: 'r' }],
  },
  {
    code: 'missing-start',
    behaviour: 'reports a strategy without a start node',
    input: graph([reminder('r'), end()], [e('r', 'end')]),
    expected: [{}],
  },
  {
    code: 'multiple-starts',
    behaviour: 'reports every start node when there are several',
    input: graph([start('s1'), start('s2'), end()], [e('s1', 'end'), e('s2', 'end')]),
    expected: [{ nodeId: 's1' }, { nodeId: 's2' }],
  },
  {
    code: 'start-has-incoming',
    behaviour: 'reports a connection leading back into the start',
    input: graph(
      [start(), wait('w'), condition('c'), end()],
      [e('start', 'w'), e('w', 'c'), e('c', 'start', 'yes', 'back'), e('c', 'end', 'no')],
    ),
    expected: [{ nodeId: 'start', edgeId: 'back' }],
  },
  {
    code: 'missing-end',
    behaviour: 'reports a strategy without an end node',
    input: graph([start(), wait('w')], [e('start', 'w'), e('w', 'w')]),
    expected: [{}],
  },
  {
    code: 'unknown-handle',
    behaviour: 'reports a connection on an exit the node kind does not have',
    input: graph([start(), reminder('r'), end()], [e('start', 'r'), e('r', 'end'), e('r', 'end', 'yes', 'odd-exit')]),
    expected: [{ nodeId: 'r', edgeId: 'odd-exit' }],
  },
  {
    code: 'end-has-outgoing',
    behaviour: 'reports a connection leaving an end node',
    input: graph([start(), end(), end('end2')], [e('start', 'end'), e('end', 'end2', 'next', 'after-end')]),
    expected: [{ nodeId: 'end', edgeId: 'after-end' }],
  },
  {
    code: 'missing-handle',
    behaviour: 'reports a condition without its "no" connection and a task outcome without a connection',
    input: graph(
      [start(), condition('c'), task('t', ['paid', 'refused']), end()],
      [e('start', 'c'), e('c', 't', 'yes'), e('t', 'end', 'paid')],
    ),
    expected: [{ nodeId: 'c' }, { nodeId: 't' }],
  },
  {
    code: 'duplicate-handle',
    behaviour: 'reports two connections on the same exit',
    input: graph(
      [start(), reminder('r'), end(), end('end2')],
      [e('start', 'r'), e('r', 'end'), e('r', 'end2', 'next', 'second')],
    ),
    expected: [{ nodeId: 'r', edgeId: 'second' }],
  },
  {
    code: 'unreachable-node',
    behaviour: 'reports a node that cannot be reached from the start',
    input: graph([start(), reminder('orphan'), end()], [e('start', 'end'), e('orphan', 'end')]),
    expected: [{ nodeId: 'orphan' }],
  },
  {
    code: 'no-path-to-end',
    behaviour: 'reports nodes from which no end can be reached',
    input: graph(
      [start(), condition('c'), wait('loop'), reminder('nag'), end()],
      [e('start', 'c'), e('c', 'end', 'yes'), e('c', 'loop', 'no'), e('loop', 'nag'), e('nag', 'loop')],
    ),
    expected: [{ nodeId: 'loop' }, { nodeId: 'nag' }],
  },
  {
    code: 'wait-free-cycle',
    behaviour: 'reports a loop without a wait that has a duration',
    input: graph(
      [start(), reminder('a'), condition('c'), dueWait('d', 3), end()],
      [e('start', 'a'), e('a', 'c'), e('c', 'd', 'yes'), e('d', 'a'), e('c', 'end', 'no')],
    ),
    expected: [{ nodeId: 'a' }],
  },
  {
    code: 'unknown-template',
    behaviour: 'reports a reminder whose template does not exist',
    input: graph([start(), reminder('r', 'no-such-template'), end()], [e('start', 'r'), e('r', 'end')]),
    expected: [{ nodeId: 'r' }],
  },
  {
    code: 'unknown-fact',
    behaviour: 'reports an unknown fact anywhere in a nested condition',
    input: graph(
      [
        start(),
        condition('c', {
          all: [
            { fact: 'daysPastDue', operator: 'greaterThan', value: 3 },
            { any: [{ not: { fact: 'shoeSize', operator: 'equal', value: 44 } }] },
          ],
        }),
        end(),
      ],
      [e('start', 'c'), e('c', 'end', 'yes'), e('c', 'end', 'no')],
    ),
    expected: [{ nodeId: 'c' }],
  },
  {
    code: 'unknown-operator',
    behaviour: 'reports an operator json-rules-engine does not have',
    input: graph(
      [start(), condition('c', { any: [{ fact: 'segment', operator: 'startsWith', value: 'vip' }] }), end()],
      [e('start', 'c'), e('c', 'end', 'yes'), e('c', 'end', 'no')],
    ),
    expected: [{ nodeId: 'c' }],
  },
  {
    code: 'operator-mismatch',
    behaviour: 'reports an operator that does not fit the type of the fact it tests',
    input: graph(
      [start(), condition('c', { all: [{ fact: 'daysPastDue', operator: 'contains', value: 3 }] }), end()],
      [e('start', 'c'), e('c', 'end', 'yes'), e('c', 'end', 'no')],
    ),
    expected: [{ nodeId: 'c' }],
  },
  {
    code: 'value-mismatch',
    behaviour: 'refuses "in" with a single value, which json-rules-engine would throw on at run time',
    input: graph(
      [start(), condition('c', { all: [{ fact: 'segment', operator: 'in', value: 'vip' }] }), end()],
      [e('start', 'c'), e('c', 'end', 'yes'), e('c', 'end', 'no')],
    ),
    expected: [{ nodeId: 'c' }],
  },
  {
    code: 'duplicate-task-outcome',
    behaviour: 'reports a task listing the same outcome twice',
    input: graph([start(), task('t', ['paid', 'paid']), end()], [e('start', 't'), e('t', 'end', 'paid')]),
    expected: [{ nodeId: 't' }],
  },
  {
    code: 'invalid-portal-policy',
    behaviour: 'reports a debtor-portal bound outside its range, naming the field',
    input: { ...(graph([start(), end()], [e('start', 'end')]) as object), portal: { plan: { maxInstallments: 30 } } },
    expected: [{ message: 'The debtor portal policy is invalid: portal.plan.maxInstallments must be at most 24.' }],
  },
];

describe('validateStrategy', () => {
  it('accepts a small valid strategy and applies the schema defaults', () => {
    const result = validateStrategy(graph([start(), reminder('r'), end()], [{ id: 'a', source: 'start', target: 'r' }, e('r', 'end')]), options);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.graph.edges[0]?.sourceHandle).toBe('next');
      expect(result.graph.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    }
  });

  for (const c of cases) {
    it(`${c.behaviour} (${c.code})`, () => {
      const found = problemsOf(c.input).filter((p) => p.code === c.code);
      expect(found).toHaveLength(c.expected.length);
      c.expected.forEach((expected, i) => {
        expect(found[i]).toMatchObject(expected);
        expect(found[i]?.message).toMatch(/^[A-Z].*\.$/);
      });
    });
  }

  it('reports every bad field of the debtor-portal policy in plain words, and accepts a good or absent one', () => {
    const base = graph([start(), end()], [e('start', 'end')]) as object;
    const portal = {
      promise: { maxDaysAhead: 0, minPercent: 2.5 },
      plan: { minInstallment: [{ currency: 'EUR', amountMinor: '2500' }, { currency: 'EUR', amountMinor: '25.00' }] },
      disputes: { enabled: 'yes' },
    };
    expect(problemsOf({ ...base, portal }).map((p) => [p.code, p.message])).toEqual([
      ['invalid-portal-policy', 'The debtor portal policy is invalid: portal.promise.maxDaysAhead must be at least 1.'],
      ['invalid-portal-policy', 'The debtor portal policy is invalid: portal.promise.minPercent must be a whole number.'],
      ['invalid-portal-policy', 'The debtor portal policy is invalid: portal.plan.minInstallment.1.amountMinor must be a whole number of minor units.'],
      ['invalid-portal-policy', 'The debtor portal policy is invalid: portal.plan.minInstallment lists a currency twice.'],
      ['invalid-portal-policy', 'The debtor portal policy is invalid: portal.disputes.enabled must be true or false.'],
    ]);
    expect(problemsOf(base)).toEqual([]);
    const good = validateStrategy({ ...base, portal: { plan: { maxInstallments: 3 } } }, options);
    expect(good.ok && good.graph.portal?.plan).toMatchObject({ maxInstallments: 3, maxIntervalDays: 31 });
  });

  it('has a case for every problem code', () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(PROBLEM_CODES));
  });

  it('reports only the intended problem for each case apart from its direct consequences', () => {
    const related: Partial<Record<ProblemCode, ProblemCode[]>> = {
      'invalid-edge': [],
      'missing-start': ['invalid-document'],
      'start-has-incoming': ['wait-free-cycle'],
      'missing-end': [],
      'no-path-to-end': [],
    };
    for (const c of cases) {
      const allowed = new Set<ProblemCode>([c.code, ...(related[c.code] ?? [])]);
      const unexpected = problemsOf(c.input).filter((p) => !allowed.has(p.code));
      expect({ code: c.code, unexpected }).toEqual({ code: c.code, unexpected: [] });
    }
  });

  it('returns every problem at once, not only the first', () => {
    const problems = problemsOf(
      graph(
        [start(), reminder('r', 'nope'), task('t', ['a', 'a']), { id: 'bad', type: 'wait', data: { mode: 'sometime' } }],
        [e('start', 'r'), e('r', 't'), e('t', 'bad', 'a')],
      ),
    );
    expect(problems.map((p) => `${p.code}:${p.nodeId ?? ''}`).sort()).toEqual(
      ['invalid-node-data:bad', 'missing-handle:bad', 'missing-end:', 'unknown-template:r', 'duplicate-task-outcome:t'].sort(),
    );
  });

  it('names the node by its label in messages', () => {
    const [problem] = problemsOf(
      graph([start(), { ...reminder('r', 'nope'), label: 'Gentle nudge' }, end()], [e('start', 'r'), e('r', 'end')]),
    );
    expect(problem?.message).toBe('Reminder "Gentle nudge" uses the email template "nope", which does not exist.');
  });

  it('skips template and fact checks when no lists are given', () => {
    const input = graph(
      [start(), reminder('r', 'anything'), condition('c', { fact: 'whatever', operator: 'equal', value: 1 }), end()],
      [e('start', 'r'), e('r', 'c'), e('c', 'end', 'yes'), e('c', 'end', 'no')],
    );
    expect(validateStrategy(input).ok).toBe(true);
    expect(problemsOf(input).map((p) => p.code).sort()).toEqual(['unknown-fact', 'unknown-template']);
  });

  it('treats a loop through a wait with a duration as fine', () => {
    const input = graph(
      [start(), wait('w', 7), reminder('r'), condition('c'), end()],
      [e('start', 'w'), e('w', 'r'), e('r', 'c'), e('c', 'w', 'yes'), e('c', 'end', 'no')],
    );
    expect(problemsOf(input)).toEqual([]);
  });

  it('does not count a zero-length wait as breaking a loop', () => {
    const input = graph(
      [start(), wait('w', 0), reminder('r'), condition('c'), end()],
      [e('start', 'w'), e('w', 'r'), e('r', 'c'), e('c', 'w', 'yes'), e('c', 'end', 'no')],
    );
    expect(problemsOf(input).map((p) => [p.code, p.nodeId])).toEqual([['wait-free-cycle', 'w']]);
  });

  it('reports a wrong schema version as a document problem', () => {
    const problems = problemsOf({ schemaVersion: 2, nodes: [start(), end()], edges: [e('start', 'end')] });
    expect(problems.map((p) => p.code)).toEqual(['invalid-document']);
  });
});
