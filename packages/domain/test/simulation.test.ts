import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_STRATEGY,
  RuleEvaluationError,
  SimulationInputError,
  evaluateRuleCondition,
  generatePortfolio,
  simulate,
  type RuleCondition,
  type Scenario,
  type SimulatedAccount,
  type SimulationInput,
  type SimulationResult,
} from '../src/index.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-01T00:00:00.000Z');
const START = new Date(T0);
const graph = DEFAULT_STRATEGY.graph;

const nobodyPays: Scenario = { payOnTime: 0, payAfterReminder: 0, taskOutcomes: { 'no-contact': 1 } };

const account = (id: string, dueInDays: number | null, balanceMinor = 25_000n): SimulatedAccount => ({
  id,
  balanceMinor,
  currency: 'EUR',
  oldestDueAt: dueInDays === null ? null : new Date(T0 + dueInDays * DAY).toISOString(),
});

const input = (accounts: SimulatedAccount[], scenario: Scenario, days = 60, seed = 1): SimulationInput => ({
  start: START,
  days,
  accounts,
  scenario,
  seed,
});

/** The timeline as [day, kind, nodeId], which is what the schedule assertions care about. */
const schedule = (result: SimulationResult, index = 0) =>
  (result.accounts[index]?.timeline ?? []).map((e) => [e.day, e.kind, e.nodeId] as const);

describe('simulating the default strategy', () => {
  it('reminds on days 2, 5 and 12, calls on day 19, sends the final notice on day 35 and escalates on day 50', () => {
    const result = simulate(graph, input([account('a', 5)], nobodyPays));
    expect(schedule(result)).toEqual([
      [2, 'reminder', 'remind-pre-due'],
      [5, 'reminder', 'remind-due-today'],
      [12, 'reminder', 'remind-overdue-7'],
      [19, 'task', 'task-call'],
      [35, 'reminder', 'remind-final-notice'],
      [50, 'escalation', 'escalate-manager'],
      [50, 'end', 'end'],
    ]);
    expect(result.accounts[0]).toMatchObject({ id: 'a', outcome: 'completed', endNodeId: 'end' });
    expect(result.accounts[0]?.timeline[3]?.detail).toContain('"no-contact"');
    expect(result.accounts[0]?.timeline[0]?.at).toBe('2025-03-03T00:00:00.000Z');
  });

  it('sends the second overdue reminder instead of calling when less than 100.00 is overdue', () => {
    const result = simulate(graph, input([account('a', 5, 9_999n)], nobodyPays));
    expect(schedule(result).slice(3, 5)).toEqual([
      [19, 'reminder', 'remind-overdue-14'],
      [35, 'reminder', 'remind-final-notice'],
    ]);
    expect(result.totals.tasks).toBe(0);
  });

  it('takes the branch a scenario forces on a condition instead of evaluating it', () => {
    const scenario: Scenario = { ...nobodyPays, conditionResults: { fixed: { 'check-call-threshold': false } } };
    const result = simulate(graph, input([account('a', 5)], scenario));
    expect(schedule(result)[3]).toEqual([19, 'reminder', 'remind-overdue-14']);
  });

  it("answers a task with its first outcome when the scenario weights none of the task's outcomes", () => {
    const scenario: Scenario = { payOnTime: 0, payAfterReminder: 0, taskOutcomes: { voicemail: 1 }, keepPromise: 0 };
    const result = simulate(graph, input([account('a', 5)], scenario));
    expect(result.accounts[0]?.timeline[3]?.detail).toContain('"promise-to-pay"');
    expect(result.perNode['wait-promise']?.entered).toBe(1);
    // The promise given on day 20 falls due on day 27 and is judged broken after three days' grace.
    expect(schedule(result)[4]).toEqual([30, 'promise', 'wait-overdue-30']);
    expect(schedule(result)[5]).toEqual([35, 'reminder', 'remind-final-notice']);
  });

  it('settles an account whose promise to pay is kept, with no reminder while the promise runs', () => {
    const scenario: Scenario = { payOnTime: 0, payAfterReminder: 0, taskOutcomes: { 'promise-to-pay': 1 }, keepPromise: 1 };
    const result = simulate(graph, input([account('a', 5)], scenario));
    // Promised on day 20 for day 27: paid that day, before any reminder after the call.
    expect(schedule(result).slice(4)).toEqual([
      [27, 'payment', 'wait-promise'],
      [27, 'end', 'wait-promise'],
    ]);
    expect(result.accounts[0]?.outcome).toBe('settled');
  });

  it('settles every account at its due date with only the pre-due reminder sent when everybody pays on time', () => {
    const dues = [1, 4, 10, 20, 40];
    const result = simulate(graph, input(dues.map((d, i) => account(`a${i}`, d)), { payOnTime: 1, payAfterReminder: 0 }));
    result.accounts.forEach((simulated, i) => {
      const due = dues[i] ?? 0;
      expect(schedule(result, i)).toEqual([
        [Math.max(0, due - 3), 'reminder', 'remind-pre-due'],
        [due, 'payment', 'wait-due'],
        [due, 'end', 'wait-due'],
      ]);
      expect(simulated.outcome).toBe('settled');
    });
    expect(result.totals).toEqual({ reminders: dues.length, tasks: 0, escalations: 0, settlements: dues.length });
  });

  it('pays three days after a reminder that works', () => {
    const result = simulate(graph, input([account('a', 5)], { payOnTime: 0, payAfterReminder: 1 }));
    expect(schedule(result)).toEqual([
      [2, 'reminder', 'remind-pre-due'],
      [5, 'payment', 'wait-due'],
      [5, 'end', 'wait-due'],
    ]);
  });

  it('stops at the end of the period and reports where the run sits', () => {
    const result = simulate(graph, input([account('a', 5)], nobodyPays, 19));
    expect(schedule(result).at(-1)).toEqual([12, 'reminder', 'remind-overdue-7']);
    expect(result.accounts[0]).toMatchObject({ outcome: null, endNodeId: 'wait-overdue-14' });
    expect(result.perDay).toHaveLength(19);
  });

  it('leaves an account with nothing due waiting, and ends one that owes nothing at once', () => {
    const result = simulate(graph, input([account('idle', null), account('paid', 5, 0n)], nobodyPays));
    expect(result.accounts[0]).toMatchObject({ timeline: [], outcome: null, endNodeId: 'wait-pre-due' });
    expect(result.accounts[1]).toMatchObject({ outcome: 'settled' });
    expect(schedule(result, 1)).toEqual([[0, 'end', 'start']]);
  });
});

