import { z } from 'zod';
import { uuidSchema } from './common.dto.ts';

// The admin console's workflow list and inspector. Filters map onto Temporal visibility: the execution status
// and the custom Keyword search attributes the collection workflow keeps (version, node, segment, collector).

export const WORKFLOW_STATUSES = [
  'running',
  'paused',
  'completed',
  'failed',
  'terminated',
  'canceled',
  'timed-out',
  'continued-as-new',
] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** A keyword as search attributes hold it: printable, without quotes, so it can never escape the visibility query. */
const keywordSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(200)
  .regex(/^[^'"\\\p{Cc}]+$/u, { message: 'must not contain quotes, backslashes or control characters' });

export const workflowListQuerySchema = z.object({
  status: z.enum(WORKFLOW_STATUSES).optional(),
  strategyVersionId: uuidSchema.optional(),
  nodeId: keywordSchema.optional(),
  segment: keywordSchema.optional(),
  collectorId: uuidSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  /** The opaque cursor of the next page, as the previous page returned it (the API checks it is its own). */
  pageToken: z.string().max(4000).regex(/^[A-Za-z0-9+/=_.-]*$/, { message: 'is not a page token' }).optional(),
});
export type WorkflowListQuery = z.infer<typeof workflowListQuerySchema>;

export const workflowListItemSchema = z.object({
  accountId: z.string(),
  /** Null when the account no longer exists in the database. */
  accountName: z.string().nullable(),
  workflowId: z.string(),
  runId: z.string(),
  status: z.enum(WORKFLOW_STATUSES),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  strategyVersionId: z.string().nullable(),
  /** "Strategy name v3", when the version is known. */
  strategyVersionLabel: z.string().nullable(),
  nodeId: z.string().nullable(),
  nodeLabel: z.string().nullable(),
  segment: z.string().nullable(),
  collectorId: z.string().nullable(),
  collectorName: z.string().nullable(),
  /** The inspector page of the account's workflow in the web app. */
  inspectorPath: z.string(),
});
export type WorkflowListItem = z.infer<typeof workflowListItemSchema>;

export const workflowListResponseSchema = z.object({
  items: z.array(workflowListItemSchema),
  /** How many workflows match the filters; null when the server cannot count. */
  total: z.number().int().nullable(),
  nextPageToken: z.string().nullable(),
});
export type WorkflowListResponse = z.infer<typeof workflowListResponseSchema>;

const optionSchema = z.object({ value: z.string(), label: z.string() });
export const workflowFilterOptionsSchema = z.object({
  strategyVersions: z.array(optionSchema.extend({ nodes: z.array(optionSchema) })),
  segments: z.array(z.string()),
  collectors: z.array(optionSchema),
});
export type WorkflowFilterOptions = z.infer<typeof workflowFilterOptionsSchema>;

/** Pause, resume and terminate all need a reason, which goes to the audit log. */
export const workflowActionRequestSchema = z.object({
  reason: z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }).max(2000),
});
export type WorkflowActionRequest = z.infer<typeof workflowActionRequestSchema>;

