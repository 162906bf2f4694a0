import { z } from 'zod';
import { pagingQuerySchema, uuidSchema } from './common.dto.ts';
import { disputeViewSchema } from './disputes.dto.ts';
import { moneySchema } from './money.dto.ts';
import { promiseViewSchema } from './promises.dto.ts';
import { taskViewSchema } from './tasks.dto.ts';

export const accountListQuerySchema = pagingQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  /** Accounts assigned to this collector, to the caller ('me'), or to nobody ('none'); within what the caller sees. */
  assignee: z.union([uuidSchema, z.literal('me'), z.literal('none')]).optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

export const accountSummarySchema = z.object({
  id: z.string(),
  externalRef: z.string(),
  name: z.string(),
  customerType: z.string(),
  segment: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  riskScore: z.number().int().nullable(),
  assignedCollectorId: z.string().nullable(),
  /** The debtor asked us to stop communicating: every reminder on every channel is suppressed. */
  ceaseCommunication: z.boolean(),
  ceaseCommunicationAt: z.string().nullable(),
  balance: z.array(moneySchema),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** One clue to where a debtor is, and whether contact hours were judged by it. */
export const zoneClueViewSchema = z.object({
  source: z.enum(['phone', 'address']),
  zones: z.array(z.string()),
  detail: z.string(),
  used: z.boolean(),
});

/**
 * The zones contact hours must hold in for a contact: the recorded zone; or, with none recorded, every zone the
 * phone number and the address point to; or, with no clue either, the account's zone. Said in words too.
 */
export const debtorZonesViewSchema = z.object({
  basis: z.enum(['recorded', 'derived', 'account']),
  zones: z.array(z.string()),
  clues: z.array(zoneClueViewSchema),
  explanation: z.string(),
});
export type DebtorZonesView = z.infer<typeof debtorZonesViewSchema>;

export const contactViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** The zone recorded for the contact; null when none was, and then `zones` says which are read from the clues. */
  timeZone: z.string().nullable(),
  zones: debtorZonesViewSchema,
  isPrimary: z.boolean(),
  postalAddress: z.string().nullable(),
  consent: z.object({ email: z.boolean(), sms: z.boolean(), phone: z.boolean(), letter: z.boolean() }),
  /** When the contact opted out of each channel, or null. */
  optedOut: z.object({ email: z.string().nullable(), sms: z.string().nullable(), letter: z.string().nullable() }),
});

/** What the payment model predicted for an open invoice when it last scored it. */
export const invoicePredictionViewSchema = z.object({
  /** The day it was scored, YYYY-MM-DD. */
  asOf: z.string(),
  /** Chance of payment after the due date, and more than 30 days after it, 0–100. */
  lateProbability: z.number().int(),
  veryLateProbability: z.number().int(),
  /** The predicted payment date and the interval 80 % of payments fall in. */
  payDate: z.string(),
  payDateLow: z.string(),
  payDateHigh: z.string(),
  daysLate: z.number().int(),
  confidence: z.enum(['normal', 'low']),
  /** The features that moved the chance of late payment most, strongest first, in words. */
  reasons: z.array(z.object({ feature: z.string(), text: z.string(), effect: z.number() })),
});
export type InvoicePredictionView = z.infer<typeof invoicePredictionViewSchema>;

export const invoiceViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  amount: moneySchema,
  open: moneySchema,
  status: z.string(),
  daysPastDue: z.number().int(),
  agingBucket: z.string(),
  /** Null for a closed invoice, or one not scored yet. */
  prediction: invoicePredictionViewSchema.nullable(),
});

/** The account's predicted behaviour from its open invoices' predictions, weighted by what is open. */
export const accountPredictionViewSchema = z.object({
  riskScore: z.number().int(),
  lateProbability: z.number().int(),
  predictedDaysLate: z.number().int(),
  /** The day by which half of the open amount is predicted to be paid. */
  predictedPayDate: z.string(),
  /** "paid 4 of the last 5 invoices late, 12 days on average"; null without paid invoices. */
  recent: z.string().nullable(),
  confidence: z.enum(['normal', 'low']),
});

export const paymentViewSchema = z.object({
  id: z.string(),
  amount: moneySchema,
  unallocated: moneySchema,
  receivedAt: z.string(),
  reference: z.string(),
  payerName: z.string().nullable(),
  allocations: z.array(z.object({ id: z.string(), invoiceId: z.string(), amountMinor: z.string() })),
});

