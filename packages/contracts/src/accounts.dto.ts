import { z } from 'zod';
import { pagingQuerySchema, uuidSchema } from './common.dto.ts';
import { moneySchema } from './money.dto.ts';
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

export const contactViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  isPrimary: z.boolean(),
  postalAddress: z.string().nullable(),
  consent: z.object({ email: z.boolean(), sms: z.boolean(), phone: z.boolean(), letter: z.boolean() }),
  /** When the contact opted out of each channel, or null. */
  optedOut: z.object({ email: z.string().nullable(), sms: z.string().nullable(), letter: z.string().nullable() }),
});

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
  templateKey: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.string(),
  /** Why it was deferred, suppressed or failed. */
  reason: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const accountDetailSchema = z.object({
  account: accountSummarySchema.omit({ balance: true }),
  contacts: z.array(contactViewSchema),
  invoices: z.array(invoiceViewSchema),
  payments: z.array(paymentViewSchema),
  communications: z.array(communicationViewSchema),
  tasks: z.array(taskViewSchema),
  balance: z.array(moneySchema),
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
