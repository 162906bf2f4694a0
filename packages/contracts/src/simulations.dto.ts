import { z } from 'zod';
import { dateTimeSchema, uuidSchema } from './common.dto.ts';

export const MAX_SIMULATION_DAYS = 730;
export const MAX_SIMULATED_PORTFOLIO = 20_000;
export const MAX_SIMULATED_ACCOUNT_IDS = 10_000;
export const MAX_SIMULATION_SAMPLES = 50;
/** Above this many accounts a simulation returns samples and summaries, not every account's timeline. */
export const MAX_TIMELINE_ACCOUNTS = 2_000;

const fraction = z.number().min(0).max(1);
const name = z.string().min(1).max(64);

export const simulationScenarioSchema = z
  .object({
    /** Probability that an account pays in full on its due date (when that date is still ahead). */
    payOnTime: fraction.default(0),
    /** Probability, per reminder sent, that it is paid in full 3 days later. */
    payAfterReminder: fraction.default(0),
    /** Relative weights of task outcomes by name; a task with no weighted outcome takes its first one. */
    taskOutcomes: z.record(name, fraction).optional(),
    /** Probability that a promise to pay or a plan installment is kept (paid at its due date); 0 when absent. */
    keepPromise: fraction.optional(),
    /** Probability, per reminder sent, that the debtor promises a day later to pay within a week. */
    promiseAfterReminder: fraction.optional(),
    /** Share of accounts that dispute everything two days after their first reminder. */
    disputeShare: fraction.optional(),
    /** Share of those disputes found valid (credited) rather than invalid; 0.5 when absent. */
    disputeValid: fraction.optional(),
    /** Days from a dispute to its resolution; 14 when absent. */
    disputeResolvedAfterDays: z.number().int().min(1).max(365).optional(),
    conditionResults: z
      .object({
        /** Forced results by condition node id. */
        fixed: z.record(name, z.boolean()).optional(),
        /** Facts the simulation cannot derive; replace the accounts' own (or the standard business's) values. */
        facts: z
          .object({
            customerType: z.enum(['consumer', 'business']).optional(),
            segment: name.optional(),
            riskScore: z.number().int().min(0).max(1000).nullable().optional(),
            openInvoiceCount: z.number().int().min(0).max(1_000_000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SimulationScenarioInput = z.infer<typeof simulationScenarioSchema>;

export const simulationRequestSchema = z
  .object({
    /** A published version to simulate; or give `graph` instead. */
    strategyVersionId: uuidSchema.optional(),
    /** A draft strategy document to simulate; it must pass validation. */
    graph: z.unknown().optional(),
    /** Real accounts, simulated with their current balances, due dates and facts; or give `portfolio` instead. */
    accountIds: z.array(uuidSchema).min(1).max(MAX_SIMULATED_ACCOUNT_IDS).optional(),
    /** A generated portfolio: the same size and seed always give the same accounts. */
    portfolio: z
      .object({ size: z.number().int().min(1).max(MAX_SIMULATED_PORTFOLIO), seed: z.number().int().default(1) })
      .strict()
      .optional(),
    days: z.number().int().min(1).max(MAX_SIMULATION_DAYS).default(90),
    /** Day 0 of the simulation; now when absent. */
    start: dateTimeSchema.optional(),
    /** Seeds the scenario's draws (who pays, task outcomes). */
    seed: z.number().int().default(1),
    scenario: simulationScenarioSchema.default({ payOnTime: 0, payAfterReminder: 0 }),
    /** How many accounts to return with their path through the graph. */
    sampleSize: z.number().int().min(0).max(MAX_SIMULATION_SAMPLES).default(MAX_SIMULATION_SAMPLES),
    /** Return every account's timeline too (up to MAX_TIMELINE_ACCOUNTS accounts). */
    includeTimelines: z.boolean().default(false),
  })
  .strict()
  .superRefine((body, ctx) => {
    const size = body.accountIds?.length ?? body.portfolio?.size ?? 0;
    if (body.includeTimelines && size > MAX_TIMELINE_ACCOUNTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['includeTimelines'],
        message: `every account's timeline is returned for at most ${MAX_TIMELINE_ACCOUNTS} accounts; use the samples and the daily summary for ${size}`,
      });
    }
    const hasVersion = body.strategyVersionId !== undefined;
    const hasGraph = body.graph !== undefined;
    if (hasVersion === hasGraph) {
      ctx.addIssue({
        code: 'custom',
        path: [hasVersion ? 'graph' : 'strategyVersionId'],
        message: hasVersion
          ? 'give either strategyVersionId or graph, not both'
          : 'give the strategyVersionId of a published version or a draft graph',
      });
    }
    const hasIds = body.accountIds !== undefined;
    const hasPortfolio = body.portfolio !== undefined;
    if (hasIds === hasPortfolio) {
      ctx.addIssue({
        code: 'custom',
        path: [hasIds ? 'portfolio' : 'accountIds'],
        message: hasIds ? 'give either accountIds or portfolio, not both' : 'give accountIds or a portfolio { size, seed }',
      });
    }
  });
export type SimulationRequest = z.infer<typeof simulationRequestSchema>;

const activityCounts = {
  reminders: z.number().int(),
  tasks: z.number().int(),
  escalations: z.number().int(),
  settlements: z.number().int(),
};

export const simulationDaySchema = z.object({ day: z.number().int(), date: z.string(), ...activityCounts });
export type SimulationDay = z.infer<typeof simulationDaySchema>;

export const simulationNodeCountsSchema = z.object({
  entered: z.number().int(),
  reminders: z.number().int(),
  tasks: z.number().int(),
  escalations: z.number().int(),
});

const simulationEventSchema = z.object({ day: z.number().int(), at: z.string(), nodeId: z.string(), kind: z.string(), detail: z.string() });

/** One account's whole timeline. */
export const simulationTimelineSchema = z.object({
  accountId: z.string(),
  outcome: z.string().nullable(),
  endNodeId: z.string(),
  events: z.array(simulationEventSchema),
});
export type SimulationTimeline = z.infer<typeof simulationTimelineSchema>;

export const simulationSampleSchema = z.object({
  accountId: z.string(),
  /** How the run ended, or null when it was still running at the end of the period. */
  outcome: z.string().nullable(),
  endNodeId: z.string(),
  /** Every node the account entered, in order, with the day it entered it. */
  path: z.array(z.object({ nodeId: z.string(), day: z.number().int() })),
  /** What happened to the account: reminders, tasks, escalations, payments, the end. */
  events: z.array(simulationEventSchema),
});
export type SimulationSample = z.infer<typeof simulationSampleSchema>;

export const simulationResponseSchema = z.object({
  strategyVersionId: z.string().nullable(),
  start: z.string(),
  days: z.number().int(),
  accounts: z.number().int(),
  perDay: z.array(simulationDaySchema),
  totals: z.object(activityCounts),
  perNode: z.record(z.string(), simulationNodeCountsSchema),
  /** Accounts by how their run ended; 'running' for those still running at the end of the period. */
  outcomes: z.record(z.string(), z.number().int()),
  samples: z.array(simulationSampleSchema),
  /** Every account's timeline, when the request asked for them. */
  timelines: z.array(simulationTimelineSchema).optional(),
});
export type SimulationResponse = z.infer<typeof simulationResponseSchema>;
