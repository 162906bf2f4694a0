import type { EntityManager } from '@mikro-orm/postgresql';
import { AppUser, CallAttempt, loadCallHistory, loadComplianceSettings, type IAccount, type ICallAttempt } from '@recoup/db';
import { checkCallFrequency, type CallCheck, type CallLimits, type CallRule } from '@recoup/domain';
import type { CallAttemptRequest } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError } from '../http/errors.ts';

/** Whether one more call to the account may be placed at `at`, under the limits of its customer type. */
export async function callCheckFor(em: EntityManager, account: IAccount, at: Date): Promise<CallCheck> {
  const settings = await loadComplianceSettings(em, account.customerType);
  return checkCallFrequency(await loadCallHistory(em, account.id, at, settings), at, settings.callLimits);
}

/** The rule in the words of Reg F 1006.14(b)(2), with the limits this installation set. */
export function ruleInWords(rule: CallRule, limits: CallLimits): string {
  switch (rule) {
    case 'max-attempts-in-window':
      return `at most ${limits.maxAttempts} calls in ${limits.windowDays} days`;
    case 'quiet-after-conversation':
      return `no call within ${limits.quietDaysAfterConversation} days after a conversation`;
  }
}

/** The 422 for a call the frequency rules forbid: which rule, why, and from when calling is allowed again. */
export async function callLimitError(em: EntityManager, account: IAccount, check: Extract<CallCheck, { allowed: false }>): Promise<BusinessRuleError> {
  const { callLimits } = await loadComplianceSettings(em, account.customerType);
  const rules = check.rules.map((rule) => ruleInWords(rule, callLimits));
  return new BusinessRuleError(
    'call-limit',
    `Calling now would break the call-frequency rule (${rules.join('; ')}). ${check.reason} Calling is allowed again from ${check.nextAllowedAt.toISOString()}.`,
    { rules: check.rules, nextAllowedAt: check.nextAllowedAt.toISOString() },
  );
}

/**
 * Logs a call attempt, or refuses it with a 422 naming the rule when it would break the call-frequency limits.
 * The caller holds the account row locked, so two collectors logging at once cannot both slip under the limit.
 */
export async function logCallAttempt(
  em: EntityManager,
  account: IAccount,
  input: CallAttemptRequest,
  user: AuthUser,
  now: Date,
): Promise<ICallAttempt> {
  const placedAt = input.placedAt ? new Date(input.placedAt) : now;
  const check = await callCheckFor(em, account, placedAt);
  if (!check.allowed) throw await callLimitError(em, account, check);
  const call = em.create(CallAttempt, {
    account: account.id,
    task: input.taskId ?? null,
    user: em.getReference(AppUser, user.id),
    placedAt,
    outcome: input.outcome,
  });
  await em.flush();
  await audit(em, {
    actorId: user.id,
    action: 'call.logged',
    entity: 'account',
    entityId: account.id,
    details: { callId: call.id, outcome: input.outcome, ...(input.taskId ? { taskId: input.taskId } : {}) },
  });
  return call;
}
