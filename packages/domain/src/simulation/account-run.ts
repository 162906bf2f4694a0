import { bucketOf, type FactValues } from '../facts.ts';
import { dispatchCommand, type AccountSnapshot, type CommandHandlers, type EngineCommand, type EngineEvent, type EngineState, type StepResult } from '../strategy/engine-types.ts';
import type { StrategyGraph } from '../strategy/graph.ts';
import { nextWakeAt, step } from '../strategy/interpreter.ts';
import { accountRandom } from './prng.ts';
import { evaluateRuleCondition } from './rule-evaluator.ts';
import { SimulationInputError } from './simulation-errors.ts';
import type { AccountSimulation, Scenario, SimulatedAccount, TimelineEntry, TimelineKind } from './simulation-types.ts';

// One account on its own virtual clock. The interpreter decides everything; this file only plays the outside world
// (timers, the rules engine, the mailer, collectors, debtors) the way the scenario says, so the simulated schedule
// is the production schedule by construction.

export const DAY_MS = 86_400_000;
/** Collectors answer a simulated task one day after it is created. */
const TASK_ANSWER_MS = DAY_MS;
/** A reminder that works is paid three days after it was sent. */
const PAYMENT_DELAY_MS = 3 * DAY_MS;
/** A promise given to a collector falls due a week later, with three days' grace. */
const PROMISE_DUE_MS = 7 * DAY_MS;
const PROMISE_GRACE_MS = 3 * DAY_MS;
/** A debtor who disputes does so two days after the first reminder. */
const DISPUTE_DELAY_MS = 2 * DAY_MS;
/** Mixed into the seed of the debtor's own random stream (promises, disputes). */
const DEBTOR_STREAM = 0x5eed;

/** A simulated promise: when it falls due, what it covers, and whether the debtor keeps it. */
interface SimulatedPromise {
  dueMs: number;
  untilMs: number;
  amountMinor: bigint;
  /** Paid on its due date (a kept promise) or not at all. */
  paid: boolean;
  judged: boolean;
}

/** Rules highest priority first, ties in list order: the order the evaluateSwitch activity uses. */
function byPriority<R extends { priority: number }>(rules: readonly R[]): R[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}

/** Tallies shared by all accounts of one simulation; day arrays are indexed by whole days since the start. */
export interface Tallies {
  reminders: Int32Array;
  tasks: Int32Array;
  escalations: Int32Array;
  settlements: Int32Array;
  nodeReminders: Map<string, number>;
  nodeTasks: Map<string, number>;
  nodeEscalations: Map<string, number>;
  nodeEntered: Map<string, number>;
}

interface OutcomeDraw {
  outcomes: string[];
  /** Running totals of the normalised weights, same order as `outcomes`; empty when nothing is weighted. */
  cumulative: number[];
}

