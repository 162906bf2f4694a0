import type { EntityManager } from '@mikro-orm/postgresql';
import { CallAttempt } from '../entities/call-attempt.entity.ts';
import type { CustomerType } from '../entities/account.entity.ts';
import { ComplianceSetting } from '../entities/compliance-setting.entity.ts';
import { DEFAULT_COMPLIANCE_SETTINGS, type CallHistory, type ComplianceSettings } from '@recoup/domain';

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
  };
}

/** The calls the frequency limits count: attempts inside the window and the latest conversation. */
export async function loadCallHistory(em: EntityManager, accountId: string, now: Date, settings: ComplianceSettings): Promise<CallHistory> {
  const lookBack = Math.max(settings.callLimits.windowDays, settings.callLimits.quietDaysAfterConversation);
  const since = new Date(now.getTime() - lookBack * 86_400_000);
  const attempts = await em.find(CallAttempt, { account: accountId, placedAt: { $gt: since } }, { orderBy: { placedAt: 'asc' } });
  const conversations = attempts.filter((a) => a.outcome === 'conversation');
  return { attempts: attempts.map((a) => a.placedAt), lastConversationAt: conversations.at(-1)?.placedAt ?? null };
}
