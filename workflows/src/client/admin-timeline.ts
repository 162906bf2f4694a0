import type { TimelineEntry } from '@recoup/contracts';
import { formatMoney } from '@recoup/domain';
import { decode, humanDuration, seconds, timeOf, type HistoryEvent } from './history-view.ts';

// The admin inspector's reading of a collection workflow's history: one entry per thing that happened (an
// activity with its input and result, a wait and how it ended, a message, a decision with the facts it saw),
// rather than Temporal's scheduled/started/completed triples. Workflow task bookkeeping is left out.

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

/** Minor units and a currency in words; the decimal string never passes through a float. */
function amount(amountMinor: unknown, currency: unknown): string {
  if (typeof amountMinor !== 'string' || !/^-?\d+$/.test(amountMinor) || typeof currency !== 'string') return `${text(amountMinor)} ${text(currency)}`;
  try {
    return formatMoney({ amountMinor: BigInt(amountMinor), currency } as Parameters<typeof formatMoney>[0]);
  } catch {
    return `${amountMinor} ${currency} (minor units)`;
  }
}

const ACTIVITY_TITLES: Record<string, string> = {
  sendReminder: 'Reminder',
  createTask: 'Collector task',
  escalate: 'Escalation',
  assignCollector: 'Collector assignment',
  setTags: 'Segment and tags',
  createPaymentPlan: 'Payment plan',
  checkPromise: 'Promise to pay checked',
  closeAccount: 'Account closed',
};

/** What a side-effect activity did, from its input and result. */
function describeActivity(name: string, input: Json, result: unknown): string {
  const r = isRecord(result) ? result : {};
  switch (name) {
    case 'sendReminder':
      return r['status'] === 'deferred'
        ? `${text(input['channel'])} reminder "${text(input['template'])}" deferred until ${text(r['deferredUntil'])}: ${text(r['reason'])}.`
        : `${text(input['channel'])} reminder "${text(input['template'])}" ${text(r['status']) || 'sent'}.`;
    case 'createTask':
      return r['status'] === 'deferred'
        ? `${text(input['taskType'])} task deferred until ${text(r['deferredUntil'])}: ${text(r['reason'])}.`
        : `${text(input['taskType'])} task ${r['created'] === false ? 'already existed' : 'created'}${r['assigneeId'] ? ` for collector ${text(r['assigneeId'])}` : ', waiting in the queue'}.`;
    case 'escalate':
      return `Escalated to level ${text(input['level'])} (${text(input['action'])}).`;
    case 'assignCollector':
      return r['assigneeId'] ? `Assigned to collector ${text(r['assigneeId'])} from pool ${text(r['pool'])}: ${text(r['reason'])}.` : `Queued in pool ${text(r['pool'])}: ${text(r['reason'])}.`;
    case 'setTags':
      return `Segment ${text(r['segment'])}; tags ${Array.isArray(r['tags']) && r['tags'].length > 0 ? r['tags'].map(text).join(', ') : 'none'}.`;
    case 'createPaymentPlan':
      return `Plan ${text(r['planId'])} created.`;
    case 'checkPromise':
      return `Promise ${text(input['promiseId'])} is ${text(r['status'])}.`;
    case 'closeAccount':
      return `Account closed as ${text(input['outcome'])}.`;
    default:
      return `${name} completed.`;
  }
}

function describeSignal(name: string, input: unknown): string {
  const message = isRecord(input) ? input : {};
  switch (name) {
    case 'paymentApplied':
      return `Payment ${text(message['paymentId'])} of ${amount(message['amountMinor'], message['currency'])} applied.`;
    case 'accountChanged':
      return "The account's figures changed (a credit, a reversal or a resolved dispute).";
    case 'disputeOpened':
      return 'A dispute was opened on some of the items.';
    case 'portalVisited':
      return 'The debtor opened the portal.';
    case 'planRequested':
      return 'The debtor asked for a payment plan outside the policy; a collector reviews it.';
    default:
      return `Signal ${name}.`;
  }
}