/** What does not change from one account to the next; built once per simulation. */
export interface RunSetup {
  graph: StrategyGraph;
  scenario: Scenario;
  seed: number;
  startMs: number;
  endMs: number;
  tallies: Tallies;
  /** Task outcome draws by task node id, prepared on first use. */
  outcomeDraws: Map<string, OutcomeDraw>;
  /** The facts the simulation cannot derive from the account. */
  staticFacts: Pick<FactValues, 'customerType' | 'segment' | 'riskScore' | 'openInvoiceCount'>;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function outcomeDraw(setup: RunSetup, nodeId: string, outcomes: string[]): OutcomeDraw {
  const cached = setup.outcomeDraws.get(nodeId);
  if (cached) return cached;
  const weights = setup.scenario.taskOutcomes ?? {};
  const offered = outcomes.map((o) => (Object.hasOwn(weights, o) ? (weights[o] ?? 0) : 0));
  const total = offered.reduce((sum, w) => sum + w, 0);
  const cumulative: number[] = [];
  let running = 0;
  if (total > 0) {
    for (const weight of offered) {
      running += weight / total;
      cumulative.push(running);
    }
  }
  const draw = { outcomes, cumulative };
  setup.outcomeDraws.set(nodeId, draw);
  return draw;
}

function chooseOutcome(draw: OutcomeDraw, random: () => number): string {
  const first = draw.outcomes[0] ?? '';
  if (draw.cumulative.length === 0) return first;
  const r = random();
  for (let i = 0; i < draw.cumulative.length; i++) {
    if (r < (draw.cumulative[i] ?? 0)) return draw.outcomes[i] ?? first;
  }
  // Rounding can leave the running total a hair under 1; the remainder belongs to the last weighted outcome.
  for (let i = draw.outcomes.length - 1; i >= 0; i--) {
    if ((draw.cumulative[i] ?? 0) > (draw.cumulative[i - 1] ?? 0)) return draw.outcomes[i] ?? first;
  }
  return first;
}

function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The facts as the account-facts activity computes them: dates compared by UTC calendar day, amounts as numbers. */
/** What the simulated account has been through so far, for the facts that depend on it. */
interface History {
  /** When each reminder went out, oldest first. */
  contacts: number[];
  promises: EngineState['promises'];
  latestPromise: 'none' | 'open' | 'kept' | 'broken';
}

function factsAt(setup: RunSetup, account: AccountSnapshot, history: History, now: number): FactValues {
  const balance = BigInt(account.balanceMinor);
  if (balance > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new SimulationInputError('A balance exceeds the exact integer range of a rule fact.');
  }
  const open = balance > 0n ? Number(balance) : 0;
  const today = utcDay(now);
  const due = account.oldestDueAt === null ? null : utcDay(Date.parse(account.oldestDueAt));
  const daysPastDue = due === null ? 0 : Math.max(0, Math.round((today - due) / DAY_MS));
  const last = history.contacts.at(-1);
  return {
    ...setup.staticFacts,
    // A simulated account has no payment model's predictions: its risk is the one it started with.
    importedRiskScore: setup.staticFacts.riskScore,
    lateProbability: null,
    predictedDaysLate: null,
    predictedPayDate: null,
    tags: [],
    daysPastDue,
    currentBucket: bucketOf(daysPastDue),
    overdueAmountMinor: due !== null && due < today ? open : 0,
    totalOpenMinor: open,
    remindersSent: history.contacts.length,
    currency: account.currency,
    lastContactAt: last === undefined ? null : new Date(last).toISOString(),
    daysSinceLastContact: last === undefined ? null : Math.floor((now - last) / DAY_MS),
    contactsLast7Days: history.contacts.filter((at) => at > now - 7 * DAY_MS).length,
    promiseStatus: history.latestPromise,
    brokenPromises: history.promises?.broken ?? 0,
    keptPromises: history.promises?.kept ?? 0,
    disputeOpen: BigInt(account.disputedMinor ?? '0') > 0n,
    disputedAmountMinor: Number(account.disputedMinor ?? '0'),
  };
}

/** Runs one account from the start of the period to its end (or the end of its run) and adds to the tallies. */
export function runAccount(setup: RunSetup, account: SimulatedAccount): AccountSimulation {
  const { graph, scenario, startMs, endMs, tallies } = setup;
  const random = accountRandom(setup.seed, account.id);
  const timeline: TimelineEntry[] = [];
  const immediate: EngineEvent[] = [];
  let now = startMs;
  let nowIso = '';
  let nowIsoFor = Number.NaN;
  let timerAt = Infinity;
  let taskAt = Infinity;
  let taskEvents: EngineEvent[] = [];
  const promises = new Map<string, SimulatedPromise>();
  const keepPromise = scenario.keepPromise ?? 0;
  let paymentAt = Infinity;
  const history: History = { contacts: [], promises: undefined, latestPromise: 'none' };

  // Promises and disputes draw from a stream of their own, so turning those knobs never changes who pays when.
  const debtorRandom = accountRandom(setup.seed ^ DEBTOR_STREAM, account.id);
  const disputes = debtorRandom() < (scenario.disputeShare ?? 0);
  const disputeValid = debtorRandom() < (scenario.disputeValid ?? 0.5);
  let disputed = false;
  /** Things the simulated debtor does at a given moment, soonest first. */
  const agenda: { at: number; act: (state: EngineState) => void }[] = [];
  const schedule = (at: number, act: (state: EngineState) => void) => {
    agenda.push({ at, act });
    agenda.sort((a, b) => a.at - b.at);
  };

  const dueMs = account.oldestDueAt === null ? Number.NaN : Date.parse(account.oldestDueAt);
  // Drawn for every account, so that the knob's value never shifts the rest of the account's random stream.
  const paysOnTime = random() < scenario.payOnTime;
  if (paysOnTime && dueMs >= startMs) paymentAt = dueMs;

  const record = (
    nodeId: string,
    kind: TimelineKind,
    detail: string,
    perDay?: Int32Array,
    perNode?: Map<string, number>,
  ) => {
    if (nowIsoFor !== now) {
      nowIso = new Date(now).toISOString();
      nowIsoFor = now;
    }
    const day = Math.floor((now - startMs) / DAY_MS);
    timeline.push({ at: nowIso, day, nodeId, kind, detail });
    if (perDay) perDay[day] = (perDay[day] ?? 0) + 1;
    if (perNode) bump(perNode, nodeId);
  };

  // One handler per command type, as the workflow has (CommandHandlers makes both exhaustive).
  const handlers: CommandHandlers<EngineState, void> = {
    'wait-until': (command, state) => {
      if (state.awaiting.kind === 'deferred') {
        record(command.nodeId, 'deferred', `Deferred until ${command.input.until}: ${state.awaiting.reason}`);
      }
    },
    'evaluate-condition': (command, state) => {
      const fixed = scenario.conditionResults?.fixed;
      const forced = fixed && Object.hasOwn(fixed, command.nodeId) ? fixed[command.nodeId] : undefined;
      const evaluation =
        forced === undefined
          ? evaluateRuleCondition(command.input.condition, { ...factsAt(setup, state.account, { ...history, promises: state.promises }, now) })
          : { result: forced, matched: [] };
      immediate.push({ type: 'condition-evaluated', nodeId: command.nodeId, ...evaluation });
    },
    'send-reminder': (command) => {
      history.contacts.push(now);
      record(
        command.nodeId,
        'reminder',
        `Sent the "${command.input.template}" ${command.input.channel}.`,
        tallies.reminders,
        tallies.nodeReminders,
      );
      if (random() < scenario.payAfterReminder) paymentAt = Math.min(paymentAt, now + PAYMENT_DELAY_MS);
      if (debtorRandom() < (scenario.promiseAfterReminder ?? 0)) schedule(now + DAY_MS, (s) => promiseToPay(s, command.key));
      if (disputes && !disputed) {
        disputed = true;
        schedule(now + DISPUTE_DELAY_MS, openDispute);
      }
      immediate.push({ type: 'action-done', nodeId: command.nodeId });
    },
    'create-task': (command, state) => {
      const outcome = chooseOutcome(outcomeDraw(setup, command.nodeId, command.input.outcomes), random);
      record(
        command.nodeId,
        'task',
        `Created the ${command.input.taskType} task "${command.input.title}"; the scenario answers "${outcome}" a day later.`,
        tallies.tasks,
        tallies.nodeTasks,
      );
      taskAt = now + TASK_ANSWER_MS;
      taskEvents = [];
      if (outcome === 'promise-to-pay') {
        const promiseId = `${command.key}/promise`;
        const dueMs = taskAt + PROMISE_DUE_MS;
        const amountMinor = BigInt(state.account.balanceMinor);
        addPromise(promiseId, dueMs, dueMs + PROMISE_GRACE_MS, amountMinor, random() < keepPromise);
        taskEvents.push({ type: 'promise-recorded', promiseId, until: new Date(dueMs + PROMISE_GRACE_MS).toISOString() });
        history.latestPromise = 'open';
      }
      taskEvents.push({ type: 'task-completed', taskKey: command.key, outcome });
      // A task the run does not wait for: the strategy goes on at once, and the outcome comes a day later.
      if (state.awaiting.kind === 'action') immediate.push({ type: 'action-done', nodeId: command.nodeId });
    },
    'evaluate-switch': (command, state) => {
      const facts = { ...factsAt(setup, state.account, { ...history, promises: state.promises }, now) };
      const winner = byPriority(command.input.rules).find((rule) => evaluateRuleCondition(rule.condition, facts).result);
      immediate.push({ type: 'switch-evaluated', nodeId: command.nodeId, outcome: winner?.name ?? null, matched: [] });
    },
    'assign-collector': (command) => {
      record(command.nodeId, 'action', `Assigned to a collector of the "${command.input.defaultPool}" pool or the pool a rule chose.`);
      immediate.push({ type: 'action-done', nodeId: command.nodeId });
    },
    'set-tags': (command) => {
      record(command.nodeId, 'action', `Tagged ${[command.input.segment ?? '', ...command.input.addTags].filter(Boolean).join(', ')}.`);
      immediate.push({ type: 'action-done', nodeId: command.nodeId });
    },
    'create-payment-plan': (command, state) => {
      const balance = BigInt(state.account.balanceMinor);
      const count = BigInt(command.input.installments);
      const installments: { promiseId: string; until: string }[] = [];
      for (let i = 0; i < command.input.installments; i++) {
        const promiseId = `${command.key}/${i + 1}`;
        const dueMs = now + (command.input.firstDueInDays + i * command.input.intervalDays) * DAY_MS;
        const untilMs = dueMs + command.input.graceDays * DAY_MS;
        // Equal installments; the last one carries the remainder so they add up to the balance exactly.
        const amountMinor = i === command.input.installments - 1 ? balance - (balance / count) * (count - 1n) : balance / count;
        addPromise(promiseId, dueMs, untilMs, amountMinor, random() < keepPromise);
        history.latestPromise = 'open';
        installments.push({ promiseId, until: new Date(untilMs).toISOString() });
      }
      record(command.nodeId, 'promise', `Agreed a payment plan of ${command.input.installments} installments.`);
      immediate.push({ type: 'plan-created', nodeId: command.nodeId, planId: command.key, installments });
    },
    'check-promise': (command, state) => {
      // As the checkPromise activity judges: kept once paid in full, broken when unpaid at its deadline.
      const promise = promises.get(command.input.promiseId);
      const status = !promise || promise.judged ? 'open' : promise.paid ? 'kept' : now >= promise.untilMs ? 'broken' : 'open';
      if (promise && status !== 'open') {
        promise.judged = true;
        history.latestPromise = status;
        record(state.nodeId, 'promise', `Promise ${command.input.promiseId} was ${status}.`);
      }
      immediate.push({ type: 'promise-resolved', promiseId: command.input.promiseId, status });
    },
    escalate: (command) => {
      record(
        command.nodeId,
        'escalation',
        `Escalated at level ${command.input.level}: ${command.input.action}.`,
        tallies.escalations,
        tallies.nodeEscalations,
      );
      immediate.push({ type: 'action-done', nodeId: command.nodeId });
    },
    complete: (command, state) => {
      record(state.nodeId, 'end', `Ended with outcome "${command.input.outcome}".`);
    },
  };

  const apply = (state: EngineState, commands: EngineCommand[]) => {
    for (const command of commands) dispatchCommand(handlers, command, state);
  };

  /** Records a promise; a debtor who keeps it pays the amount on its due date. */
  const addPromise = (promiseId: string, dueMs: number, untilMs: number, amountMinor: bigint, kept: boolean) => {
    const promise: SimulatedPromise = { dueMs, untilMs, amountMinor, paid: false, judged: false };
    promises.set(promiseId, promise);
    if (!kept) return;
    schedule(dueMs, (state) => {
      promise.paid = true;
      pay(state, amountMinor, `Paid ${amountMinor} minor units as promised.`);
    });
  };

  /** The debtor promises the whole balance within a week; ignored while another promise runs. */
  const promiseToPay = (state: EngineState, key: string) => {
    if ((state.holds ?? []).length > 0 || BigInt(state.account.balanceMinor) <= 0n) return;
    const promiseId = `${key}/promised`;
    const dueMs = now + PROMISE_DUE_MS;
    addPromise(promiseId, dueMs, dueMs + PROMISE_GRACE_MS, BigInt(state.account.balanceMinor), debtorRandom() < keepPromise);
    history.latestPromise = 'open';
    record(state.nodeId, 'promise', `Promised to pay ${state.account.balanceMinor} minor units by ${new Date(dueMs).toISOString()}.`);
    immediate.push({ type: 'promise-recorded', promiseId, until: new Date(dueMs + PROMISE_GRACE_MS).toISOString() });
  };

  /** The debtor disputes everything still open, until `resolveAt`, when it is found valid or invalid. */
  const disputeAll = (state: EngineState, resolveAt: number, valid: boolean) => {
    const amount = state.account.balanceMinor;
    if (BigInt(amount) <= 0n) return;
    record(state.nodeId, 'dispute', `Disputed the open ${amount} minor units.`);
    immediate.push({ type: 'account-changed', account: { ...state.account, balanceMinor: '0', disputedMinor: amount } }, { type: 'dispute-opened' });
    schedule(resolveAt, (later) => {
      record(later.nodeId, 'dispute', valid ? 'The dispute was found valid and credited.' : 'The dispute was found invalid; collection resumes.');
      immediate.push({ type: 'account-changed', account: { ...later.account, balanceMinor: valid ? '0' : amount, disputedMinor: '0' } });
    });
  };
  const openDispute = (state: EngineState) => disputeAll(state, now + (scenario.disputeResolvedAfterDays ?? 14) * DAY_MS, disputeValid);

  /** A payment the debtor makes: the balance falls, and the account settles when nothing is left. */
  const pay = (state: EngineState, amountMinor: bigint, detail: string) => {
    const left = BigInt(state.account.balanceMinor) - amountMinor;
    const settled = left <= 0n;
    record(state.nodeId, 'payment', detail, settled ? tallies.settlements : undefined);
    const balanceMinor = (settled ? 0n : left).toString();
    immediate.push({ type: 'account-changed', account: { ...state.account, balanceMinor, oldestDueAt: settled ? null : state.account.oldestDueAt } });
  };

  for (const event of account.script ?? []) {
    const at = Date.parse(event.at);
    switch (event.kind) {
      case 'payment':
        schedule(at, (state) => pay(state, event.amountMinor, `Paid ${event.amountMinor} minor units.`));
        break;
      case 'promise':
        schedule(at, (state) => {
          const dueMs = Date.parse(event.dueAt);
          const untilMs = dueMs + event.graceDays * DAY_MS;
          addPromise(event.promiseId, dueMs, untilMs, event.amountMinor, event.kept);
          history.latestPromise = 'open';
          record(state.nodeId, 'promise', `Promised to pay ${event.amountMinor} minor units by ${event.dueAt}.`);
          immediate.push({ type: 'promise-recorded', promiseId: event.promiseId, until: new Date(untilMs).toISOString() });
        });
        break;
      case 'dispute':
        schedule(at, (state) => disputeAll(state, Date.parse(event.resolvedAt), event.valid));
        break;
    }
  }

  const advance = (state: EngineState | null, event: EngineEvent): EngineState => {
    const result: StepResult = step(graph, state, event, new Date(now));
    apply(result.state, result.commands);
    const awaiting = result.state.awaiting;
    if (awaiting.kind === 'deferred' && awaiting.until === null && !(state?.awaiting.kind === 'deferred' && state.awaiting.until === null)) {
      record(result.state.nodeId, 'deferred', `Deferred until the account changes: ${awaiting.reason}`);
    }
    const wake = nextWakeAt(result.state);
    timerAt = wake === null ? Infinity : Date.parse(wake);
    return result.state;
  };

  const opening: AccountSnapshot = {
    balanceMinor: account.balanceMinor.toString(),
    currency: account.currency,
    oldestDueAt: account.oldestDueAt,
  };
  let state = advance(null, { type: 'start', account: opening });

  while (state.status === 'running') {
    const next = immediate.shift();
    if (next) {
      state = advance(state, next);
      continue;
    }
    // Ties go to the payment: a debtor who pays on the due date has paid before that day's reminder would go out.
    const at = Math.min(paymentAt, agenda[0]?.at ?? Infinity, taskAt, timerAt);
    if (!(at < endMs)) break;
    now = at;
    const planned = agenda[0];
    if (paymentAt === at) {
      paymentAt = Infinity;
      const { balanceMinor, currency } = state.account;
      const detail = `Paid the open ${balanceMinor} minor units (${currency}) in full.`;
      record(state.nodeId, 'payment', detail, tallies.settlements);
      state = advance(state, { type: 'account-changed', account: { balanceMinor: '0', currency, oldestDueAt: null } });
    } else if (planned && planned.at === at) {
      agenda.shift();
      planned.act(state);
    } else if (taskAt === at) {
      taskAt = Infinity;
      const events = taskEvents;
      taskEvents = [];
      immediate.push(...events);
    } else {
      timerAt = Infinity;
      state = advance(state, { type: 'timer-fired' });
    }
  }

  for (const [nodeId, visits] of Object.entries(state.visits)) bump(tallies.nodeEntered, nodeId, visits);
  return { id: account.id, timeline, outcome: state.outcome ?? null, endNodeId: state.nodeId };
}
