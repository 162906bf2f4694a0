import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';
import type { RuleCondition, StrategyGraph, StrategyNode } from '@recoup/domain';
import { DECISION_STEP_KIND_VALUES } from '@recoup/contracts';

// A collector's reading of a collection workflow's history: each step the strategy took, when, and why. The rule
// decisions come from the condition and switch local activities, whose results hold the comparisons that held
// and the facts they were decided on. Timers, activity plumbing and workflow tasks are left out or put in words.

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The kinds the API's contract lists; one list, so the timeline and its schema cannot drift apart. */
export const DECISION_STEP_KINDS = DECISION_STEP_KIND_VALUES;
export type DecisionStepKind = (typeof DECISION_STEP_KINDS)[number];

export interface DecisionStep {
  /** The history event the step was read from. */
  eventId: string;
  /** When it happened (ISO UTC), or null when the history does not say. */
  at: string | null;
  kind: DecisionStepKind;
  /** The strategy node, when the step belongs to one. */
  nodeId: string | null;
  nodeLabel: string | null;
  /** What happened, in one sentence. */
  title: string;
  /** Why, when the history records it: the comparisons that held, the reason for a deferral, the rule that chose. */
  why: string | null;
  /** The facts the decision was made on (condition and switch steps), by name. */
  facts: Record<string, unknown>;
}

function decode(payloads: { payloads?: Payload[] | null } | null | undefined): unknown[] {
  return (payloads?.payloads ?? []).map((p) => {
    try {
      return defaultPayloadConverter.fromPayload(p);
    } catch {
      return undefined;
    }
  });
}

