import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, Strategy, StrategyVersion } from '@recoup/db';
import { DEFAULT_STRATEGY, generatePortfolio } from '@recoup/domain';
import type { SimulationResponse } from '@recoup/contracts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

const DAY = 86_400_000;
const START = '2025-03-01T00:00:00.000Z';

let h: Harness;
let manager: LoggedIn;
let defaultVersion: string;

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  const em = h.db.orm.em.fork();
  const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
  defaultVersion = (await em.findOneOrFail(StrategyVersion, { strategy: strategy.id }, { orderBy: { version: 'desc' } })).id;
});
afterAll(async () => {
  await h.close();
});

const simulate = (body: object, who: LoggedIn = manager) =>
  who.agent.post('/api/simulations').set('x-csrf-token', who.csrf).send(body);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('simulating the default strategy on a generated portfolio of 500 accounts', () => {
  let result: SimulationResponse;
  // The same accounts the endpoint generates, to know each one's due day.
  const dueDay = new Map(
    generatePortfolio(500, new Date(START), 7).map((a) => [
      a.id,
      Math.floor((Date.parse(a.oldestDueAt ?? '') - Date.parse(START)) / DAY),
    ]),
  );

  beforeAll(async () => {
    const response = await simulate({ strategyVersionId: defaultVersion, portfolio: { size: 500, seed: 7 }, days: 90, start: START });
    expect(response.status).toBe(200);
    result = response.body as SimulationResponse;
  });

  it('reports one row per day whose sums are the totals, and per-node counts that agree', () => {
    expect(result.accounts).toBe(500);
    expect(result.perDay).toHaveLength(90);
    expect(result.perDay[0]).toMatchObject({ day: 0, date: '2025-03-01' });
    expect(result.perDay[89]).toMatchObject({ day: 89, date: '2025-05-29' });
    for (const kind of ['reminders', 'tasks', 'escalations', 'settlements'] as const) {
      expect(sum(result.perDay.map((d) => d[kind]))).toBe(result.totals[kind]);
    }
    const nodes = Object.values(result.perNode);
    expect(sum(nodes.map((n) => n.reminders))).toBe(result.totals.reminders);
    expect(sum(nodes.map((n) => n.tasks))).toBe(result.totals.tasks);
    expect(sum(nodes.map((n) => n.escalations))).toBe(result.totals.escalations);
    expect(Object.keys(result.perNode).sort()).toEqual(DEFAULT_STRATEGY.graph.nodes.map((n) => n.id).sort());
  });

  it('takes every account, when nobody pays, through the final notice and the escalation to the end', () => {
    expect(result.outcomes).toEqual({ completed: 500 });
    expect(result.totals.settlements).toBe(0);
    expect(result.perNode['start']?.entered).toBe(500);
    expect(result.perNode['remind-final-notice']?.reminders).toBe(500);
    expect(result.perNode['escalate-manager']?.escalations).toBe(500);
    // At 14 days overdue each account is either called (100.00 or more overdue) or reminded a second time.
    expect((result.perNode['task-call']?.tasks ?? 0) + (result.perNode['remind-overdue-14']?.reminders ?? 0)).toBe(500);
    expect(result.perNode['task-call']?.tasks).toBeGreaterThan(0);
    expect(result.perNode['remind-overdue-14']?.reminders).toBeGreaterThan(0);
  });

  it('escalates nobody before day 15: the earliest due date is 30 days back and escalation comes 45 days after it', () => {
    expect(sum(result.perDay.slice(0, 15).map((d) => d.escalations))).toBe(0);
    expect(result.perDay[15]?.escalations).toBeGreaterThan(0);
  });

  it('returns 50 evenly spread accounts whose reminders fall on the days the strategy sets from their due date', () => {
    expect(result.samples).toHaveLength(50);
    for (const sample of result.samples) {
      const due = dueDay.get(sample.accountId);
      if (due === undefined) throw new Error(`unknown sample ${sample.accountId}`);
      const dayOf = (nodeId: string) => sample.events.find((e) => e.nodeId === nodeId)?.day;
      // Escalation is a due-offset wait of 45 days: exactly then, whatever happened before.
      expect(dayOf('escalate-manager')).toBe(due + 45);
      if (due >= 3) {
        // Not yet 3 days before the due date at the start: the pre-due reminder is the first thing that happens.
        expect(dayOf('remind-pre-due')).toBe(due - 3);
        expect(dayOf('remind-due-today')).toBe(due);
        expect(dayOf('remind-overdue-7')).toBe(due + 7);
        expect(Math.min(...sample.events.map((e) => e.day))).toBe(due - 3);
      } else {
        // Already past that stage at the start: the reminders of stages gone by are skipped, not sent late.
        expect(dayOf('remind-pre-due') ?? 0).toBe(0);
      }
    }
  });

  it("gives each sample's path through the graph, node by node with days, matching its events", () => {
    for (const sample of result.samples) {
      expect(sample.path[0]).toEqual({ nodeId: 'start', day: 0 });
      const days = sample.path.map((s) => s.day);
      expect(days).toEqual([...days].sort((a, b) => a - b));
      for (const event of sample.events) {
        // Payments, promise judgements and ends happen where the account sits, not on entering a node.
        if (event.kind === 'payment' || event.kind === 'promise' || event.kind === 'end') continue;
        // A contact held back by a running promise happens later than the node was entered.
        const entered = sample.path.filter((step) => step.nodeId === event.nodeId && step.day <= event.day);
        expect(entered.length).toBeGreaterThan(0);
      }
      expect(sample.path.at(-1)?.nodeId).toBe(sample.endNodeId);
      // Consecutive steps follow edges, except where the interpreter skips stages an account is already past.
      const due = dueDay.get(sample.accountId) ?? 0;
      for (let i = 1; i < sample.path.length; i++) {
        const from = sample.path[i - 1]?.nodeId;
        const to = sample.path[i]?.nodeId;
        const edge = DEFAULT_STRATEGY.graph.edges.some((e) => e.source === from && e.target === to);
        if (due >= 3) expect(edge).toBe(true);
        else expect(edge || reachable(from, to)).toBe(true);
      }
    }
  });
});

