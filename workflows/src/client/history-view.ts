import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { HistoryEventView } from './collection-client.ts';

export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

// Temporal's proto enum names, e.g. EVENT_TYPE_TIMER_STARTED -> TimerStarted.
export const EVENT_TYPE_NAMES: Record<number, string> = {
  1: 'WorkflowExecutionStarted', 2: 'WorkflowExecutionCompleted', 3: 'WorkflowExecutionFailed',
  4: 'WorkflowExecutionTimedOut', 5: 'WorkflowTaskScheduled', 6: 'WorkflowTaskStarted', 7: 'WorkflowTaskCompleted',
  8: 'WorkflowTaskTimedOut', 9: 'WorkflowTaskFailed', 10: 'ActivityTaskScheduled', 11: 'ActivityTaskStarted',
  12: 'ActivityTaskCompleted', 13: 'ActivityTaskFailed', 14: 'ActivityTaskTimedOut', 15: 'ActivityTaskCancelRequested',
  16: 'ActivityTaskCanceled', 17: 'TimerStarted', 18: 'TimerFired', 19: 'TimerCanceled',
  20: 'WorkflowExecutionCancelRequested', 21: 'WorkflowExecutionCanceled', 26: 'WorkflowExecutionSignaled',
  27: 'WorkflowExecutionTerminated', 28: 'WorkflowExecutionContinuedAsNew', 25: 'MarkerRecorded',
  40: 'UpsertWorkflowSearchAttributes', 41: 'WorkflowExecutionUpdateAccepted', 42: 'WorkflowExecutionUpdateRejected',
  43: 'WorkflowExecutionUpdateCompleted', 47: 'WorkflowExecutionUpdateAdmitted',
};

export function decode(payloads: { payloads?: Payload[] | null } | null | undefined): unknown[] {
  return (payloads?.payloads ?? []).map((p) => {
    try {
      return defaultPayloadConverter.fromPayload(p);
    } catch {
      return '<undecodable payload>';
    }
  });
}

export function timeOf(event: HistoryEvent): string | null {
  const t = event.eventTime;
  if (!t?.seconds) return null;
  return new Date(Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString();
}

export function seconds(d: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return Number(d?.seconds ?? 0) + (d?.nanos ?? 0) / 1e9;
}

export function humanDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.round((totalSeconds % 3600) / 60);
  return [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean).join(' ') || `${totalSeconds.toFixed(0)}s`;
}

/** Turns raw history events into a readable timeline with decoded inputs and results. */
export function toHistoryView(events: HistoryEvent[]): HistoryEventView[] {
  const activityNames = new Map<string, string>();
  const updateNames = new Map<string, string>();
  return events.map((event) => {
    const eventType = EVENT_TYPE_NAMES[Number(event.eventType)] ?? `Event${String(event.eventType)}`;
    const eventId = String(event.eventId ?? '');
    let summary = eventType;
    let details: Record<string, unknown> = {};
    const started = event.workflowExecutionStartedEventAttributes;
    const scheduled = event.activityTaskScheduledEventAttributes;
    const completed = event.activityTaskCompletedEventAttributes;
    const failed = event.activityTaskFailedEventAttributes;
    const timer = event.timerStartedEventAttributes;
    const signaled = event.workflowExecutionSignaledEventAttributes;
    const updateAccepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    const updateCompleted = event.workflowExecutionUpdateCompletedEventAttributes;
    const wfCompleted = event.workflowExecutionCompletedEventAttributes;
    const marker = event.markerRecordedEventAttributes;
    const updateRejected = event.workflowExecutionUpdateRejectedEventAttributes;
    const upserted = event.upsertWorkflowSearchAttributesEventAttributes;
    const wfFailed = event.workflowExecutionFailedEventAttributes;
    if (started) {
      details = { input: decode(started.input) };
      summary = `Workflow started (${started.workflowType?.name ?? ''})`;
    } else if (scheduled) {
      const name = scheduled.activityType?.name ?? 'activity';
      activityNames.set(eventId, name);
      details = { activity: name, input: decode(scheduled.input) };
      summary = `Activity ${name} scheduled`;
    } else if (completed) {
      const name = activityNames.get(String(completed.scheduledEventId ?? '')) ?? 'activity';
      details = { activity: name, result: decode(completed.result)[0] };
      summary = `Activity ${name} completed`;
    } else if (failed) {
      const name = activityNames.get(String(failed.scheduledEventId ?? '')) ?? 'activity';
      details = { activity: name, failure: failed.failure?.message };
      summary = `Activity ${name} failed: ${failed.failure?.message ?? ''}`;
    } else if (marker?.markerName === 'core_local_activity') {
      // A local activity: its type sits in the marker's 'data' detail, its result in 'result'.
      const data = decode(marker.details?.data)[0] as { activity_type?: string } | undefined;
      const name = data?.activity_type ?? 'local activity';
      details = { activity: name, local: true, result: decode(marker.details?.result)[0] };
      summary = `Local activity ${name} completed`;
    } else if (timer) {
      const s = seconds(timer.startToFireTimeout);
      details = { timerId: timer.timerId, seconds: s };
      summary = `Timer started for ${humanDuration(s)}`;
    } else if (event.timerFiredEventAttributes) {
      summary = 'Timer fired';
    } else if (event.timerCanceledEventAttributes) {
      summary = 'Timer canceled (a message arrived first)';
    } else if (signaled) {
      details = { signal: signaled.signalName, input: decode(signaled.input) };
      summary = `Signal ${signaled.signalName ?? ''} received`;
    } else if (updateAccepted) {
      const req = updateAccepted.acceptedRequest;
      if (updateAccepted.protocolInstanceId) updateNames.set(updateAccepted.protocolInstanceId, req?.input?.name ?? '');
      details = { update: req?.input?.name, input: decode(req?.input?.args) };
      summary = `Update ${req?.input?.name ?? ''} accepted`;
    } else if (updateCompleted) {
      const name = updateNames.get(updateCompleted.meta?.updateId ?? '') ?? '';
      const failure = updateCompleted.outcome?.failure;
      details = { update: name, ...(failure ? { failure: failure.message } : { result: decode(updateCompleted.outcome?.success)[0] }) };
      summary = failure ? `Update ${name} failed: ${failure.message ?? ''}` : `Update ${name} completed`.replace('  ', ' ');
    } else if (updateRejected) {
      const req = updateRejected.rejectedRequest;
      details = { update: req?.input?.name, input: decode(req?.input?.args), failure: updateRejected.failure?.message };
      summary = `Update ${req?.input?.name ?? ''} refused: ${updateRejected.failure?.message ?? ''}`;
    } else if (upserted) {
      const fields = upserted.searchAttributes?.indexedFields ?? {};
      details = { searchAttributes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, decode({ payloads: [v] })[0]])) };
      summary = `Search attributes set: ${Object.keys(fields).join(', ')}`;
    } else if (wfFailed) {
      details = { failure: wfFailed.failure?.message };
      summary = `Workflow failed: ${wfFailed.failure?.message ?? ''}`;
    } else if (wfCompleted) {
      details = { result: decode(wfCompleted.result)[0] };
      summary = 'Workflow completed';
    } else if (event.workflowExecutionContinuedAsNewEventAttributes) {
      summary = 'Continued as new';
    } else if (event.workflowExecutionTerminatedEventAttributes) {
      details = { reason: event.workflowExecutionTerminatedEventAttributes.reason };
      summary = `Terminated: ${event.workflowExecutionTerminatedEventAttributes.reason ?? ''}`;
    }
    return { eventId, eventTime: timeOf(event), eventType, summary, details };
  });
}