function timeOf(event: HistoryEvent): string | null {
  const t = event.eventTime;
  if (!t?.seconds) return null;
  return new Date(Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString();
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function humanDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.round((totalSeconds % 3600) / 60);
  const parts = [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', minutes ? `${minutes} min` : ''];
  return parts.filter(Boolean).join(' ') || `${Math.round(totalSeconds)} s`;
}

/** "12500" EUR -> "125.00 EUR": minor units shown with two decimals, the common case; the amount stays exact. */
function amount(minor: unknown, currency: unknown): string {
  const digits = typeof minor === 'string' && /^-?\d+$/.test(minor) ? minor : null;
  if (!digits) return `${String(minor)} ${String(currency ?? '')}`.trim();
  const negative = digits.startsWith('-');
  const abs = (negative ? digits.slice(1) : digits).padStart(3, '0');
  return `${negative ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)} ${String(currency ?? '')}`.trim();
}

/** The facts a condition names, so a step shows the figures that decided rather than every fact of the account. */
function factsOf(condition: RuleCondition | undefined, out: Set<string>): Set<string> {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => factsOf(c, out));
  else if ('any' in condition) condition.any.forEach((c) => factsOf(c, out));
  else if ('not' in condition) factsOf(condition.not, out);
  else out.add(condition.fact);
  return out;
}

function pick(facts: Record<string, unknown>, names: Set<string>): Record<string, unknown> {
  if (names.size === 0) return facts;
  return Object.fromEntries(Object.entries(facts).filter(([name]) => names.has(name)));
}

/** Effect keys end in `<nodeId>:<occurrence>`. */
function nodeOfKey(key: unknown): string | null {
  if (typeof key !== 'string') return null;
  const last = key.split('/').at(-1) ?? '';
  const match = /^(.+):\d+$/.exec(last);
  return match?.[1] ?? null;
}

/** Turns a collection workflow's raw history into the steps a collector reads on the account page, oldest first. */
export function toDecisionTimeline(events: readonly HistoryEvent[]): DecisionStep[] {
  let graph: StrategyGraph | null = null;
  const scheduled = new Map<string, { name: string; input: Record<string, unknown> }>();
  const steps: DecisionStep[] = [];

  const nodeById = (id: string | null): StrategyNode | undefined => (id ? graph?.nodes.find((n) => n.id === id) : undefined);
  const labelOf = (id: string | null): string | null => {
    const node = nodeById(id);
    return node ? (node.label ?? node.id) : id;
  };
  const push = (event: HistoryEvent, step: Omit<DecisionStep, 'eventId' | 'at' | 'nodeLabel' | 'facts'> & { facts?: Record<string, unknown> }) =>
    steps.push({ eventId: String(event.eventId ?? ''), at: timeOf(event), nodeLabel: labelOf(step.nodeId), facts: {}, ...step });

  for (const event of events) {
    const eventId = String(event.eventId ?? '');
    const started = event.workflowExecutionStartedEventAttributes;
    const marker = event.markerRecordedEventAttributes;
    const activityScheduled = event.activityTaskScheduledEventAttributes;
    const activityCompleted = event.activityTaskCompletedEventAttributes;
    const timer = event.timerStartedEventAttributes;
    const signaled = event.workflowExecutionSignaledEventAttributes;
    const update = event.workflowExecutionUpdateAcceptedEventAttributes;
    const completed = event.workflowExecutionCompletedEventAttributes;

    if (started) {
      const input = record(decode(started.input)[0]);
      const carried = input['carried'] !== undefined;
      push(event, {
        kind: 'started',
        nodeId: null,
        title: carried ? 'Collection continued in a fresh history' : 'Collection started',
        why: text(input['strategyVersionId']) ? `on strategy version ${String(input['strategyVersionId'])}` : null,
      });
    } else if (marker?.markerName === 'core_local_activity') {
      const data = record(decode(marker.details?.['data'])[0]);
      const result = record(decode(marker.details?.['result'])[0]);
      const activity = text(data['activity_type']);
      if (activity === 'loadStrategyVersion' && record(result['graph'])['nodes']) {
        graph = result['graph'] as StrategyGraph;
      } else if (activity === 'evaluateCondition') {
        const matched = Array.isArray(result['matched']) ? result['matched'].map(String) : [];
        const nodeId = text(result['nodeId']) ?? guessConditionNode(graph, matched);
        const node = nodeById(nodeId);
        const held = result['result'] === true;
        push(event, {
          kind: 'condition',
          nodeId,
          title: `${node ? `“${labelOf(nodeId)}”` : 'A condition'} was ${held ? 'met: took the yes branch' : 'not met: took the no branch'}`,
          why: held ? (matched.length ? `Because ${matched.join('; ')}` : null) : 'None of the required comparisons held for the account',
          facts: pick(record(result['facts']), factsOf(node?.type === 'condition' ? node.data.condition : undefined, new Set())),
        });
      } else if (activity === 'evaluateSwitch') {
        const nodeId = text(result['nodeId']);
        const node = nodeById(nodeId);
        const outcome = text(result['outcome']);
        const matched = Array.isArray(result['matched']) ? result['matched'].map(String) : [];
        const names = new Set<string>();
        if (node?.type === 'switch') node.data.rules.forEach((rule) => factsOf(rule.condition, names));
        push(event, {
          kind: 'switch',
          nodeId,
          title: `${node ? `“${labelOf(nodeId)}”` : 'A switch'} chose ${outcome ? `“${outcome}”` : 'its default exit'}`,
          why: outcome ? (matched.length ? `Because ${matched.join('; ')}` : null) : 'No rule held for the account',
          facts: pick(record(result['facts']), names),
        });
      }
    } else if (activityScheduled) {
      scheduled.set(eventId, { name: activityScheduled.activityType?.name ?? '', input: record(decode(activityScheduled.input)[0]) });
    } else if (activityCompleted) {
      const origin = scheduled.get(String(activityCompleted.scheduledEventId ?? ''));
      if (origin) {
        const step = activityStep(origin.name, origin.input, record(decode(activityCompleted.result)[0]));
        if (step) push(event, step);
      }
    } else if (timer) {
      const seconds = Number(timer.startToFireTimeout?.seconds ?? 0) + (timer.startToFireTimeout?.nanos ?? 0) / 1e9;
      push(event, { kind: 'wait', nodeId: null, title: `Waited up to ${humanDuration(seconds)} for the next step`, why: null });
    } else if (signaled) {
      const name = signaled.signalName ?? '';
      const input = record(decode(signaled.input)[0]);
      if (name === 'paymentApplied') {
        push(event, { kind: 'payment', nodeId: null, title: `A payment of ${amount(input['amountMinor'], input['currency'])} was applied`, why: null });
      } else if (name === 'disputeOpened') {
        push(event, { kind: 'dispute', nodeId: null, title: 'A dispute was opened; the disputed items are not collected meanwhile', why: null });
      } else if (name === 'portalVisited') {
        push(event, { kind: 'portal', nodeId: null, title: 'The debtor opened the portal', why: null });
      } else if (name === 'planRequested') {
        push(event, { kind: 'portal', nodeId: null, title: 'The debtor asked for a payment plan outside the policy', why: 'A collector reviews the request' });
      } else if (name === 'accountChanged') {
        push(event, { kind: 'account-changed', nodeId: null, title: 'The account’s figures changed and were read again', why: null });
      }
    } else if (update) {
      const name = update.acceptedRequest?.input?.name ?? '';
      const input = record(decode(update.acceptedRequest?.input?.args)[0]);
      if (name === 'completeTask') {
        const promise = record(input['promise']);
        const plan = record(input['plan']);
        const installments = Array.isArray(plan['installments']) ? plan['installments'].length : 0;
        push(event, {
          kind: 'task-outcome',
          nodeId: nodeOfKey(input['taskKey']),
          title: `The collector recorded the outcome “${String(input['outcome'])}”`,
          why: promise['amountMinor']
            ? `Promise to pay ${amount(promise['amountMinor'], promise['currency'])} by ${String(promise['dueDate'])}`
            : installments
              ? `Payment plan of ${installments} installments agreed`
              : null,
        });
      } else if (name === 'recordPromise') {
        push(event, {
          kind: 'promise',
          nodeId: null,
          title: `A promise to pay ${amount(input['amountMinor'], input['currency'])} by ${String(input['dueDate'])} was recorded`,
          why: text(input['until']) ? `Dunning holds until ${String(input['until'])}` : null,
        });
      } else if (name === 'recordArrangement') {
        const promise = record(input['promise']);
        const plan = record(input['plan']);
        const installments = Array.isArray(plan['installments']) ? plan['installments'].length : 0;
        const online = input['origin'] === 'portal';
        push(event, {
          kind: 'promise',
          nodeId: null,
          title: promise['amountMinor']
            ? `${online ? 'The debtor promised in the portal' : 'A promise was recorded'} to pay ${amount(promise['amountMinor'], promise['currency'])} by ${String(promise['dueDate'])}`
            : `${online ? 'The debtor set up' : 'A collector agreed'} a payment plan of ${installments} installments`,
          why: text(promise['until']) ? `Dunning holds until ${String(promise['until'])}` : installments ? 'Each installment holds dunning until it falls due' : null,
        });
      } else if (name === 'migrateStrategy') {
        push(event, { kind: 'migrated', nodeId: null, title: `Moved to strategy version ${String(input['strategyVersionId'])}`, why: null });
      }
    } else if (completed) {
      const result = record(decode(completed.result)[0]);
      const nodeId = text(result['nodeId']);
      push(event, { kind: 'ended', nodeId, title: `Collection ended with the outcome “${String(result['outcome'])}”`, why: null });
    }
  }
  return steps;
}

/**
 * Histories from before the condition activity named its node: the only condition node, or the one whose rule
 * names every fact of the comparisons that held. Null when that does not single one out.
 */
function guessConditionNode(graph: StrategyGraph | null, matched: readonly string[]): string | null {
  const conditions = graph?.nodes.filter((n) => n.type === 'condition') ?? [];
  if (conditions.length === 1) return conditions[0]?.id ?? null;
  const named = matched.map((m) => m.split(' ')[0] ?? '');
  const fitting = conditions.filter((n) => {
    const facts = factsOf(n.type === 'condition' ? n.data.condition : undefined, new Set());
    return named.length > 0 && named.every((fact) => facts.has(fact));
  });
  return fitting.length === 1 ? (fitting[0]?.id ?? null) : null;
}

/** The timeline of a history in Temporal's JSON export format, as CollectionClient.rawHistory answers it. */
export function decisionTimelineFromJson(raw: unknown): DecisionStep[] {
  return toDecisionTimeline(historyFromJSON(raw).events ?? []);
}

type StepDraft = Omit<DecisionStep, 'eventId' | 'at' | 'nodeLabel' | 'facts'>;

/** The side-effect activities in words; plumbing (promise checks that changed nothing) is left out. */
function activityStep(name: string, input: Record<string, unknown>, result: Record<string, unknown>): StepDraft | null {
  const nodeId = text(input['nodeId']);
  const deferred = result['status'] === 'deferred';
  const deferral = deferred ? `Deferred until ${String(result['deferredUntil'])}: ${String(result['reason'])}` : null;
  switch (name) {
    case 'sendReminder': {
      const what = `${String(input['channel'])} reminder “${String(input['template'])}”`;
      switch (result['status']) {
        case 'deferred':
          return { kind: 'reminder', nodeId, title: `The ${what} was held back`, why: deferral };
        case 'suppressed':
          return { kind: 'reminder', nodeId, title: `The ${what} was not sent`, why: text(result['reason']) };
        case 'no-recipient':
          return { kind: 'reminder', nodeId, title: `The ${what} had no one to go to`, why: 'No contact can be reached on that channel' };
        case 'unconfirmed':
          return { kind: 'reminder', nodeId, title: `The ${what} may or may not have gone out`, why: text(result['reason']) };
        default:
          return { kind: 'reminder', nodeId, title: `Sent the ${what}`, why: null };
      }
    }
    case 'createTask':
      return deferred
        ? { kind: 'task', nodeId, title: `The task “${String(input['title'])}” was held back`, why: deferral }
        : { kind: 'task', nodeId, title: `Created the task “${String(input['title'])}” for a collector`, why: null };
    case 'escalate':
      return { kind: 'escalation', nodeId, title: `Escalated to level ${String(input['level'])} (${String(input['action'])})`, why: null };
    case 'assignCollector':
      return { kind: 'assignment', nodeId, title: `Assigned to the pool “${String(result['pool'])}”`, why: text(result['reason']) };
    case 'setTags': {
      const tags = Array.isArray(result['tags']) ? result['tags'].join(', ') : '';
      return { kind: 'tags', nodeId, title: `Segment set to “${String(result['segment'])}”${tags ? `, tags ${tags}` : ''}`, why: null };
    }
    case 'createPaymentPlan': {
      const count = Array.isArray(result['installments']) ? result['installments'].length : 0;
      return { kind: 'payment-plan', nodeId, title: `Created a payment plan of ${count} installments`, why: null };
    }
    case 'checkPromise':
      return result['status'] === 'open'
        ? null
        : { kind: 'promise', nodeId: null, title: `A promise to pay was ${String(result['status'])}`, why: null };
    case 'closeAccount':
      return { kind: 'ended', nodeId, title: `The account was closed as ${String(input['outcome'])}`, why: null };
    default:
      return null;
  }
}