export const WORKFLOW_ACTIONS = ['pause', 'resume', 'terminate'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const workflowActionRecordSchema = z.object({
  at: z.string(),
  action: z.enum(WORKFLOW_ACTIONS),
  reason: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type WorkflowActionRecord = z.infer<typeof workflowActionRecordSchema>;

export const workflowInspectionSchema = z.object({
  account: z.object({ id: z.string(), name: z.string(), externalRef: z.string() }),
  /** Null when the account has no collection workflow in Temporal. */
  workflow: z
    .object({
      workflowId: z.string(),
      runId: z.string(),
      status: z.enum(WORKFLOW_STATUSES),
      startedAt: z.string(),
      closedAt: z.string().nullable(),
    })
    .nullable(),
  /** What the workflow's state query says; null when it has ended or did not answer. */
  state: z
    .object({
      nodeId: z.string(),
      nodeLabel: z.string().nullable(),
      strategyVersionId: z.string(),
      nextAction: z.object({ kind: z.string(), at: z.string().nullable(), description: z.string() }).nullable(),
      balance: z.object({ amountMinor: z.string(), currency: z.string() }),
      paused: z.object({ since: z.string(), reason: z.string(), actorId: z.string() }).nullable(),
    })
    .nullable(),
  /** Why the state is missing while the workflow runs (no worker answered, ...). */
  stateError: z.string().nullable(),
  /** The same workflow in the Temporal Web UI; null when no UI URL is configured. */
  temporalUiUrl: z.string().nullable(),
  historyJsonPath: z.string(),
  /** Pauses, resumes and terminations of this account's workflow, newest first. */
  actions: z.array(workflowActionRecordSchema),
});
export type WorkflowInspection = z.infer<typeof workflowInspectionSchema>;

export const TIMELINE_KINDS = ['run', 'timer', 'activity', 'decision', 'message', 'admin', 'failure'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntrySchema = z.object({
  /** The history event ids this entry stands for (an activity's scheduling and its result are one entry). */
  eventIds: z.array(z.string()),
  at: z.string().nullable(),
  kind: z.enum(TIMELINE_KINDS),
  title: z.string(),
  /** One or two sentences an admin can read without knowing Temporal. */
  summary: z.string(),
  /** For decisions: the comparisons that held. */
  matched: z.array(z.string()).optional(),
  /** For decisions: the facts the rules were evaluated on. */
  facts: z.record(z.string(), z.unknown()).optional(),
  input: z.unknown().optional(),
  result: z.unknown().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const workflowTimelineSchema = z.object({ accountId: z.string(), entries: z.array(timelineEntrySchema) });
export type WorkflowTimeline = z.infer<typeof workflowTimelineSchema>;

/** One event of a workflow's history in readable form, as the inspector lists it. */
export const workflowHistoryEventSchema = z.object({
  eventId: z.string(),
  eventTime: z.string().nullable(),
  /** Temporal's event type without its prefix: TimerStarted, ActivityTaskCompleted, ... */
  eventType: z.string(),
  /** A one-line human summary (timer started for 3 days, activity sendReminder completed, ...). */
  summary: z.string(),
  /** Decoded attributes of the event (payloads decoded to JSON). */
  details: z.record(z.string(), z.unknown()),
});
export type WorkflowHistoryEvent = z.infer<typeof workflowHistoryEventSchema>;

export const workflowHistorySchema = z.object({ accountId: z.string(), events: z.array(workflowHistoryEventSchema) });
export type WorkflowHistory = z.infer<typeof workflowHistorySchema>;

// Temporal's codec-server protocol, for the Web UI and `temporal workflow show --codec-endpoint`: POST .../decode and
// .../encode take and answer `{ payloads: [{ metadata: { name: base64 }, data: base64 }] }` (Payloads as proto3 JSON).

/** The UI and the CLI send a few payloads at a time. */
export const TEMPORAL_CODEC_MAX_PAYLOADS = 1_000;

/** Standard or URL-safe base64, both of which proto3 JSON readers accept. */
const base64Schema = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, { message: 'must be base64' });

/** One payload as proto3 JSON writes it. */
export const temporalPayloadJsonSchema = z.object({
  metadata: z
    // zod would drop a field named __proto__ without a word; a codec must not change a payload silently.
    .custom<unknown>((value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'), {
      message: 'must not have a field named __proto__',
    })
    .pipe(z.record(z.string().min(1).max(256), base64Schema))
    .optional(),
  data: base64Schema.optional(),
});
export type TemporalPayloadJson = z.infer<typeof temporalPayloadJsonSchema>;

export const temporalCodecRequestSchema = z.object({ payloads: z.array(temporalPayloadJsonSchema).max(TEMPORAL_CODEC_MAX_PAYLOADS) });
export type TemporalCodecRequest = z.infer<typeof temporalCodecRequestSchema>;

/** The payloads decoded or encoded, in the order they came; each with its metadata and data, in standard base64. */
export const temporalCodecResponseSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64Schema), data: base64Schema })),
});
export type TemporalCodecResponse = z.infer<typeof temporalCodecResponseSchema>;
