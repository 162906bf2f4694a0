import {
  canonicalJson,
  DEFAULT_PORTAL_POLICY,
  DomainError,
  isCurrency,
  parseMajorAmount,
  portalPolicySchema,
  toDecimalString,
  type PortalPolicy,
  type PortalPolicyInput,
} from '@recoup/domain';

// The debtor-portal policy as the manager edits it. A document without one means the defaults; the first edit
// writes the whole policy into the document (the defaults plus the change), so what the panel showed is what is
// saved. A field emptied while typing stays empty (the server then applies its default) instead of jumping back.

type Loose<T> = { [K in keyof T]?: T[K] | undefined };

export type PolicySection = 'promise' | 'plan' | 'disputes';

/** One currency's smallest installment; the currency is checked by the validator, not by the type. */
export interface MinInstallmentRow {
  currency: string;
  amountMinor: string;
}

/** The policy with every field the document leaves out taken from the defaults. */
export interface PolicyDraft {
  promise: Loose<PortalPolicy['promise']>;
  plan: Loose<Omit<PortalPolicy['plan'], 'minInstallment'>> & { minInstallment?: MinInstallmentRow[] | undefined };
  disputes: Loose<PortalPolicy['disputes']>;
}

const recordOr = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** What the panel shows: the document's own values, the defaults where it has none. Unknown keys are kept. */
export function policyDraft(portal: PortalPolicyInput | undefined): PolicyDraft {
  const raw = recordOr(portal);
  return {
    ...raw,
    promise: { ...DEFAULT_PORTAL_POLICY.promise, ...recordOr(raw.promise) },
    plan: { ...DEFAULT_PORTAL_POLICY.plan, ...recordOr(raw.plan) },
    disputes: { ...DEFAULT_PORTAL_POLICY.disputes, ...recordOr(raw.disputes) },
  };
}

/** The document's policy after one change to one section. */
export function withPolicyChange<S extends PolicySection>(
  portal: PortalPolicyInput | undefined,
  section: S,
  change: PolicyDraft[S],
): PortalPolicyInput {
  const draft = policyDraft(portal);
  return { ...draft, [section]: { ...draft[section], ...change } } as PortalPolicyInput;
}

/** True when two documents' policies mean the same to the portal (an absent policy is the defaults). */
export function samePolicy(a: PortalPolicyInput | undefined, b: PortalPolicyInput | undefined): boolean {
  const parsedA = portalPolicySchema.safeParse(a ?? {});
  const parsedB = portalPolicySchema.safeParse(b ?? {});
  if (parsedA.success && parsedB.success) return canonicalJson(parsedA.data) === canonicalJson(parsedB.data);
  return canonicalJson(a ?? {}) === canonicalJson(b ?? {});
}

/** "50.00" for 5000 minor units of EUR; the raw figure when the currency or the figure is not one. */
export function majorText(row: { currency: string; amountMinor: string }): string {
  if (!isCurrency(row.currency) || !/^\d+$/.test(row.amountMinor)) return row.amountMinor;
  return toDecimalString({ amountMinor: BigInt(row.amountMinor), currency: row.currency });
}

/** The most digits the policy keeps for an amount in minor units. */
const MAX_MINOR_DIGITS = 15;

/**
 * A typed major-unit amount ("25.00") as minor units by the currency's exponent ("2500"), or why it is not an
 * amount in that currency (too many decimals, negative, not a number, too large for the policy).
 */
export function readMajorAmount(text: string, currency: string, field: string): { minor: string } | { error: string } {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { error: `${field} is required.` };
  try {
    const minor = parseMajorAmount(trimmed, currency, field).amountMinor.toString();
    return minor.length > MAX_MINOR_DIGITS ? { error: `${field} is too large.` } : { minor };
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
}
