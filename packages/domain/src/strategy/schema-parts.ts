import { z } from 'zod';

// The pieces node settings are made of, shared by the node kinds' schemas (kinds/*.ts): rule conditions, names
// that become edge handles, tag names and the lists of allowed values.

/** A json-rules-engine condition tree: { all: [...] } | { any: [...] } | { not: ... } | { fact, operator, value }. */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; operator: string; value: unknown; path?: string };

export const ruleConditionSchema: z.ZodType<RuleCondition, RuleCondition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ruleConditionSchema) }).strict(),
    z.object({ any: z.array(ruleConditionSchema) }).strict(),
    z.object({ not: ruleConditionSchema }).strict(),
    z
      .object({
        fact: z.string().min(1),
        operator: z.string().min(1),
        value: z.unknown(),
        path: z.string().optional(),
      })
      .strict(),
  ]),
);

export const waitDataSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('duration'),
    days: z.number().int().min(0).default(0),
    hours: z.number().int().min(0).default(0),
    minutes: z.number().int().min(0).default(0),
  }),
  z.object({
    mode: z.literal('due-offset'),
    /** Days relative to the oldest open due date; negative means before it. */
    offsetDays: z.number().int().min(-365).max(3650),
  }),
]);

export const TASK_TYPES = ['call', 'review'] as const;
export const ASSIGNMENT_POLICIES = ['round-robin', 'least-loaded'] as const;
export const ESCALATION_ACTIONS = ['notify-manager', 'manager-review', 'legal-review', 'agency-handover'] as const;
export const END_OUTCOMES = ['settled', 'written-off', 'agency', 'completed'] as const;
export type EndOutcome = (typeof END_OUTCOMES)[number];
/** Reminder channels; each is sent through a provider adapter behind one interface. */
export const REMINDER_CHANNELS = ['email', 'sms', 'letter', 'webhook'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
/**
 * What a wait-for-event node can wake on; each is also the handle of the edge taken. 'timeout' is the edge taken
 * when none arrives in time.
 */
export const WAIT_EVENTS = ['payment', 'promise', 'promise-kept', 'promise-broken', 'dispute', 'task-outcome', 'portal-visited', 'promise-online', 'plan-requested'] as const;
export type WaitEvent = (typeof WAIT_EVENTS)[number];

/** A name that becomes an edge handle: outcomes of tasks and switches, collector pools. */
export const handleName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'use letters, digits, spaces, dots, dashes or underscores');

/** A tag or segment name. */
export const tagName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lower-case letters, digits, dots, dashes or underscores');

/** One prioritised rule of a switch or assign node: the highest priority that holds wins, ties go to list order. */
export const prioritisedRule = <K extends string>(key: K) =>
  z.object({
    [key]: handleName,
    priority: z.number().int().min(0).max(1000).default(0),
    condition: ruleConditionSchema,
  } as { [P in K]: typeof handleName } & { priority: z.ZodDefault<z.ZodNumber>; condition: typeof ruleConditionSchema });

export const switchRuleSchema = prioritisedRule('outcome');
export const assignRuleSchema = prioritisedRule('pool');

