import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppUser,
  CallAttempt,
  Communication,
  Invoice,
  judgeCall,
  recordUnsentContact,
  type CallGateRule,
  type CallJudgement,
  type IAccount,
  type ICallAttempt,
} from '@recoup/db';
import type { CallLimits, ComplianceSettings } from '@recoup/domain';
import type { CallAttemptRequest } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ValidationError } from '../errors.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A phone's clock and the server's may disagree a little; a call "placed" further ahead has not happened yet. */
export const CALL_CLOCK_SKEW_MS = 5 * MINUTE_MS;
/**
 * How late a call may be logged. Past this the call's own window of the call limits (seven days by default) has
 * closed and the calls after it were placed trusting a count it was missing from.
 */
export const MAX_CALL_LOG_DELAY_MS = 7 * DAY_MS;

/**
 * When a logged call was placed: `now` when not given. Refused with 400 naming the field when it is ahead of the
 * clock or older than the logging delay allows, so backdating cannot slip a call past the limits.
 */
export function placedAtOf(value: string | undefined, now: Date, field: string): Date {
  if (value === undefined) return now;
  const placedAt = new Date(value);
  if (placedAt.getTime() > now.getTime() + CALL_CLOCK_SKEW_MS) {
    throw new ValidationError([{ in: 'body', path: field, reason: 'must not be in the future' }], `${field} is in the future.`);
  }
  if (placedAt.getTime() < now.getTime() - MAX_CALL_LOG_DELAY_MS) {
    throw new ValidationError(
      [{ in: 'body', path: field, reason: 'must be within the last 7 days: a call is logged within a week of placing it' }],
      `${field} is more than 7 days ago.`,
    );
  }
  return placedAt;
}

