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

/** The compliance settings that can differ by customer type. */
export interface ComplianceSettings {
  contactWindow: ContactWindow;
  callLimits: CallLimits;
}

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = {
  contactWindow: REG_F_CONTACT_WINDOW,
  callLimits: REG_F_CALL_LIMITS,
};

export interface CallHistory {
  /** When each earlier call attempt on the debt was placed, in any order. */
  attempts: readonly Date[];
  /** The latest attempt that reached the debtor in a conversation, if any. */
  lastConversationAt: Date | null;
}

/** The two call-frequency rules of Reg F 1006.14(b)(2), by name, so a refusal can say which one it applied. */
export type CallRule = 'max-attempts-in-window' | 'quiet-after-conversation';

export type CallCheck = { allowed: true } | { allowed: false; nextAllowedAt: Date; reason: string; rules: CallRule[] };

const DAY_MS = 86_400_000;

/** Whether one more call may be placed at `now`, and if not, the first moment it may. */
export function checkCallFrequency(history: CallHistory, now: Date, limits: CallLimits = REG_F_CALL_LIMITS): CallCheck {
  const t = now.getTime();
  const reasons: string[] = [];
  const rules: CallRule[] = [];
  let next = t;
  const conversation = history.lastConversationAt?.getTime();
  if (conversation !== undefined && t < conversation + limits.quietDaysAfterConversation * DAY_MS) {
    next = Math.max(next, conversation + limits.quietDaysAfterConversation * DAY_MS);
    rules.push('quiet-after-conversation');
    reasons.push(`a conversation took place on ${new Date(conversation).toISOString()}, and no call may follow within ${limits.quietDaysAfterConversation} days`);
  }
  const windowMs = limits.windowDays * DAY_MS;
  const recent = history.attempts
    .map((d) => d.getTime())
    .filter((at) => at <= t && at > t - windowMs)
    .sort((a, b) => a - b);
  if (recent.length >= limits.maxAttempts) {
    // The call becomes allowed once enough of the recent attempts have left the window.
    const leaving = recent[recent.length - limits.maxAttempts] ?? t;
    next = Math.max(next, leaving + windowMs);
    rules.push('max-attempts-in-window');
    reasons.push(`${recent.length} calls were placed in the last ${limits.windowDays} days, the most allowed is ${limits.maxAttempts}`);
  }
  if (reasons.length === 0) return { allowed: true };
  return { allowed: false, nextAllowedAt: new Date(next), reason: `No call now: ${reasons.join('; ')}.`, rules };
}