function describeUpdate(name: string, input: unknown): { kind: TimelineEntry['kind']; title: string; summary: string } {
  const message = isRecord(input) ? input : {};
  switch (name) {
    case 'completeTask':
      return { kind: 'message', title: 'Task outcome', summary: `The collector recorded "${text(message['outcome'])}".` };
    case 'recordPromise':
      return {
        kind: 'message',
        title: 'Promise to pay',
        summary: `${amount(message['amountMinor'], message['currency'])} promised by ${text(message['dueDate'])}.`,
      };
    case 'recordArrangement': {
      const promise = isRecord(message['promise']) ? message['promise'] : null;
      const plan = isRecord(message['plan']) ? message['plan'] : null;
      const who = message['origin'] === 'portal' ? 'The debtor, in the portal,' : 'A collector, reviewing the debtor’s request,';
      const installments = plan && Array.isArray(plan['installments']) ? plan['installments'].length : 0;
      return {
        kind: 'message',
        title: promise ? 'Promise to pay' : 'Payment plan',
        summary: promise
          ? `${who} promised ${amount(promise['amountMinor'], promise['currency'])} by ${text(promise['dueDate'])}.`
          : `${who} set up a plan of ${installments} installments.`,
      };
    }
    case 'migrateStrategy':
      return { kind: 'admin', title: 'Strategy migration', summary: `Moved to strategy version ${text(message['strategyVersionId'])}.` };
    case 'pause':
      return { kind: 'admin', title: 'Paused', summary: `Paused by ${text(message['actorId'])}: ${text(message['reason'])}` };
    case 'resume':
      return { kind: 'admin', title: 'Resumed', summary: `Resumed by ${text(message['actorId'])}: ${text(message['reason'])}` };
    default:
      return { kind: 'message', title: `Update ${name}`, summary: `Update ${name}.` };
  }
}

function localActivityEntry(eventId: string, at: string | null, name: string, result: unknown): TimelineEntry {
  const r = isRecord(result) ? result : {};
  const matched = Array.isArray(r['matched']) ? r['matched'].map(text) : [];
  const facts = isRecord(r['facts']) ? r['facts'] : {};
  switch (name) {
    case 'evaluateCondition':
      return {
        eventIds: [eventId],
        at,
        kind: 'decision',
        title: 'Condition',
        summary: r['result'] === true ? `Held: the "yes" branch was taken${matched.length ? ` (${matched.join('; ')})` : ''}.` : 'Did not hold: the "no" branch was taken.',
        matched,
        facts,
        result,
      };
    case 'evaluateSwitch':
      return {
        eventIds: [eventId],
        at,
        kind: 'decision',
        title: 'Switch',
        summary: r['outcome'] ? `Outcome "${text(r['outcome'])}"${matched.length ? ` (${matched.join('; ')})` : ''}.` : 'No rule held: the default branch was taken.',
        matched,
        facts,
        result,
      };
    case 'loadAccountSnapshot':
      return {
        eventIds: [eventId],
        at,
        kind: 'activity',
        title: 'Account figures read',
        summary: `Balance ${amount(r['balanceMinor'], r['currency'])}; oldest open due date ${text(r['oldestDueAt']) || 'none'}.`,
        result,
      };
    case 'loadStrategyVersion':
      // The graph itself is in the raw history; here it would drown the timeline.
      return { eventIds: [eventId], at, kind: 'run', title: 'Strategy loaded', summary: `Strategy loaded (checksum ${text(r['checksum'])}).` };
    default:
      return { eventIds: [eventId], at, kind: 'activity', title: name, summary: `${name} completed.`, result };
  }
}

