import type { ContactWindow } from './contact-window.ts';
import { REG_F_CONTACT_WINDOW } from './contact-window.ts';

/**
 * How often a debt may be called. Reg F (12 CFR 1006.14(b)(2)) presumes harassment when a collector calls more
 * than seven times within seven consecutive days, or within seven days after a telephone conversation about the
 * debt. Business debts are not covered by Reg F; their limits are a setting like any other.
 */
export interface CallLimits {
  maxAttempts: number;
  windowDays: number;
  quietDaysAfterConversation: number;
}

export const REG_F_CALL_LIMITS: CallLimits = { maxAttempts: 7, windowDays: 7, quietDaysAfterConversation: 7 };

/**
 * What the call limits are counted on. Reg F counts per debt; counting every call to the account together is
 * stricter, and is what a creditor chooses who does not want a debtor with five invoices called 35 times a week.
 */
export const CALL_LIMIT_SCOPES = ['debt', 'account'] as const;
export type CallLimitScope = (typeof CALL_LIMIT_SCOPES)[number];

/** The compliance settings that can differ by customer type. */
export interface ComplianceSettings {
  contactWindow: ContactWindow;
  callLimits: CallLimits;
  callLimitScope: CallLimitScope;
}

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = {
  contactWindow: REG_F_CONTACT_WINDOW,
  callLimits: REG_F_CALL_LIMITS,
  callLimitScope: 'debt',
};

export interface CallHistory {
  /** When each other call attempt on the debt was placed, in any order, before and after the call judged. */
  attempts: readonly Date[];
  /** When each of those attempts reached the debtor in a conversation. */
  conversations: readonly Date[];
}

/** The two call-frequency rules of Reg F 1006.14(b)(2), by name, so a refusal can say which one it applied. */
export type CallRule = 'max-attempts-in-window' | 'quiet-after-conversation';

export type CallCheck = { allowed: true } | { allowed: false; nextAllowedAt: Date; reason: string; rules: CallRule[] };

