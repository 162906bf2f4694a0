import type { EntityManager } from '@mikro-orm/postgresql';
import { CallAttempt } from '../entities/call-attempt.entity.ts';
import type { CustomerType } from '../entities/account.entity.ts';
import { ComplianceSetting } from '../entities/compliance-setting.entity.ts';
import { DEFAULT_COMPLIANCE_SETTINGS, type ComplianceSettings, type LoggedCall } from '@recoup/domain';

const DAY_MS = 86_400_000;

/** The guardrail settings for a customer type; the built-in (Reg F) defaults when no row exists. */
export async function loadComplianceSettings(em: EntityManager, customerType: CustomerType): Promise<ComplianceSettings> {
  const row = await em.findOne(ComplianceSetting, { customerType });
  if (!row) return DEFAULT_COMPLIANCE_SETTINGS;
  return {
    contactWindow: { startMinutes: row.contactStartMinutes, endMinutes: row.contactEndMinutes },
    callLimits: {
      maxAttempts: row.maxCallAttempts,
      windowDays: row.callWindowDays,
      quietDaysAfterConversation: row.quietDaysAfterConversation,
    },
    callLimitScope: row.callLimitScope,
  };
}

/**
 * The calls the frequency limits count for a call at `at`: those before it and those after it (a call logged with
 * an earlier time lands between calls already logged), as far as a window or a quiet period reaches.
 */
export async function loadCallLog(em: EntityManager, accountId: string, at: Date, settings: ComplianceSettings): Promise<LoggedCall[]> {
  const reach = Math.max(settings.callLimits.windowDays, settings.callLimits.quietDaysAfterConversation) * DAY_MS;
  const rows = await em.find(
    CallAttempt,
    { account: accountId, placedAt: { $gt: new Date(at.getTime() - reach), $lt: new Date(at.getTime() + reach) } },
    { orderBy: { placedAt: 'asc' } },
  );
  return rows.map((row) => ({ at: row.placedAt, conversation: row.outcome === 'conversation', debts: row.invoiceIds }));
}
