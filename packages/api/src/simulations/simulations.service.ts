import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { StrategyVersion, Template } from '@recoup/db';
import {
  DomainError,
  FACT_NAMES,
  generatePortfolio,
  simulate,
  strategyGraphSchema,
  validateStrategy,
  type Scenario,
  type SimulatedAccount,
  type SimulationInput,
  type SimulationResult,
  type StrategyGraph,
  type TimelineEntry,
} from '@recoup/domain';
import type { SimulationRequest, SimulationResponse, SimulationSample } from '@recoup/contracts';
import { BusinessRuleError, ApiError } from '../errors.ts';
import { loadRealAccounts, type StaticFacts } from './simulation-accounts.ts';
import { tracePath } from './simulation-path.ts';

const DAY_MS = 86_400_000;
/** Accounts per simulator call; each account's run depends only on the seed and its id, so slicing changes nothing. */
const SLICE = 1_000;

/** One simulator call: accounts that share the facts the simulator takes per simulation. */
interface Batch {
  input: SimulationInput;
}

const sliced = (batches: readonly Batch[]): Batch[] =>
  batches.flatMap(({ input }) => {
    const out: Batch[] = [];
    for (let i = 0; i < input.accounts.length; i += SLICE) {
      out.push({ input: { ...input, accounts: input.accounts.slice(i, i + SLICE) } });
    }
    return out;
  });

/** Runs strategies on simulated or real portfolios without touching anything: nothing is stored or sent. */
export class SimulationsService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async run(request: SimulationRequest): Promise<SimulationResponse> {
    const em = this.#orm.em.fork();
    const graph = await strategyOf(em, request);
    const start = request.start === undefined ? new Date() : new Date(request.start);
    const batches = sliced(await batchesOf(em, request, start));
    const results: { batch: Batch; result: SimulationResult }[] = [];
    let samples: SimulationSample[];
    try {
      for (const batch of batches) {
        results.push({ batch, result: simulate(graph, batch.input) });
        // 20,000 accounts take seconds of CPU: let the server answer other requests between slices.
        await yieldToEventLoop();
      }
      samples = sampleAccounts(results, request.sampleSize, graph);
    } catch (error) {
      throw simulationRefused(error);
    }
    const merged = mergeResults(results.map((r) => r.result), graph);
    const outcomes: Record<string, number> = {};
    for (const { result } of results) {
      for (const account of result.accounts) {
        const key = account.outcome ?? 'running';
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
    }
    return {
      strategyVersionId: request.strategyVersionId ?? null,
      start: start.toISOString(),
      days: request.days,
      accounts: results.reduce((n, r) => n + r.result.accounts.length, 0),
      perDay: merged.perDay.map((row) => ({ ...row, date: new Date(start.getTime() + row.day * DAY_MS).toISOString().slice(0, 10) })),
      totals: merged.totals,
      perNode: merged.perNode,
      outcomes,
      samples,
      ...(request.includeTimelines
        ? {
            timelines: results.flatMap(({ result }) =>
              result.accounts.map((account) => ({
                accountId: account.id,
                outcome: account.outcome,
                endNodeId: account.endNodeId,
                events: account.timeline.map(toEvent),
              })),
            ),
          }
        : {}),
    };
  }
}

/** The graph to run: a published version as stored, or a draft that passes the same checks as publishing. */
const strategyOf = async (em: EntityManager, request: SimulationRequest): Promise<StrategyGraph> => {
  if (request.strategyVersionId !== undefined) {
    const version = await em.findOne(StrategyVersion, { id: request.strategyVersionId });
    if (!version) {
      throw new BusinessRuleError('strategy-version-unknown', `There is no published strategy version ${request.strategyVersionId}.`, {
        fields: [{ in: 'body', path: 'strategyVersionId', reason: 'no published strategy version has this id' }],
      });
    }
    return strategyGraphSchema.parse(version.graph);
  }
  const templates = (await em.find(Template, {}, { fields: ['key'] })).map((t) => t.key);
  const validation = validateStrategy(request.graph, { templates, facts: FACT_NAMES });
  if (!validation.ok) {
    const problems = validation.problems;
    const named = problems.map((p) => (p.nodeId === undefined ? p.message : `${p.nodeId}: ${p.message}`));
    throw new BusinessRuleError(
      'strategy-invalid',
      `The strategy has ${problems.length} problem(s) and cannot be simulated: ${named.join(' ')}`,
      { problems },
    );
  }
  return validation.graph;
};

const scenarioOf = (request: SimulationRequest): Scenario => {
  const { payOnTime, payAfterReminder, taskOutcomes, conditionResults, ...knobs } = request.scenario;
  const scenario: Scenario = { payOnTime, payAfterReminder, ...dropUndefined(knobs) };
  if (taskOutcomes !== undefined) scenario.taskOutcomes = taskOutcomes;
  if (conditionResults !== undefined) {
    scenario.conditionResults = {
      ...(conditionResults.fixed === undefined ? {} : { fixed: conditionResults.fixed }),
      ...(conditionResults.facts === undefined ? {} : { facts: dropUndefined(conditionResults.facts) }),
    };
  }
  return scenario;
};

const dropUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * A generated portfolio is one simulation. Real accounts differ in the facts the simulator takes per simulation
 * (customer type, segment, risk score, open invoices), so they run in one simulation per distinct set of those
 * facts; facts the scenario sets explicitly win over the accounts' own.
 */
const batchesOf = async (em: EntityManager, request: SimulationRequest, start: Date): Promise<Batch[]> => {
  const scenario = scenarioOf(request);
  const base = { start, days: request.days, seed: request.seed };
  if (request.portfolio !== undefined) {
    const accounts = generatePortfolio(request.portfolio.size, start, request.portfolio.seed);
    return [{ input: { ...base, accounts, scenario } }];
  }
  const { found, missing } = await loadRealAccounts(em, request.accountIds ?? []);
  if (missing.length > 0) {
    // Someone else's account looks missing, like one that does not exist, so ids cannot be probed.
    throw new ApiError('not-found', 'simulation-accounts-unknown', `${missing.length} account id(s) were not found: ${missing.slice(0, 10).join(', ')}.`, {
      fields: [{ in: 'body', path: 'accountIds', reason: 'no such account' }],
      missing,
    });
  }
  const forced = scenario.conditionResults?.facts ?? {};
  const groups = new Map<string, { facts: StaticFacts; accounts: SimulatedAccount[] }>();
  for (const { account, facts } of found) {
    const effective: StaticFacts = { ...facts, ...forced };
    const key = JSON.stringify([effective.customerType, effective.segment, effective.riskScore, effective.openInvoiceCount]);
    const group = groups.get(key) ?? { facts: effective, accounts: [] };
    group.accounts.push(account);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ facts, accounts }) => ({
    input: { ...base, accounts, scenario: { ...scenario, conditionResults: { ...scenario.conditionResults, facts } } },
  }));
};

const simulationRefused = (error: unknown): unknown => {
  if (!(error instanceof DomainError)) return error;
  const nodeId = (error as { nodeId?: unknown }).nodeId;
  return new BusinessRuleError(error.code, error.message, typeof nodeId === 'string' ? { nodeId } : undefined);
};

const mergeResults = (
  results: readonly SimulationResult[],
  graph: StrategyGraph,
): Pick<SimulationResult, 'perDay' | 'perNode' | 'totals'> => {
  const [first, ...rest] = results;
  const empty = { reminders: 0, tasks: 0, escalations: 0, settlements: 0 };
  if (!first) {
    return { perDay: [], totals: empty, perNode: Object.fromEntries(graph.nodes.map((n) => [n.id, { entered: 0, reminders: 0, tasks: 0, escalations: 0 }])) };
  }
  const perDay = first.perDay.map((row) => ({ ...row }));
  const totals = { ...first.totals };
  const perNode = Object.fromEntries(Object.entries(first.perNode).map(([id, c]) => [id, { ...c }]));
  for (const result of rest) {
    result.perDay.forEach((row, day) => {
      const into = perDay[day];
      if (!into) return;
      into.reminders += row.reminders;
      into.tasks += row.tasks;
      into.escalations += row.escalations;
      into.settlements += row.settlements;
    });
    totals.reminders += result.totals.reminders;
    totals.tasks += result.totals.tasks;
    totals.escalations += result.totals.escalations;
    totals.settlements += result.totals.settlements;
    for (const [id, c] of Object.entries(result.perNode)) {
      const into = perNode[id];
      if (!into) continue;
      into.entered += c.entered;
      into.reminders += c.reminders;
      into.tasks += c.tasks;
      into.escalations += c.escalations;
    }
  }
  return { perDay, totals, perNode };
};

/** Evenly spread accounts (all of them when there are few), each with its timeline and its path through the graph. */
const toEvent = (e: TimelineEntry) => ({ day: e.day, at: e.at, nodeId: e.nodeId, kind: e.kind, detail: e.detail });

const sampleAccounts = (
  results: readonly { batch: Batch; result: SimulationResult }[],
  size: number,
  graph: StrategyGraph,
): SimulationSample[] => {
  const all = results.flatMap(({ batch, result }) =>
    result.accounts.map((simulated, index) => ({ batch, simulated, input: batch.input.accounts[index] })),
  );
  const picks = all.length <= size ? all : Array.from({ length: size }, (_, i) => all[Math.floor((i * all.length) / size)]);
  return picks.flatMap((pick) => {
    if (!pick?.input) return [];
    const { batch, simulated, input } = pick;
    return [
      {
        accountId: simulated.id,
        outcome: simulated.outcome,
        endNodeId: simulated.endNodeId,
        path: tracePath(graph, batch.input, input),
        events: simulated.timeline.map(toEvent),
      },
    ];
  });
};