export const communicationViewSchema = z.object({
  id: z.string(),
  channel: z.string(),
  /** 'inbound': the debtor wrote it (in the portal); 'outbound': it went to the debtor. */
  direction: z.enum(['outbound', 'inbound']),
  templateKey: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.string(),
  /** Why it was deferred, suppressed or failed. */
  reason: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** A rendered message to read at GET /api/accounts/:id/communications/:communicationId. */
  hasBody: z.boolean(),
});

export type CommunicationView = z.infer<typeof communicationViewSchema>;

/** One rendered message as it went out (or would have), to read on the account page. */
export const communicationBodySchema = communicationViewSchema.extend({
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
});
export type CommunicationBody = z.infer<typeof communicationBodySchema>;

export const communicationParamsSchema = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  communicationId: z.uuid({ message: 'must be a UUID' }),
});

export const noteViewSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  body: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  taskId: z.string().nullable(),
  createdAt: z.string(),
});
export type NoteView = z.infer<typeof noteViewSchema>;

export const newNoteRequestSchema = z.object({
  body: z.string().trim().min(1, { message: 'write something' }).max(4000),
});
export type NewNoteRequest = z.infer<typeof newNoteRequestSchema>;

const zoneClockSchema = z.object({
  timeZone: z.string(),
  /** YYYY-MM-DD on the debtor's calendar. */
  date: z.string(),
  /** HH:MM on the debtor's clock. */
  time: z.string(),
  /** Inside the contact hours of the account's customer type, in this zone. */
  withinContactHours: z.boolean(),
});

/**
 * The debtor's wall clock now, so a collector sees whether it is a civil hour to call: in every zone the contact a
 * call reaches may be in. The top-level fields are those of the first zone, and `withinContactHours` holds only
 * when it holds in all of them.
 */
export const debtorLocalTimeSchema = zoneClockSchema.extend({
  zones: z.array(zoneClockSchema),
  /** The contact calls are judged for; null when the account has none. */
  contactId: z.string().nullable(),
  explanation: z.string(),
  contactHours: z.object({ start: z.string(), end: z.string() }),
});

export const DECISION_STEP_KIND_VALUES = [
  'started',
  'condition',
  'switch',
  'wait',
  'reminder',
  'task',
  'task-outcome',
  'escalation',
  'assignment',
  'tags',
  'payment-plan',
  'promise',
  'payment',
  'dispute',
  'portal',
  'account-changed',
  'migrated',
  'ended',
] as const;

export const decisionStepSchema = z.object({
  eventId: z.string(),
  at: z.string().nullable(),
  kind: z.enum(DECISION_STEP_KIND_VALUES),
  nodeId: z.string().nullable(),
  nodeLabel: z.string().nullable(),
  title: z.string(),
  why: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()),
});
export type DecisionStepView = z.infer<typeof decisionStepSchema>;

/** GET /api/accounts/:id/timeline: why the workflow did what it did, from its history. */
export const decisionTimelineSchema = z.object({
  steps: z.array(decisionStepSchema),
  /** Why the timeline is missing or incomplete (no workflow yet, Temporal not answering). */
  unavailable: z.string().nullable(),
});
export type DecisionTimeline = z.infer<typeof decisionTimelineSchema>;

export const accountDetailSchema = z.object({
  account: accountSummarySchema.omit({ balance: true }),
  contacts: z.array(contactViewSchema),
  invoices: z.array(invoiceViewSchema),
  payments: z.array(paymentViewSchema),
  communications: z.array(communicationViewSchema),
  tasks: z.array(taskViewSchema),
  promises: z.array(promiseViewSchema),
  disputes: z.array(disputeViewSchema),
  notes: z.array(noteViewSchema),
  debtorLocalTime: debtorLocalTimeSchema,
  balance: z.array(moneySchema),
  prediction: accountPredictionViewSchema.nullable(),
  workflow: z.unknown().nullable(),
  workflowError: z.string().optional(),
});
export type AccountDetail = z.infer<typeof accountDetailSchema>;

export const ceaseCommunicationRequestSchema = z.object({
  reason: z.string().trim().min(1, { message: 'say why communication is to cease' }).max(2000),
});
export type CeaseCommunicationRequest = z.infer<typeof ceaseCommunicationRequestSchema>;

export const resumeCommunicationRequestSchema = z.object({
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type ResumeCommunicationRequest = z.infer<typeof resumeCommunicationRequestSchema>;

export const ceaseCommunicationViewSchema = z.object({
  accountId: z.string(),
  ceaseCommunication: z.boolean(),
  ceaseCommunicationAt: z.string().nullable(),
});
export type CeaseCommunicationView = z.infer<typeof ceaseCommunicationViewSchema>;