/** Checks that the invoices a call names are the account's own, naming the field when one is not. */
export async function ownInvoiceIds(em: EntityManager, accountId: string, ids: readonly string[] | undefined, field: string): Promise<string[] | undefined> {
  if (ids === undefined) return undefined;
  const unique = [...new Set(ids)];
  const found = await em.find(Invoice, { account: accountId, id: { $in: unique } }, { fields: ['id'] });
  const known = new Set(found.map((i) => i.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length) {
    throw new ValidationError(missing.map((id) => ({ in: 'body', path: field, reason: `${id} is not an invoice of this account` })));
  }
  return unique;
}

/** The rule in the words of Reg F, with the limits this installation set. */
export function ruleInWords(rule: CallGateRule, settings: ComplianceSettings): string {
  const limits: CallLimits = settings.callLimits;
  const per = settings.callLimitScope === 'debt' ? ' per debt' : ' per account';
  switch (rule) {
    case 'max-attempts-in-window':
      return `at most ${limits.maxAttempts} calls in ${limits.windowDays} days${per}`;
    case 'quiet-after-conversation':
      return `no call within ${limits.quietDaysAfterConversation} days after a conversation`;
    case 'contact-hours':
      return 'calls only inside the contact hours in every time zone the debtor may be in';
    case 'cease-communication':
      return 'no contact after the debtor asked us to cease communication';
  }
}

const codeOf = (rules: readonly CallGateRule[]): string => {
  if (rules.includes('cease-communication')) return 'cease-communication';
  if (rules.includes('max-attempts-in-window') || rules.includes('quiet-after-conversation')) return 'call-limit';
  return 'outside-contact-hours';
};

/** The 422 for a call the rules forbid: which rules, why, and from when calling is allowed again. */
export function callRefusalError(judgement: CallJudgement): BusinessRuleError {
  const rules = judgement.rules.map((rule) => ruleInWords(rule, judgement.settings));
  const next = judgement.nextAllowedAt
    ? ` Calling is allowed again from ${judgement.nextAllowedAt.toISOString()}.`
    : ' No moment from which calling is allowed again can be named.';
  return new BusinessRuleError(codeOf(judgement.rules), `Calling then would break the rules on calls (${rules.join('; ')}). ${judgement.reason}${next}`, {
    rules: judgement.rules,
    nextAllowedAt: judgement.nextAllowedAt?.toISOString() ?? null,
    zones: judgement.zones.zones,
  });
}

export interface RefusedCall {
  /** Unique per attempt; the same refusal asked for again (before dialling) keeps one key and one row. */
  key: string;
  /** What the call was: a task's title, or a call logged by hand. */
  what: string;
  placedAt: Date;
  user: AuthUser | null;
  taskId: string | null;
  now: Date;
}

/**
 * Records a call the rules refused in the account's communication log, with the reason, and audits who tried.
 * The same function records refusals on every path a collector takes (a logged call, the check before dialling,
 * a task completed with a call); the worker records its deferred reminders and call tasks through the same
 * recordUnsentContact. A refused call is never a call_attempt, so it counts as no call placed.
 */
export async function recordRefusedCall(em: EntityManager, account: IAccount, judgement: CallJudgement, call: RefusedCall): Promise<string> {
  // The same refusal asked for again is already on record, and audited.
  const known = await em.findOne(Communication, { key: call.key }, { fields: ['id'] });
  if (known) return known.id;
  const row = await recordUnsentContact(em, {
    accountId: account.id,
    key: call.key,
    channel: 'call',
    status: 'refused',
    templateKey: call.what,
    toAddress: judgement.contact?.phone ?? '',
    subject: `Call at ${call.placedAt.toISOString()} refused`,
    reason: `${judgement.rules.join(', ')}: ${judgement.reason}`,
    workflowId: null,
    nodeId: null,
    at: call.now,
  });
  if (call.user) {
    await audit(em, {
      actorId: call.user.id,
      action: 'call.refused',
      entity: 'account',
      entityId: account.id,
      details: {
        communicationId: row.id,
        rules: judgement.rules,
        placedAt: call.placedAt.toISOString(),
        ...(call.taskId ? { taskId: call.taskId } : {}),
      },
    });
  }
  return row.id;
}

export const manualRefusalKey = (): string => `call-refused/${randomUUID()}`;

export type CallLogResult = { logged: ICallAttempt } | { refused: CallJudgement; communicationId: string };

/**
 * Logs a call attempt, or records its refusal when the rules forbid it: the caller commits either, and answers a
 * refusal with callRefusalError after the commit. The caller holds the account row locked, so two collectors
 * logging at once cannot both slip under the limit.
 */
export async function logCallAttempt(
  em: EntityManager,
  account: IAccount,
  input: Pick<CallAttemptRequest, 'outcome' | 'taskId'> & { placedAt: Date; invoiceIds?: readonly string[]; what: string },
  user: AuthUser,
  now: Date,
): Promise<CallLogResult> {
  const judgement = await judgeCall(em, account, {
    at: input.placedAt,
    conversation: input.outcome === 'conversation',
    ...(input.invoiceIds ? { invoiceIds: input.invoiceIds } : {}),
  });
  if (!judgement.allowed) {
    const communicationId = await recordRefusedCall(em, account, judgement, {
      key: manualRefusalKey(),
      what: input.what,
      placedAt: input.placedAt,
      user,
      taskId: input.taskId ?? null,
      now,
    });
    return { refused: judgement, communicationId };
  }
  const call = em.create(CallAttempt, {
    account: account.id,
    task: input.taskId ?? null,
    user: em.getReference(AppUser, user.id),
    placedAt: input.placedAt,
    outcome: input.outcome,
    invoiceIds: judgement.invoiceIds,
  });
  await em.flush();
  await audit(em, {
    actorId: user.id,
    action: 'call.logged',
    entity: 'account',
    entityId: account.id,
    details: { callId: call.id, outcome: input.outcome, ...(input.taskId ? { taskId: input.taskId } : {}) },
  });
  return { logged: call };
}
