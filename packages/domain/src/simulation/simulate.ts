import type { StrategyGraph } from '../strategy/graph.ts';
import { DAY_MS, runAccount, type RunSetup, type Tallies } from './account-run.ts';
import { SimulationInputError } from './simulation-errors.ts';
import type { DayCounts, NodeCounts, Scenario, SimulationInput, SimulationResult } from './simulation-types.ts';

/** Ten years: longer periods say nothing useful about a strategy and only cost memory. */
const MAX_DAYS = 3660;

function checkFraction(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new SimulationInputError(`Scenario "${name}" must be a fraction from 0 to 1, not ${value}.`);
  }
}

function checkInput(input: SimulationInput): void {
  if (Number.isNaN(input.start.getTime())) throw new SimulationInputError('The simulation start is not a valid date.');
  if (!Number.isSafeInteger(input.days) || input.days < 0 || input.days > MAX_DAYS) {
    throw new SimulationInputError(`The simulated period must be a whole number of days from 0 to ${MAX_DAYS}.`);
  }
  if (!Number.isSafeInteger(input.seed)) throw new SimulationInputError('The seed must be a whole number.');
  const scenario: Scenario = input.scenario;
  checkFraction('payOnTime', scenario.payOnTime);
  checkFraction('payAfterReminder', scenario.payAfterReminder);
  for (const knob of ['keepPromise', 'promiseAfterReminder', 'disputeShare', 'disputeValid'] as const) {
    const value = scenario[knob];
    if (value !== undefined) checkFraction(knob, value);
  }
  for (const [outcome, weight] of Object.entries(scenario.taskOutcomes ?? {})) {
    checkFraction(`taskOutcomes.${outcome}`, weight);
  }
  for (const account of input.accounts) {
    if (account.oldestDueAt !== null && Number.isNaN(Date.parse(account.oldestDueAt))) {
      throw new SimulationInputError(`Account "${account.id}" has an oldest due date that is not a date.`);
    }
    for (const [index, event] of (account.script ?? []).entries()) {
      const times = [event.at, ...(event.kind === 'promise' ? [event.dueAt] : event.kind === 'dispute' ? [event.resolvedAt] : [])];
      if (times.some((t) => Number.isNaN(Date.parse(t)))) {
        throw new SimulationInputError(`Account "${account.id}", scripted event ${index + 1} (${event.kind}) has a time that is not a date.`);
      }
      if (event.kind !== 'dispute' && event.amountMinor <= 0n) {
        throw new SimulationInputError(`Account "${account.id}", scripted event ${index + 1} (${event.kind}) needs a positive amount.`);
      }
    }
  }
}

function counts(length: number): Int32Array {
  return new Int32Array(length);
}

/**
 * Runs every account through the strategy on a virtual clock, with the interpreter's step() deciding every move
 * and the scenario standing in for debtors, collectors and the rules engine. Pure and deterministic: the same
 * graph and input always give the same result. Meant for validated graphs: a broken one throws the interpreter's
 * EngineError as it would in production.
 */
export function simulate(graph: StrategyGraph, input: SimulationInput): SimulationResult {
  checkInput(input);
  const startMs = input.start.getTime();
  const tallies: Tallies = {
    reminders: counts(input.days),
    tasks: counts(input.days),
    escalations: counts(input.days),
    settlements: counts(input.days),
    nodeReminders: new Map(),
    nodeTasks: new Map(),
    nodeEscalations: new Map(),
    nodeEntered: new Map(),
  };
  const facts = input.scenario.conditionResults?.facts ?? {};
  const setup: RunSetup = {
    graph,
    scenario: input.scenario,
    seed: input.seed,
    startMs,
    endMs: startMs + input.days * DAY_MS,
    tallies,
    outcomeDraws: new Map(),
    staticFacts: {
      customerType: facts.customerType ?? 'business',
      segment: facts.segment ?? 'standard',
      riskScore: facts.riskScore ?? null,
      openInvoiceCount: facts.openInvoiceCount ?? 1,
    },
  };

  const accounts = input.accounts.map((account) => runAccount(setup, account));

  const perDay: DayCounts[] = [];
  const totals = { reminders: 0, tasks: 0, escalations: 0, settlements: 0 };
  for (let day = 0; day < input.days; day++) {
    const row: DayCounts = {
      day,
      reminders: tallies.reminders[day] ?? 0,
      tasks: tallies.tasks[day] ?? 0,
      escalations: tallies.escalations[day] ?? 0,
      settlements: tallies.settlements[day] ?? 0,
    };
    totals.reminders += row.reminders;
    totals.tasks += row.tasks;
    totals.escalations += row.escalations;
    totals.settlements += row.settlements;
    perDay.push(row);
  }

  const perNode: Record<string, NodeCounts> = {};
  for (const node of graph.nodes) {
    perNode[node.id] = {
      entered: tallies.nodeEntered.get(node.id) ?? 0,
      reminders: tallies.nodeReminders.get(node.id) ?? 0,
      tasks: tallies.nodeTasks.get(node.id) ?? 0,
      escalations: tallies.nodeEscalations.get(node.id) ?? 0,
    };
  }

  return { accounts, perDay, perNode, totals };
}
