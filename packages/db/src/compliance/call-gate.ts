import type { EntityManager } from '@mikro-orm/postgresql';
import {
  callHistoriesFor,
  checkCallFrequencyOn,
  checkContactTimeInZones,
  type CallRule,
  type ComplianceSettings,
  type DebtorZones,
} from '@recoup/domain';
import type { IAccount } from '../entities/account.entity.ts';
import type { IContact } from '../entities/contact.entity.ts';
import { Invoice } from '../entities/invoice.entity.ts';
import { loadCallLog, loadComplianceSettings } from './compliance-settings.ts';
import { callZones } from './debtor-zones.ts';

/** Every rule a call can be refused under, so a refusal names the one it applied. */
export type CallGateRule = CallRule | 'contact-hours' | 'cease-communication';

export interface CallJudgement {
  allowed: boolean;
  rules: CallGateRule[];
  /** Why the call is refused; '' when it is allowed. */
  reason: string;
  /** The first moment from which the call would be allowed; null when none can be named (cease-communication). */
  nextAllowedAt: Date | null;
  zones: DebtorZones;
  contact: IContact | null;
  settings: ComplianceSettings;
  /** The debts (invoice ids) the call is about, as the call log stores them. */
  invoiceIds: string[];
}

export interface CallToPlace {
  at: Date;
  /** Known when a placed call is logged: a conversation closes the debt to calls for the quiet period. */
  conversation?: boolean;
  /** The debts the call is about; the account's open invoices when not given. The caller checks they are its own. */
  invoiceIds?: readonly string[];
}

const MAX_ROUNDS = 32;

/**
 * Whether a call to the account may be placed at `call.at`, under every rule that applies to calls: a request to
 * cease communication, the contact hours in every zone the debtor may be in, and the call-frequency limits per
 * debt (or per account, as the customer type's setting says), counted in every window around the call. Each
 * path that places, logs or plans a call asks here, so none can skip a rule.
 */
export async function judgeCall(em: EntityManager, account: IAccount, call: CallToPlace): Promise<CallJudgement> {
  const settings = await loadComplianceSettings(em, account.customerType);
  const { contact, zones } = await callZones(em, account, settings.contactWindow);
  const invoices = call.invoiceIds
    ? call.invoiceIds.length
      ? await em.find(Invoice, { account: account.id, id: { $in: [...call.invoiceIds] } }, { orderBy: { dueDate: 'asc', number: 'asc' } })
      : []
    : await em.find(Invoice, { account: account.id, status: 'open' }, { orderBy: { dueDate: 'asc', number: 'asc' } });
  const debts = invoices.map((i) => ({ id: i.id, label: `invoice ${i.number}` }));
  const base = { zones, contact, settings, invoiceIds: debts.map((d) => d.id) };
  if (account.ceaseCommunication) {
    return {
      ...base,
      allowed: false,
      rules: ['cease-communication'],
      reason: 'The debtor asked us to cease communication; no call may be placed until that request is lifted.',
      nextAllowedAt: null,
    };
  }
  const log = await loadCallLog(em, account.id, call.at, settings);
  const histories = callHistoriesFor(log, debts, settings.callLimitScope);
  const frequencyAt = (at: Date) => checkCallFrequencyOn(histories, { at, conversation: call.conversation ?? false }, settings.callLimits);
  const hoursAt = (at: Date) => checkContactTimeInZones(at, zones.zones, settings.contactWindow);

  const frequency = frequencyAt(call.at);
  const hours = hoursAt(call.at);
  if (frequency.allowed && hours.allowed) return { ...base, allowed: true, rules: [], reason: '', nextAllowedAt: null };

  // The first moment both allow: each refusal moves the clock to where it would lift, until neither refuses.
  let next: Date | null = call.at;
  for (let round = 0; next && round < MAX_ROUNDS; round++) {
    const f = frequencyAt(next);
    if (!f.allowed) {
      next = f.nextAllowedAt;
      continue;
    }
    const h = hoursAt(next);
    if (h.allowed) break;
    next = h.nextAllowedAt;
  }
  const rules: CallGateRule[] = [...(frequency.allowed ? [] : frequency.rules), ...(hours.allowed ? [] : (['contact-hours'] as const))];
  const reason = [frequency.allowed ? null : frequency.reason, hours.allowed ? null : hours.reason].filter((r) => r !== null).join(' ');
  return { ...base, allowed: false, rules, reason, nextAllowedAt: next };
}