/** Turns raw history events into the admin's timeline, in the order things happened. */
export function toAdminTimeline(events: readonly HistoryEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const activities = new Map<string, { entry: TimelineEntry; name: string; input: Json }>();
  const timers = new Map<string, { entry: TimelineEntry; duration: string }>();
  for (const event of events) {
    const eventId = String(event.eventId ?? '');
    const at = timeOf(event);
    const started = event.workflowExecutionStartedEventAttributes;
    const scheduled = event.activityTaskScheduledEventAttributes;
    const completed = event.activityTaskCompletedEventAttributes;
    const failed = event.activityTaskFailedEventAttributes;
    const timedOut = event.activityTaskTimedOutEventAttributes;
    const marker = event.markerRecordedEventAttributes;
    const timerStarted = event.timerStartedEventAttributes;
    const timerFired = event.timerFiredEventAttributes;
    const timerCanceled = event.timerCanceledEventAttributes;
    const signaled = event.workflowExecutionSignaledEventAttributes;
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    const rejected = event.workflowExecutionUpdateRejectedEventAttributes;
    if (started) {
      const input = decode(started.input)[0];
      const carried = isRecord(input) && input['carried'] !== undefined;
      entries.push({
        eventIds: [eventId],
        at,
        kind: 'run',
        title: carried ? 'Run continued' : 'Collection started',
        summary: `${carried ? 'Continued as a new run' : 'Started'} on strategy version ${text(isRecord(input) ? input['strategyVersionId'] : '')}.`,
        input,
      });
    } else if (scheduled) {
      const name = scheduled.activityType?.name ?? 'activity';
      const input = decode(scheduled.input)[0];
      const title = ACTIVITY_TITLES[name] ?? name;
      const entry: TimelineEntry = { eventIds: [eventId], at, kind: 'activity', title, summary: `${title} under way.`, input };
      activities.set(eventId, { entry, name, input: isRecord(input) ? input : {} });
      entries.push(entry);
    } else if (completed || failed || timedOut) {
      const scheduledId = String((completed ?? failed ?? timedOut)?.scheduledEventId ?? '');
      const tracked = activities.get(scheduledId);
      if (!tracked) continue;
      const { entry } = tracked;
      entry.eventIds.push(eventId);
      if (completed) {
        entry.result = decode(completed.result)[0];
        entry.summary = describeActivity(tracked.name, tracked.input, entry.result);
      } else {
        const message = failed?.failure?.message ?? timedOut?.failure?.message ?? 'timed out';
        entry.kind = 'failure';
        entry.summary = `${entry.title} failed: ${message}`;
      }
    } else if (marker?.markerName === 'core_local_activity') {
      const data = decode(marker.details?.['data'])[0] as { activity_type?: string } | undefined;
      entries.push(localActivityEntry(eventId, at, data?.activity_type ?? 'local activity', decode(marker.details?.['result'])[0]));
    } else if (timerStarted) {
      const duration = humanDuration(seconds(timerStarted.startToFireTimeout));
      const entry: TimelineEntry = { eventIds: [eventId], at, kind: 'timer', title: 'Wait', summary: `Waiting ${duration}.` };
      timers.set(timerStarted.timerId ?? '', { entry, duration });
      entries.push(entry);
    } else if (timerFired || timerCanceled) {
      const tracked = timers.get((timerFired ?? timerCanceled)?.timerId ?? '');
      if (!tracked) continue;
      tracked.entry.eventIds.push(eventId);
      tracked.entry.summary = timerFired
        ? `Waited ${tracked.duration}; the wait ran out at ${at ?? 'an unknown time'}.`
        : `Wait of ${tracked.duration} ended early at ${at ?? 'an unknown time'}: a message arrived first.`;
    } else if (signaled) {
      const name = signaled.signalName ?? '';
      const input = decode(signaled.input)[0];
      entries.push({ eventIds: [eventId], at, kind: 'message', title: `Message: ${name}`, summary: describeSignal(name, input), input });
    } else if (accepted) {
      const request = accepted.acceptedRequest?.input;
      const input = decode(request?.args)[0];
      const described = describeUpdate(request?.name ?? '', input);
      entries.push({ eventIds: [eventId], at, ...described, input });
    } else if (rejected) {
      const request = rejected.rejectedRequest?.input;
      const described = describeUpdate(request?.name ?? '', decode(request?.args)[0]);
      entries.push({
        eventIds: [eventId],
        at,
        kind: 'failure',
        title: `${described.title} refused`,
        summary: rejected.failure?.message ?? 'Refused.',
      });
    } else if (event.workflowExecutionCompletedEventAttributes) {
      const result = decode(event.workflowExecutionCompletedEventAttributes.result)[0];
      const outcome = isRecord(result) ? text(result['outcome']) : '';
      entries.push({ eventIds: [eventId], at, kind: 'run', title: 'Collection ended', summary: `Ended: ${outcome || 'completed'}.`, result });
    } else if (event.workflowExecutionContinuedAsNewEventAttributes) {
      entries.push({ eventIds: [eventId], at, kind: 'run', title: 'Continued as new', summary: 'The history grew long: the run goes on in a fresh one with the same state.' });
    } else if (event.workflowExecutionTerminatedEventAttributes) {
      const reason = event.workflowExecutionTerminatedEventAttributes.reason ?? '';
      entries.push({ eventIds: [eventId], at, kind: 'admin', title: 'Terminated', summary: `Terminated: ${reason}` });
    } else if (event.workflowExecutionFailedEventAttributes) {
      entries.push({
        eventIds: [eventId],
        at,
        kind: 'failure',
        title: 'Workflow failed',
        summary: event.workflowExecutionFailedEventAttributes.failure?.message ?? 'Failed.',
      });
    } else if (event.workflowTaskFailedEventAttributes) {
      entries.push({
        eventIds: [eventId],
        at,
        kind: 'failure',
        title: 'Workflow task failed',
        summary: `The worker could not run the workflow's code: ${event.workflowTaskFailedEventAttributes.failure?.message ?? 'no reason given'}. Temporal retries it.`,
      });
    }
  }
  return entries;
}
