import type { Allocation, MatchAccount, MatchOptions, MatchProposal, MatchRule, OpenInvoice, StatementLine } from './match-types.ts';
import { nameProfile, profileSimilarity, type NameProfile } from './name-similarity.ts';
import { exactSubset } from './subset-sum.ts';

// Cash application for one bank statement line. The rules run in order of how much they can be trusted; the
// first that identifies the payment decides, and anything below the threshold goes to a person.

const CONFIDENCE = {
  reference: 0.99,
  referencePartial: 0.9,
  exactAmount: 0.95,
  multiple: 0.9,
  overpayment: 0.85,
  partial: 0.8,
  /** Scaled by the name similarity: a hint, rarely enough on its own. */
  payerName: 0.7,
} as const;

const DEFAULT_THRESHOLD = 0.75;
const DEFAULT_SUBSET_LIMIT = 16;
/** Below this, a payer name is not considered like an account name at all. */
const NAME_HINT_MINIMUM = 0.6;

/** Upper-case letters and digits only: "inv 2026/0042" and "INV-2026-0042" are the same reference. */
export function normaliseReference(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Lookups over the candidate accounts, built once per statement. After a line is applied, `replaceMatchAccount`
 * puts the account's new open amounts in, so the next line of the same statement sees them.
 */
export interface MatchIndex {
  byInvoiceNumber: Map<string, { account: MatchAccount; invoice: OpenInvoice }>;
  byCustomerRef: Map<string, MatchAccount>;
  names: Map<string, { account: MatchAccount; profile: NameProfile }>;
}

export function buildMatchIndex(accounts: readonly MatchAccount[]): MatchIndex {
  const index: MatchIndex = { byInvoiceNumber: new Map(), byCustomerRef: new Map(), names: new Map() };
  for (const account of accounts) replaceMatchAccount(index, account);
  return index;
}

/** Adds an account to the index, or replaces what the index knew of it (its invoices paid or changed since). */
export function replaceMatchAccount(index: MatchIndex, account: MatchAccount): void {
  const before = index.names.get(account.accountId);
  if (before) {
    for (const invoice of before.account.openInvoices) index.byInvoiceNumber.delete(normaliseReference(invoice.number));
  }
  index.byCustomerRef.set(normaliseReference(account.externalRef), account);
  for (const invoice of account.openInvoices) index.byInvoiceNumber.set(normaliseReference(invoice.number), { account, invoice });
  index.names.set(account.accountId, { account, profile: before?.account.name === account.name ? before.profile : nameProfile(account.name) });
}

/**
 * The references the text may hold, normalised: each word, and runs of up to three adjacent words, since people
 * write "inv 2026/0042" as often as "INV-2026-0042".
 */
function referenceCandidates(text: string): string[] {
  const words = text.split(/[\s,;:()]+/).map(normaliseReference).filter((w) => w.length > 0);
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let n = 0; n < 3 && i + n < words.length; n++) {
      joined += words[i + n] ?? '';
      if (joined.length >= 3) found.add(joined);
    }
  }
  return [...found];
}

/**
 * Every normalised reference a line could be matched by (invoice numbers or customer references), so a caller
 * holding many accounts can load only those the line may be about.
 */
export function lineReferences(line: Pick<StatementLine, 'remittance' | 'customerRef'>): string[] {
  const refs = referenceCandidates(line.remittance);
  return line.customerRef ? [normaliseReference(line.customerRef), ...refs] : refs;
}

const oldestFirst = (invoices: readonly OpenInvoice[]) =>
  [...invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));

const sumOpen = (invoices: readonly OpenInvoice[]) => invoices.reduce((s, i) => s + i.openMinor, 0n);

/** Applies `amount` to the invoices in the given order; what is left over is returned. */
function applyInOrder(invoices: readonly OpenInvoice[], amount: bigint): { allocations: Allocation[]; left: bigint } {
  const allocations: Allocation[] = [];
  let left = amount;
  for (const invoice of invoices) {
    if (left <= 0n) break;
    const take = left < invoice.openMinor ? left : invoice.openMinor;
    if (take > 0n) allocations.push({ invoiceId: invoice.invoiceId, amountMinor: take });
    left -= take;
  }
  return { allocations, left };
}

function proposal(
  account: MatchAccount | null,
  rule: MatchRule,
  confidence: number,
  reason: string,
  threshold: number,
  parts: { allocations?: Allocation[]; unappliedMinor?: bigint; residualMinor?: bigint } = {},
): MatchProposal {
  return {
    status: account !== null && confidence >= threshold ? 'matched' : 'exception',
    accountId: account?.accountId ?? null,
    allocations: parts.allocations ?? [],
    unappliedMinor: parts.unappliedMinor ?? 0n,
    residualMinor: parts.residualMinor ?? 0n,
    rule,
    confidence: Math.round(confidence * 1000) / 1000,
    reason,
  };
}