describe('simulation determinism', () => {
  const random: Scenario = {
    payOnTime: 0.3,
    payAfterReminder: 0.2,
    taskOutcomes: { 'promise-to-pay': 0.3, 'no-contact': 0.4, 'wrong-number': 0.1, dispute: 0.2 },
  };
  const accounts = generatePortfolio(300, START, 7);

  it('gives identical results for the same seed', () => {
    expect(simulate(graph, input(accounts, random, 120, 11))).toEqual(simulate(graph, input(accounts, random, 120, 11)));
  });

  it('gives different results for a different seed when outcomes are random', () => {
    const a = simulate(graph, input(accounts, random, 120, 11));
    const b = simulate(graph, input(accounts, random, 120, 12));
    expect(b.accounts.map((x) => x.timeline)).not.toEqual(a.accounts.map((x) => x.timeline));
  });

  it('generates the same portfolio from the same seed, within the documented ranges', () => {
    expect(generatePortfolio(300, START, 7)).toEqual(accounts);
    expect(generatePortfolio(300, START, 8)).not.toEqual(accounts);
    for (const a of accounts) {
      expect(a.balanceMinor).toBeGreaterThanOrEqual(5_000n);
      expect(a.balanceMinor).toBeLessThanOrEqual(500_000n);
      const offset = (Date.parse(a.oldestDueAt ?? '') - T0) / DAY;
      expect(offset).toBeGreaterThanOrEqual(-30);
      expect(offset).toBeLessThanOrEqual(31);
    }
    expect(new Set(accounts.map((a) => a.id)).size).toBe(300);
  });
});