/** The call being judged: when it is (or was) placed, and whether it was a conversation, when that is known. */
export interface CallToJudge {
  at: Date;
  conversation?: boolean;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Finding {
  rule: CallRule;
  reason: string;
}

/**
 * Why a call at `t` breaks the limits, or [] when it does not. Every window of `windowDays` consecutive days that
 * holds the call counts, not only the one ending at it: a call logged with an earlier time must not squeeze an
 * eighth call into a week that later calls already filled.
 */
function findings(history: CallHistory, t: number, conversation: boolean, limits: CallLimits): Finding[] {
  const out: Finding[] = [];
  const quietMs = limits.quietDaysAfterConversation * DAY_MS;
  const before = history.conversations.map((d) => d.getTime()).filter((c) => c <= t && t < c + quietMs);
  if (before.length > 0) {
    const latest = Math.max(...before);
    out.push({
      rule: 'quiet-after-conversation',
      reason: `a conversation took place on ${iso(latest)}, and no call may follow within ${limits.quietDaysAfterConversation} days`,
    });
  } else if (conversation) {
    const after = history.attempts.map((d) => d.getTime()).filter((a) => a > t && a < t + quietMs);
    if (after.length > 0) {
      out.push({
        rule: 'quiet-after-conversation',
        reason: `a call was placed on ${iso(Math.min(...after))}, within ${limits.quietDaysAfterConversation} days after this conversation`,
      });
    }
  }
  const windowMs = limits.windowDays * DAY_MS;
  const near = history.attempts
    .map((d) => d.getTime())
    .filter((a) => a > t - windowMs && a < t + windowMs)
    .sort((a, b) => a - b);
  // A fullest window may as well start at one of the calls before t, or at t itself.
  let fullest = { count: 0, from: t };
  for (const from of [...near.filter((a) => a <= t), t]) {
    const count = near.filter((a) => a >= from && a < from + windowMs).length;
    if (count > fullest.count) fullest = { count, from };
  }
  if (fullest.count >= limits.maxAttempts) {
    const inWindow = near.filter((a) => a >= fullest.from && a < fullest.from + windowMs);
    const trailing = inWindow.every((a) => a <= t);
    const where = trailing
      ? `in the last ${limits.windowDays} days`
      : `in the ${limits.windowDays} days from ${iso(inWindow[0] ?? fullest.from)} to ${iso((inWindow[0] ?? fullest.from) + windowMs)}, around this call`;
    out.push({ rule: 'max-attempts-in-window', reason: `${fullest.count} calls were placed ${where}, the most allowed is ${limits.maxAttempts}` });
  }
  return out;
}

/** The moments from which a refused call may become allowed: when a call leaves a window or a quiet period ends. */
function candidates(histories: readonly CallHistory[], t: number, limits: CallLimits): number[] {
  const moments = new Set<number>([t]);
  for (const history of histories) {
    for (const a of history.attempts) {
      moments.add(a.getTime() + limits.windowDays * DAY_MS);
      moments.add(a.getTime());
    }
    for (const c of history.conversations) moments.add(c.getTime() + limits.quietDaysAfterConversation * DAY_MS);
  }
  return [...moments].filter((m) => m >= t).sort((a, b) => a - b);
}

/**
 * Whether the call may be placed on every one of the debts whose histories are given, and if not, which rules
 * forbid it and the first moment from which it may. `label` names each history in the reason (an invoice number),
 * or is omitted when there is one history for the whole account.
 */
export function checkCallFrequencyOn(
  histories: readonly { history: CallHistory; label?: string }[],
  call: CallToJudge,
  limits: CallLimits = REG_F_CALL_LIMITS,
): CallCheck {
  const t = call.at.getTime();
  const conversation = call.conversation ?? false;
  const judged = histories.map(({ history, label }) => ({ label, found: findings(history, t, conversation, limits) }));
  const failing = judged.filter((j) => j.found.length > 0);
  if (failing.length === 0) return { allowed: true };
  const rules = [...new Set(failing.flatMap((j) => j.found.map((f) => f.rule)))].sort(
    (a, b) => RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b),
  );
  const reasons = failing.map((j) => {
    const text = j.found.map((f) => f.reason).join('; ');
    return j.label ? `for ${j.label}, ${text}` : text;
  });
  const all = histories.map((h) => h.history);
  const next =
    candidates(all, t, limits).find((m) => all.every((h) => findings(h, m, conversation, limits).length === 0)) ?? t;
  return { allowed: false, nextAllowedAt: new Date(next), reason: `No call now: ${reasons.join('; ')}.`, rules };
}

const RULE_ORDER: readonly CallRule[] = ['quiet-after-conversation', 'max-attempts-in-window'];

/** Whether one more call may be placed at `now` on one debt (or one account), and if not, the first moment it may. */
export function checkCallFrequency(history: CallHistory, now: Date, limits: CallLimits = REG_F_CALL_LIMITS, conversation = false): CallCheck {
  return checkCallFrequencyOn([{ history }], { at: now, conversation }, limits);
}

/** One call as the log holds it: when, whether it was a conversation, and the debts it was about. */
export interface LoggedCall {
  at: Date;
  conversation: boolean;
  /** Invoice ids; empty when the call was logged before calls named their debts, so it counts on every debt. */
  debts: readonly string[];
}

/**
 * The histories a call is judged on: one per debt the call is about (a call about several debts counts on each,
 * as Reg F counts it), or one for the whole account when the scope says so or the call names no debt.
 */
export function callHistoriesFor(
  log: readonly LoggedCall[],
  debts: readonly { id: string; label: string }[],
  scope: CallLimitScope,
): { history: CallHistory; label?: string }[] {
  const historyOf = (calls: readonly LoggedCall[]): CallHistory => ({
    attempts: calls.map((c) => c.at),
    conversations: calls.filter((c) => c.conversation).map((c) => c.at),
  });
  if (scope === 'account' || debts.length === 0) return [{ history: historyOf(log) }];
  return debts.map((debt) => ({
    label: debt.label,
    history: historyOf(log.filter((c) => c.debts.length === 0 || c.debts.includes(debt.id))),
  }));
}