/** Once the account is known: the exact, several-invoice, over- and partial-payment rules, in that order. */
function applyToAccount(line: StatementLine, account: MatchAccount, how: string, scale: number, threshold: number, subsetLimit: number): MatchProposal {
  const open = oldestFirst(account.openInvoices);
  const total = sumOpen(open);
  const exact = open.find((i) => i.openMinor === line.amountMinor);
  if (exact) {
    return proposal(account, 'customer-exact-amount', CONFIDENCE.exactAmount * scale, `${how}; the amount equals invoice ${exact.number}`, threshold, {
      allocations: [{ invoiceId: exact.invoiceId, amountMinor: line.amountMinor }],
    });
  }
  const subset = exactSubset(open, line.amountMinor, subsetLimit);
  if (subset) {
    const numbers = subset.map((i) => i.number).join(', ');
    return proposal(account, 'multiple-invoices', CONFIDENCE.multiple * scale, `${how}; the amount equals invoices ${numbers} together`, threshold, {
      allocations: subset.map((i) => ({ invoiceId: i.invoiceId, amountMinor: i.openMinor })),
    });
  }
  if (line.amountMinor > total) {
    const unapplied = line.amountMinor - total;
    return proposal(account, 'overpayment', CONFIDENCE.overpayment * scale, `${how}; it pays everything open and ${unapplied} more, kept as credit`, threshold, {
      allocations: open.map((i) => ({ invoiceId: i.invoiceId, amountMinor: i.openMinor })),
      unappliedMinor: unapplied,
    });
  }
  const { allocations } = applyInOrder(open, line.amountMinor);
  return proposal(account, 'partial-payment', CONFIDENCE.partial * scale, `${how}; it pays part of the open invoices, oldest first`, threshold, { allocations });
}

/** Proposes how to apply one statement line. Pure: the same line and index always give the same proposal. */
export function matchStatementLine(line: StatementLine, index: MatchIndex, options: MatchOptions = {}): MatchProposal {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const subsetLimit = options.subsetSearchLimit ?? DEFAULT_SUBSET_LIMIT;
  if (line.amountMinor <= 0n) return proposal(null, 'none', 0, 'The line has no positive amount to apply.', threshold);
  const candidates = referenceCandidates(line.remittance);

  // 1. Invoice numbers in the remittance text: those invoices, in the order the text names them.
  const referenced = candidates.flatMap((c) => {
    const hit = index.byInvoiceNumber.get(c);
    return hit ? [hit] : [];
  });
  if (referenced.length > 0) {
    const account = referenced[0]?.account ?? null;
    if (account && referenced.some((r) => r.account.accountId !== account.accountId)) {
      return proposal(null, 'invoice-reference', 0, 'The remittance names invoices of different customers.', threshold);
    }
    if (account && account.currency !== line.currency) {
      return proposal(account, 'invoice-reference', 0, `The line is in ${line.currency}, the invoices in ${account.currency}; nothing is converted.`, threshold);
    }
    const invoices = [...new Map(referenced.map((r) => [r.invoice.invoiceId, r.invoice])).values()];
    const numbers = invoices.map((i) => i.number).join(', ');
    const due = sumOpen(invoices);
    const { allocations, left } = applyInOrder(invoices, line.amountMinor);
    if (line.amountMinor === due) {
      return proposal(account, 'invoice-reference', CONFIDENCE.reference, `The remittance names ${numbers}, and the amount pays them exactly.`, threshold, { allocations });
    }
    if (line.amountMinor > due) {
      return proposal(account, 'overpayment', CONFIDENCE.referencePartial, `The remittance names ${numbers}; ${left} more than they ask is kept as credit.`, threshold, {
        allocations,
        unappliedMinor: left,
      });
    }
    return proposal(account, 'short-payment', CONFIDENCE.referencePartial, `The remittance names ${numbers}, but ${due - line.amountMinor} of them is left unpaid.`, threshold, {
      allocations,
      residualMinor: due - line.amountMinor,
    });
  }

  // 2. The customer's reference, given by the bank or quoted in the text.
  const refs = [...(line.customerRef ? [normaliseReference(line.customerRef)] : []), ...candidates];
  const account = refs.map((r) => index.byCustomerRef.get(r)).find((a) => a !== undefined);
  if (account) {
    if (account.currency !== line.currency) {
      return proposal(account, 'none', 0, `The line is in ${line.currency}, the account in ${account.currency}; nothing is converted.`, threshold);
    }
    return applyToAccount(line, account, `Customer reference ${account.externalRef}`, 1, threshold, subsetLimit);
  }

  // 3. The payer's name, as a hint only.
  if (line.payerName) {
    const payer = nameProfile(line.payerName);
    const pool = options.payerCandidates ? options.payerCandidates.flatMap((id) => index.names.get(id) ?? []) : [...index.names.values()];
    const ranked = pool
      .filter((n) => n.account.currency === line.currency)
      .map((n) => ({ account: n.account, similarity: profileSimilarity(payer, n.profile) }))
      .filter((r) => r.similarity >= NAME_HINT_MINIMUM)
      .sort((a, b) => b.similarity - a.similarity);
    const best = ranked[0];
    const runnerUp = ranked[1];
    if (best && !(runnerUp && runnerUp.similarity === best.similarity)) {
      const how = `The payer "${line.payerName}" is like the customer "${best.account.name}" (${Math.round(best.similarity * 100)}%)`;
      const guess = applyToAccount(line, best.account, how, (CONFIDENCE.payerName * best.similarity) / CONFIDENCE.exactAmount, threshold, subsetLimit);
      return { ...guess, rule: 'payer-name' };
    }
  }
  return proposal(null, 'none', 0, 'No invoice number, customer reference or payer name identifies the customer.', threshold);
}