describe('simulation tallies', () => {
  it('adds up per day, per node and in total to exactly what the timelines show', () => {
    const scenario: Scenario = {
      payOnTime: 0.3,
      payAfterReminder: 0.1,
      taskOutcomes: { 'promise-to-pay': 0.3, 'no-contact': 0.4, 'wrong-number': 0.1, dispute: 0.2 },
    };
    const result = simulate(graph, input(generatePortfolio(500, START, 3), scenario, 90, 5));
    const kinds = { reminders: 'reminder', tasks: 'task', escalations: 'escalation', settlements: 'payment' } as const;
    const entries = result.accounts.flatMap((a) => a.timeline);
    for (const [count, kind] of Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)[keyof typeof kinds]][]) {
      const ofKind = entries.filter((e) => e.kind === kind);
      expect(result.totals[count]).toBe(ofKind.length);
      expect(result.perDay.reduce((sum, d) => sum + d[count], 0)).toBe(ofKind.length);
      for (const day of result.perDay) expect(day[count]).toBe(ofKind.filter((e) => e.day === day.day).length);
    }
    expect(result.totals.escalations).toBeGreaterThan(0);
    expect(result.totals.settlements).toBeGreaterThan(0);
    for (const node of graph.nodes) {
      const atNode = entries.filter((e) => e.nodeId === node.id);
      expect(result.perNode[node.id]).toMatchObject({
        reminders: atNode.filter((e) => e.kind === 'reminder').length,
        tasks: atNode.filter((e) => e.kind === 'task').length,
        escalations: atNode.filter((e) => e.kind === 'escalation').length,
      });
    }
    // Every run passes the start node exactly once.
    expect(result.perNode.start?.entered).toBe(500);
    expect(result.perNode['remind-pre-due']?.entered).toBe(result.perNode['remind-pre-due']?.reminders);
  });

  it('refuses a scenario probability outside 0..1', () => {
    expect(() => simulate(graph, input([], { payOnTime: 1.5, payAfterReminder: 0 }))).toThrow(SimulationInputError);
    expect(() => simulate(graph, { ...input([], nobodyPays), days: 1.5 })).toThrow(SimulationInputError);
  });
});

describe('the simulator condition evaluator (must agree with json-rules-engine)', () => {
  const facts = {
    daysPastDue: 10,
    overdueAmountMinor: 5000,
    customerType: 'business',
    riskScore: null,
    tags: ['vip', 'eu'],
  };
  const holds = (fact: string, operator: string, value: unknown) =>
    evaluateRuleCondition({ fact, operator, value }, facts).result;

  it.each([
    ['daysPastDue', 'equal', 10, true],
    ['daysPastDue', 'equal', '10', false],
    ['customerType', 'equal', 'business', true],
    ['daysPastDue', 'notEqual', 10, false],
    ['daysPastDue', 'notEqual', '10', true],
    ['daysPastDue', 'lessThan', 11, true],
    ['daysPastDue', 'lessThan', 10, false],
    ['riskScore', 'lessThan', 500, false],
    ['daysPastDue', 'lessThanInclusive', 10, true],
    ['daysPastDue', 'lessThanInclusive', 9, false],
    ['daysPastDue', 'greaterThan', 9, true],
    ['daysPastDue', 'greaterThan', 10, false],
    ['riskScore', 'greaterThan', -1, false],
    ['missing', 'greaterThan', -1, false],
    ['daysPastDue', 'greaterThanInclusive', 10, true],
    ['daysPastDue', 'greaterThanInclusive', 11, false],
    ['customerType', 'in', ['consumer', 'business'], true],
    ['customerType', 'in', ['consumer'], false],
    ['customerType', 'in', 'small-business', true],
    ['customerType', 'notIn', ['consumer'], true],
    ['customerType', 'notIn', ['business'], false],
    ['tags', 'contains', 'vip', true],
    ['tags', 'contains', 'us', false],
    ['customerType', 'contains', 'bus', false],
    ['tags', 'doesNotContain', 'us', true],
    ['tags', 'doesNotContain', 'vip', false],
    ['customerType', 'doesNotContain', 'xyz', false],
  ] as const)('%s %s %j is %s', (fact, operator, value, expected) => {
    expect(holds(fact, operator, value)).toBe(expected);
  });

  it('combines with all, any and not, treating empty groups as true', () => {
    const gt = (value: number): RuleCondition => ({ fact: 'daysPastDue', operator: 'greaterThan', value });
    const truth = (condition: RuleCondition) => evaluateRuleCondition(condition, facts).result;
    expect(truth({ all: [gt(1), gt(5)] })).toBe(true);
    expect(truth({ all: [gt(1), gt(50)] })).toBe(false);
    expect(truth({ any: [gt(50), gt(5)] })).toBe(true);
    expect(truth({ any: [gt(50), gt(60)] })).toBe(false);
    expect(truth({ not: gt(50) })).toBe(true);
    expect(truth({ not: { any: [gt(1)] } })).toBe(false);
    expect(truth({ all: [] })).toBe(true);
    expect(truth({ any: [] })).toBe(true);
  });

  it('compares against another fact and lists the comparisons that held', () => {
    const result = evaluateRuleCondition(
      {
        all: [
          { fact: 'overdueAmountMinor', operator: 'greaterThan', value: { fact: 'daysPastDue' } },
          { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 10 },
        ],
      },
      facts,
    );
    expect(result).toEqual({
      result: true,
      matched: [
        'overdueAmountMinor greaterThan {"fact":"daysPastDue"} (was 5000)',
        'daysPastDue greaterThanInclusive 10 (was 10)',
      ],
    });
  });

  it('refuses unknown operators and list operators without a list', () => {
    expect(() => holds('daysPastDue', 'between', [1, 2])).toThrow(RuleEvaluationError);
    expect(() => holds('daysPastDue', 'in', 10)).toThrow(RuleEvaluationError);
  });
});

