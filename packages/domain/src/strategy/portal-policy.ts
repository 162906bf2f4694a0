import { z } from 'zod';
import { addCalendarDays, parseCalendarDate } from '../calendar.ts';
import { isCurrency } from '../currencies.ts';

// What a debtor may arrange for themselves in the portal, set on the strategy beside its graph. A promise outside
// the policy is refused with the bound it broke; a plan request outside it is not refused but goes to a collector,
// who may still agree it.

const minorUnits = z.string().regex(/^\d{1,15}$/, 'must be a whole number of minor units');

export const promisePolicySchema = z.object({
  /** Whether the portal offers promises to pay at all. */
  enabled: z.boolean().default(true),
  /** The latest promised date, in days from the debtor's today. */
  maxDaysAhead: z.number().int().min(1).max(90).default(14),
  /** The smallest share of the payable balance a promise may cover, in percent (100: the whole balance). */
  minPercent: z.number().int().min(1).max(100).default(100),
});

export const minInstallmentSchema = z.object({
  currency: z.string().refine(isCurrency, 'must be an ISO 4217 currency code'),
  amountMinor: minorUnits,
});

export const planPolicySchema = z.object({
  /** Whether the portal offers payment plans at all. */
  enabled: z.boolean().default(true),
  /** The most installments a plan accepted at once may have. */
  maxInstallments: z.number().int().min(2).max(24).default(6),
  /** The longest time between two installments, in days. */
  maxIntervalDays: z.number().int().min(7).max(62).default(31),
  /** The latest first installment, in days from the debtor's today. */
  maxFirstDueDays: z.number().int().min(0).max(60).default(14),
  /** The smallest installment, per currency; an account in a currency not listed has no minimum beyond one unit. */
  minInstallment: z
    .array(minInstallmentSchema)
    .max(40)
    .default([{ currency: 'EUR', amountMinor: '5000' }])
    .refine((rows) => new Set(rows.map((r) => r.currency)).size === rows.length, 'lists a currency twice'),
});

export const portalPolicySchema = z.object({
  promise: promisePolicySchema.default(promisePolicySchema.parse({})),
  plan: planPolicySchema.default(planPolicySchema.parse({})),
  /** Whether the portal lets the debtor dispute invoices. */
  disputes: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
});

export type PortalPolicy = z.infer<typeof portalPolicySchema>;
export type PortalPolicyInput = z.input<typeof portalPolicySchema>;
export type PromisePolicy = PortalPolicy['promise'];
export type PlanPolicy = PortalPolicy['plan'];

export const DEFAULT_PORTAL_POLICY: PortalPolicy = portalPolicySchema.parse({});

/** The portal policy a strategy document sets, with the defaults for what it leaves out. */
export function portalPolicyOf(graph: { portal?: PortalPolicyInput | undefined } | null | undefined): PortalPolicy {
  const parsed = portalPolicySchema.safeParse(graph?.portal ?? {});
  return parsed.success ? parsed.data : DEFAULT_PORTAL_POLICY;
}

/** One bound a debtor's request broke: the form field it concerns and the reason, with the bound's figures. */
export interface PolicyBreach {
  field: 'amount' | 'dueDate' | 'installments' | 'intervalDays' | 'firstDueDate';
  code: 'below-minimum' | 'too-far-ahead' | 'in-the-past' | 'too-many-installments' | 'interval-too-long' | 'installment-too-small' | 'not-offered' | 'already-arranged';
  /** Figures for the message: minor units as decimal strings, dates as YYYY-MM-DD, counts as numbers. */
  values: Record<string, string | number>;
}

/** The smallest promise the policy accepts on a payable balance: the share rounded up to a whole minor unit. */
export const minimumPromiseMinor = (policy: PromisePolicy, payableMinor: bigint): bigint =>
  (payableMinor * BigInt(policy.minPercent) + 99n) / 100n;

export interface PromiseRequestFacts {
  amountMinor: bigint;
  dueDate: string;
  payableMinor: bigint;
  /** The debtor's today, YYYY-MM-DD. */
  today: string;
}

/** Every bound of the policy the promise breaks; empty when the portal may take it. */
export function promisePolicyBreaches(policy: PromisePolicy, request: PromiseRequestFacts): PolicyBreach[] {
  if (!policy.enabled) return [{ field: 'amount', code: 'not-offered', values: {} }];
  const breaches: PolicyBreach[] = [];
  const minimum = minimumPromiseMinor(policy, request.payableMinor);
  if (request.amountMinor < minimum) {
    breaches.push({ field: 'amount', code: 'below-minimum', values: { minimumMinor: minimum.toString(), percent: policy.minPercent } });
  }
  const latest = addCalendarDays(request.today, policy.maxDaysAhead);
  if (parseCalendarDate(request.dueDate) < parseCalendarDate(request.today)) {
    breaches.push({ field: 'dueDate', code: 'in-the-past', values: { today: request.today } });
  } else if (parseCalendarDate(request.dueDate) > parseCalendarDate(latest)) {
    breaches.push({ field: 'dueDate', code: 'too-far-ahead', values: { latest, days: policy.maxDaysAhead } });
  }
  return breaches;
}

export interface PlanRequestFacts {
  installments: number;
  intervalDays: number;
  firstDueDate: string;
  payableMinor: bigint;
  currency: string;
  today: string;
}

/** The smallest installment the policy sets for a currency, or one minor unit when it sets none. */
export const minimumInstallmentMinor = (policy: PlanPolicy, currency: string): bigint =>
  BigInt(policy.minInstallment.find((row) => row.currency === currency)?.amountMinor ?? '1');

/**
 * Every bound of the policy the plan request breaks; empty when it is accepted at once. A first installment
 * before today is a request that cannot be a plan at all and is reported as 'in-the-past'.
 */
export function planPolicyBreaches(policy: PlanPolicy, request: PlanRequestFacts): PolicyBreach[] {
  if (!policy.enabled) return [{ field: 'installments', code: 'not-offered', values: {} }];
  const breaches: PolicyBreach[] = [];
  if (request.installments > policy.maxInstallments) {
    breaches.push({ field: 'installments', code: 'too-many-installments', values: { max: policy.maxInstallments } });
  }
  if (request.intervalDays > policy.maxIntervalDays) {
    breaches.push({ field: 'intervalDays', code: 'interval-too-long', values: { max: policy.maxIntervalDays } });
  }
  const minimum = minimumInstallmentMinor(policy, request.currency);
  // The smallest installment of an equal split is the balance divided down; the remainder goes to the first ones.
  const smallest = request.installments > 0 ? request.payableMinor / BigInt(request.installments) : 0n;
  if (smallest < minimum) {
    breaches.push({ field: 'installments', code: 'installment-too-small', values: { minimumMinor: minimum.toString(), currency: request.currency } });
  }
  const latest = addCalendarDays(request.today, policy.maxFirstDueDays);
  if (parseCalendarDate(request.firstDueDate) < parseCalendarDate(request.today)) {
    breaches.push({ field: 'firstDueDate', code: 'in-the-past', values: { today: request.today } });
  } else if (parseCalendarDate(request.firstDueDate) > parseCalendarDate(latest)) {
    breaches.push({ field: 'firstDueDate', code: 'too-far-ahead', values: { latest, days: policy.maxFirstDueDays } });
  }
  return breaches;
}
