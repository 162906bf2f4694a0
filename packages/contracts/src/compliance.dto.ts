import { z } from 'zod';
import { eventTimeSchema } from './common.dto.ts';

export const CUSTOMER_TYPE_VALUES = ['consumer', 'business'] as const;
export const CALL_OUTCOME_VALUES = ['conversation', 'no-answer', 'voicemail', 'busy', 'wrong-number'] as const;
/** Whether the call limits count per debt (invoice), as Reg F does, or over every call to the account. */
export const CALL_LIMIT_SCOPE_VALUES = ['debt', 'account'] as const;
/** Every rule a call can be refused under. */
export const CALL_RULE_VALUES = ['max-attempts-in-window', 'quiet-after-conversation', 'contact-hours', 'cease-communication'] as const;
export type CallRuleName = (typeof CALL_RULE_VALUES)[number];

export const customerTypeParamsSchema = z.object({ customerType: z.enum(CUSTOMER_TYPE_VALUES) });

const minuteOfDay = z.number().int().min(0).max(1440);

/** Contact hours (minutes after local midnight) and call limits for one customer type. */
export const complianceSettingSchema = z
  .object({
    contactStartMinutes: minuteOfDay,
    contactEndMinutes: minuteOfDay,
    maxCallAttempts: z.number().int().min(1).max(100),
    callWindowDays: z.number().int().min(1).max(90),
    quietDaysAfterConversation: z.number().int().min(0).max(90),
    /** Kept as it is when absent. */
    callLimitScope: z.enum(CALL_LIMIT_SCOPE_VALUES).optional(),
  })
  .strict()
  .refine((s) => s.contactStartMinutes < s.contactEndMinutes, {
    path: ['contactEndMinutes'],
    message: 'must be later than contactStartMinutes',
  });

export type ComplianceSettingInput = z.infer<typeof complianceSettingSchema>;

/** One customer type's settings as stored. */
export const complianceSettingViewSchema = z.object({
  customerType: z.enum(CUSTOMER_TYPE_VALUES),
  contactStartMinutes: z.number().int(),
  contactEndMinutes: z.number().int(),
  maxCallAttempts: z.number().int(),
  callWindowDays: z.number().int(),
  quietDaysAfterConversation: z.number().int(),
  callLimitScope: z.enum(CALL_LIMIT_SCOPE_VALUES),
  updatedAt: z.string(),
});
export type ComplianceSettingView = z.infer<typeof complianceSettingViewSchema>;

/** A telephone call placed to the debtor; refused when the call-frequency limits forbid it. */
export const callAttemptRequestSchema = z
  .object({
    outcome: z.enum(CALL_OUTCOME_VALUES),
    /**
     * When the call was placed; now when absent. Refused when more than 5 minutes ahead of the server's clock or
     * more than 7 days ago: a call logged later than that could change a call-limit window others already relied on.
     */
    placedAt: eventTimeSchema.optional(),
    taskId: z.uuid().optional(),
    /** The invoices (debts) the call was about; all open invoices of the account when absent. */
    invoiceIds: z.array(z.uuid()).min(1).max(100).optional(),
  })
  .strict();

export type CallAttemptRequest = z.infer<typeof callAttemptRequestSchema>;

/** A call as logged. */
export const callAttemptViewSchema = z.object({
  id: z.string(),
  placedAt: z.string(),
  outcome: z.enum(CALL_OUTCOME_VALUES),
  taskId: z.string().nullable(),
  userId: z.string().nullable(),
  invoiceIds: z.array(z.string()),
});
export type CallAttemptView = z.infer<typeof callAttemptViewSchema>;