describe('scenario knobs for promises and disputes', () => {
  it('has a debtor promise the day after a reminder, holds the next reminders, and settles when the promise is kept', () => {
    const scenario: Scenario = { ...nobodyPays, promiseAfterReminder: 1, keepPromise: 1 };
    const result = simulate(graph, input([account('a', 5)], scenario));
    // Pre-due reminder on day 2, the promise on day 3 (due day 10, grace to day 13); the day-5 reminder is held
    // and never sent, because the promise is paid on day 10.
    expect(schedule(result)).toEqual([
      [2, 'reminder', 'remind-pre-due'],
      [3, 'promise', 'wait-due'],
      [5, 'deferred', 'remind-due-today'],
      [10, 'payment', 'remind-due-today'],
      [10, 'end', 'remind-due-today'],
    ]);
    expect(result.accounts[0]?.outcome).toBe('settled');
  });

  it('stops dunning while everything is disputed and resumes after an invalid dispute', () => {
    const scenario: Scenario = { ...nobodyPays, disputeShare: 1, disputeValid: 0, disputeResolvedAfterDays: 10 };
    const result = simulate(graph, input([account('a', 5)], scenario));
    expect(schedule(result).slice(0, 5)).toEqual([
      [2, 'reminder', 'remind-pre-due'],
      [4, 'dispute', 'wait-due'],
      [5, 'deferred', 'remind-due-today'],
      [14, 'dispute', 'remind-due-today'],
      [14, 'reminder', 'remind-due-today'],
    ]);
  });

  it('ends an account whose whole balance was disputed and found valid as settled, without another contact', () => {
    const scenario: Scenario = { ...nobodyPays, disputeShare: 1, disputeValid: 1 };
    const result = simulate(graph, input([account('a', 5)], scenario));
    expect(schedule(result).map(([, kind]) => kind)).toEqual(['reminder', 'dispute', 'deferred', 'dispute', 'end']);
    expect(result.accounts[0]?.outcome).toBe('settled');
  });

  it('leaves who pays when untouched by the promise and dispute knobs', () => {
    const base: Scenario = { payOnTime: 0.3, payAfterReminder: 0.2, taskOutcomes: { 'no-contact': 1 } };
    const accounts = generatePortfolio(200, START, 7);
    const plain = simulate(graph, input(accounts, base, 30));
    const knobs = simulate(graph, input(accounts, { ...base, disputeShare: 0, promiseAfterReminder: 0 }, 30));
    expect(knobs.totals).toEqual(plain.totals);
  });
});

describe('scripted debtor events', () => {
  const at = (days: number) => new Date(T0 + days * DAY).toISOString();

  it('plays a scripted part payment and a later payment in full, ending the run when nothing is left', () => {
    const scripted: SimulatedAccount = {
      ...account('a', 5, 25_000n),
      script: [
        { at: at(6), kind: 'payment', amountMinor: 10_000n },
        { at: at(9), kind: 'payment', amountMinor: 15_000n },
      ],
    };
    const result = simulate(graph, input([scripted], nobodyPays));
    expect(schedule(result)).toEqual([
      [2, 'reminder', 'remind-pre-due'],
      [5, 'reminder', 'remind-due-today'],
      [6, 'payment', 'wait-overdue-7'],
      [9, 'payment', 'wait-overdue-7'],
      [9, 'end', 'wait-overdue-7'],
    ]);
    expect(result.totals.settlements).toBe(1);
  });

  it('refuses a scripted event whose time is not a date, naming the account and the event', () => {
    const broken: SimulatedAccount = { ...account('b', 5), script: [{ at: 'soon', kind: 'payment', amountMinor: 1n }] };
    expect(() => simulate(graph, input([broken], nobodyPays))).toThrow('Account "b", scripted event 1 (payment) has a time that is not a date.');
  });
});
