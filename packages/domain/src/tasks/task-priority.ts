import { isCurrency, currencyExponent } from '../currencies.ts';

// How urgent a collector task is. One pure function so the inbox, its tests and the bench agree on the order, and
// the parts are returned so the collector can see why a task sits where it does.

/** What a strategy's task node says about urgency; absent means 'normal'. */
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export interface TaskPriorityInput {
  /** The account's overdue amount (open and past due) in minor units of `currency`. */
  overdueMinor: bigint;
  currency: string;
  /** Days past due of the oldest open invoice; 0 or less when nothing is overdue. */
  daysPastDue: number;
  /** The debtor's risk score, 0 (safe) to 1000 (certain loss); null when unknown. */
  riskScore: number | null;
  /** The priority the strategy's task node set. */
  strategyPriority: TaskPriority;
  /** When the task falls due, and the moment to judge it at (the domain has no clock). */
  dueAt: Date;
  now: Date;
}

export interface TaskPriorityScore {
  /** Higher is more urgent; the sum of the parts' points, never below 0. */
  score: number;
  parts: {
    overdue: { amountMinor: string; currency: string; points: number };
    age: { daysPastDue: number; points: number };
    taskOverdue: { hours: number; points: number };
    risk: { score: number | null; points: number };
    strategy: { priority: TaskPriority; points: number };
  };
}

/** Points per tenfold of the overdue amount in major units: 100 -> 14, 1,000 -> 21, 10,000 -> 28, 100,000 -> 35. */
const AMOUNT_POINTS_PER_DECADE = 7;
const AMOUNT_MAX = 42;
/** Days past due count linearly up to a quarter of a year. */
const AGE_MAX_DAYS = 90;
const AGE_MAX = 25;
/** A task past its own due time gains points, one per 12 hours, after a first step for being late at all. */
const TASK_LATE_POINTS = 4;
const TASK_MAX = 10;
/** Risk scores run to 1000; a fifth of a point per ten. */
const RISK_SCALE = 1000;
const RISK_MAX = 20;
const STRATEGY_POINTS: Record<TaskPriority, number> = { low: -10, normal: 0, high: 10, urgent: 20 };

const HOUR_MS = 3_600_000;

/** Digits of a positive bigint less one: a whole-number log10 that needs no floating point on the money itself. */
function decades(value: bigint): number {
  return value <= 0n ? -1 : value.toString().length - 1;
}

function amountPoints(overdueMinor: bigint, currency: string): number {
  if (overdueMinor <= 0n) return 0;
  const exponent = isCurrency(currency) ? currencyExponent(currency) : 2;
  const major = overdueMinor / 10n ** BigInt(exponent);
  if (major <= 0n) return 1;
  const whole = decades(major);
  // The leading digits place the amount within its decade (1,250 ranks above 1,000), in tenths of a decade.
  const lead = Number(major.toString().slice(0, 2).padEnd(2, '0'));
  const tenths = Math.floor(10 * Math.log10(lead / 10));
  return Math.min(AMOUNT_MAX, Math.round(AMOUNT_POINTS_PER_DECADE * (whole + tenths / 10)) + 1);
}

export function taskPriority(input: TaskPriorityInput): TaskPriorityScore {
  const days = Math.max(0, input.daysPastDue);
  const agePoints = Math.round((Math.min(days, AGE_MAX_DAYS) * AGE_MAX) / AGE_MAX_DAYS);
  const lateMs = input.now.getTime() - input.dueAt.getTime();
  const lateHours = lateMs > 0 ? Math.floor(lateMs / HOUR_MS) : 0;
  const taskPoints = lateMs > 0 ? Math.min(TASK_MAX, TASK_LATE_POINTS + Math.floor(lateHours / 12)) : 0;
  const risk = input.riskScore === null ? null : Math.max(0, Math.min(RISK_SCALE, input.riskScore));
  const riskPoints = risk === null ? 0 : Math.round((risk * RISK_MAX) / RISK_SCALE);
  const overduePoints = amountPoints(input.overdueMinor, input.currency);
  const strategyPoints = STRATEGY_POINTS[input.strategyPriority];
  return {
    score: Math.max(0, overduePoints + agePoints + taskPoints + riskPoints + strategyPoints),
    parts: {
      overdue: { amountMinor: input.overdueMinor.toString(), currency: input.currency, points: overduePoints },
      age: { daysPastDue: days, points: agePoints },
      taskOverdue: { hours: lateHours, points: taskPoints },
      risk: { score: input.riskScore, points: riskPoints },
      strategy: { priority: input.strategyPriority, points: strategyPoints },
    },
  };
}

/** Most urgent first; equal scores go to the task due earliest, then by id so the order is stable. */
export function compareByPriority(
  a: { score: number; dueAt: Date; id: string },
  b: { score: number; dueAt: Date; id: string },
): number {
  return b.score - a.score || a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