/** Whether `to` can be reached from `from` along the default strategy's edges. */
const reachable = (from: string | undefined, to: string | undefined): boolean => {
  const seen = new Set<string>();
  const queue = from === undefined ? [] : [from];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    for (const e of DEFAULT_STRATEGY.graph.edges) {
      if (e.source !== id || seen.has(e.target)) continue;
      if (e.target === to) return true;
      seen.add(e.target);
      queue.push(e.target);
    }
  }
  return false;
};

describe('simulation requests', () => {
  it('simulates real accounts with their own balances and due dates', async () => {
    const dueIn = (days: number) => new Date(Date.parse(START) + days * DAY).toISOString().slice(0, 10);
    const imported = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .send({
        accounts: [
          { ref: 'SIM-BIG', amount: '50000', due: 10 },
          { ref: 'SIM-SMALL', amount: '5000', due: 10 },
        ].map((a) => ({
          externalRef: a.ref,
          name: a.ref,
          customerType: 'business',
          currency: 'EUR',
          timeZone: 'UTC',
          invoices: [{ number: `${a.ref}-1`, issueDate: '2025-01-01', dueDate: dueIn(a.due), amount: { amountMinor: a.amount, currency: 'EUR' } }],
        })),
      });
    expect(imported.status).toBe(201);
    const em = h.db.orm.em.fork();
    const big = await em.findOneOrFail(Account, { externalRef: 'SIM-BIG' });
    const small = await em.findOneOrFail(Account, { externalRef: 'SIM-SMALL' });
    const response = await simulate({ graph: DEFAULT_STRATEGY.graph, accountIds: [big.id, small.id], days: 40, start: START });
    expect(response.status).toBe(200);
    const body = response.body as SimulationResponse;
    expect(body.strategyVersionId).toBeNull();
    expect(body.accounts).toBe(2);
    const events = (id: string) => body.samples.find((s) => s.accountId === id)?.events.map((e) => [e.day, e.nodeId]);
    // Due on day 10 at 09:00: reminders on days 7, 10 and 17; at day 24 the 500.00 account is called, the 50.00 one
    // reminded. The call ends in a promise to pay (the task's first outcome) due on day 32, broken after the grace.
    expect(events(big.id)).toEqual([
      [7, 'remind-pre-due'],
      [10, 'remind-due-today'],
      [17, 'remind-overdue-7'],
      [24, 'task-call'],
      [35, 'wait-overdue-30'],
    ]);
    expect(events(small.id)).toEqual([
      [7, 'remind-pre-due'],
      [10, 'remind-due-today'],
      [17, 'remind-overdue-7'],
      [24, 'remind-overdue-14'],
    ]);
  });

  it('refuses a draft with a broken graph, naming the nodes', async () => {
    const broken = {
      nodes: [
        { id: 'start', type: 'start', data: {} },
        { id: 'mail', type: 'reminder', data: { channel: 'email', template: 'no-such-template' } },
        { id: 'done', type: 'end', data: { outcome: 'completed' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'mail' },
        { id: 'e2', source: 'mail', target: 'done' },
      ],
    };
    const response = await simulate({ graph: broken, portfolio: { size: 10, seed: 1 }, days: 30 });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('strategy-invalid');
    expect(response.body.error.message).toContain('mail');
    expect(response.body.error.details.problems).toEqual([
      expect.objectContaining({ code: 'unknown-template', nodeId: 'mail' }),
    ]);
  });

  it('simulates tag, switch and payment-plan nodes, counting each plan installment as a promise', async () => {
    const planned = {
      nodes: [
        { id: 'start', type: 'start', data: {} },
        { id: 'mark', type: 'tag', data: { addTags: ['planned'] } },
        { id: 'size', type: 'switch', data: { rules: [{ outcome: 'big', condition: { fact: 'totalOpenMinor', operator: 'greaterThan', value: 0 } }] } },
        { id: 'plan', type: 'payment-plan', data: { installments: 3, intervalDays: 30, firstDueInDays: 10, graceDays: 0 } },
        { id: 'done', type: 'end', data: { outcome: 'completed' } },
        { id: 'failed', type: 'end', data: { outcome: 'agency' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'mark' },
        { id: 'e2', source: 'mark', target: 'size' },
        { id: 'e3', source: 'size', target: 'plan', sourceHandle: 'big' },
        { id: 'e4', source: 'size', target: 'done', sourceHandle: 'default' },
        { id: 'e5', source: 'plan', target: 'done', sourceHandle: 'completed' },
        { id: 'e6', source: 'plan', target: 'failed', sourceHandle: 'broken' },
      ],
    };
    const response = await simulate({
      graph: planned,
      portfolio: { size: 50, seed: 3 },
      days: 120,
      scenario: { payOnTime: 0, payAfterReminder: 0, keepPromise: 0 },
    });
    expect(response.status).toBe(200);
    // Nobody keeps a promise: every account breaks its first installment, due 10 days in, and goes to the agency.
    expect(response.body.perNode.plan.entered).toBe(50);
    expect(response.body.perNode.failed.entered).toBe(50);
    expect(response.body.perNode.done?.entered ?? 0).toBe(0);
  });

  it('passes the dispute knobs to the simulator: every sampled account disputes after its first reminder and is settled by a valid dispute', async () => {
    const response = await simulate({
      graph: DEFAULT_STRATEGY.graph,
      portfolio: { size: 40, seed: 5 },
      days: 60,
      scenario: { payOnTime: 0, payAfterReminder: 0, disputeShare: 1, disputeValid: 1, disputeResolvedAfterDays: 5 },
    });
    expect(response.status).toBe(200);
    const body = response.body as SimulationResponse;
    let resolved = 0;
    for (const sample of body.samples) {
      const reminders = sample.events.filter((e) => e.kind === 'reminder');
      if (reminders.length === 0) continue;
      // The dispute comes two days after the first reminder; nothing goes out after it, and the valid dispute
      // closes the account five days later.
      const first = Date.parse(reminders[0]?.at ?? '');
      const disputes = sample.events.filter((e) => e.kind === 'dispute').map((e) => Date.parse(e.at) - first);
      expect(disputes[0]).toBe(2 * 86_400_000);
      expect(reminders.every((r) => Date.parse(r.at) < first + 2 * 86_400_000)).toBe(true);
      // A dispute still open when the period ends leaves the account where it is.
      if (disputes.length === 2) {
        expect(disputes[1]).toBe(7 * 86_400_000);
        expect(sample.outcome).toBe('settled');
        resolved += 1;
      }
    }
    expect(resolved).toBeGreaterThan(10);
  });

  it("returns every account's timeline on request, and refuses it for a portfolio too large to list", async () => {
    const response = await simulate({ graph: DEFAULT_STRATEGY.graph, portfolio: { size: 120, seed: 2 }, days: 30, includeTimelines: true });
    expect(response.status).toBe(200);
    const body = response.body as SimulationResponse;
    expect(body.timelines).toHaveLength(120);
    const reminders = (body.timelines ?? []).reduce((n, t) => n + t.events.filter((e) => e.kind === 'reminder').length, 0);
    expect(reminders).toBe(body.totals.reminders);
    const tooMany = await simulate({ graph: DEFAULT_STRATEGY.graph, portfolio: { size: 5000, seed: 2 }, days: 30, includeTimelines: true });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('includeTimelines');
  });

  it('refuses malformed input with 400 naming each field, and unknown accounts with 422', async () => {
    const response = await simulate({
      strategyVersionId: defaultVersion,
      graph: DEFAULT_STRATEGY.graph,
      portfolio: { size: 20_001, seed: 1 },
      days: 731,
      scenario: { payOnTime: 1.5 },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation-failed');
    const paths = (response.body.error.details.fields as { path: string }[]).map((f) => f.path).sort();
    // Both a version and a draft were given, which is refused too.
    expect(paths).toEqual(['days', 'graph', 'portfolio.size', 'scenario.payOnTime']);
    const both = await simulate({ strategyVersionId: defaultVersion, graph: DEFAULT_STRATEGY.graph, portfolio: { size: 1 }, days: 5 });
    expect(both.status).toBe(400);
    expect(both.body.error.details.fields).toEqual([
      { in: 'body', path: 'graph', reason: 'give either strategyVersionId or graph, not both' },
    ]);
    const unknown = await simulate({
      strategyVersionId: defaultVersion,
      accountIds: ['00000000-0000-4000-8000-000000000000'],
      days: 5,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('simulation-accounts-unknown');
  });

  it('is refused to collectors (403)', async () => {
    const collector = await h.login('collector2');
    const response = await simulate({ strategyVersionId: defaultVersion, portfolio: { size: 10, seed: 1 }, days: 30 }, collector);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden-role');
  });
});
