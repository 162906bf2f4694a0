import type { MikroORM } from '@mikro-orm/postgresql';
import { AppUser, CallAttempt, CollectorTask, ComplianceSetting, type IComplianceSetting } from '@recoup/db';
import type { CallAttemptRequest, CallAttemptView, ComplianceSettingInput, ComplianceSettingView } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { NotFoundError } from '../errors.ts';
import { accessibleAccount } from '../shared/access-scope.ts';
import { callRefusalError, logCallAttempt, ownInvoiceIds, placedAtOf } from './call-log.ts';

const settingView = (row: IComplianceSetting): ComplianceSettingView => ({
  customerType: row.customerType,
  contactStartMinutes: row.contactStartMinutes,
  contactEndMinutes: row.contactEndMinutes,
  maxCallAttempts: row.maxCallAttempts,
  callWindowDays: row.callWindowDays,
  quietDaysAfterConversation: row.quietDaysAfterConversation,
  callLimitScope: row.callLimitScope,
  updatedAt: row.updatedAt.toISOString(),
});

/** The guardrail settings per customer type, and the call log the call-frequency limits are counted on. */
export class ComplianceService {
  readonly #orm: MikroORM;
  readonly #now: () => Date;

  constructor(orm: MikroORM, now: () => Date = () => new Date()) {
    this.#orm = orm;
    this.#now = now;
  }

  async settings(): Promise<ComplianceSettingView[]> {
    const rows = await this.#orm.em.fork().find(ComplianceSetting, {}, { orderBy: { customerType: 'asc' } });
    return rows.map(settingView);
  }

  async updateSetting(customerType: 'consumer' | 'business', input: ComplianceSettingInput, user: AuthUser): Promise<ComplianceSettingView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const row = await em.findOne(ComplianceSetting, { customerType });
      if (!row) throw new NotFoundError('compliance setting');
      const before = settingView(row);
      const { callLimitScope, ...rest } = input;
      em.assign(row, { ...rest, ...(callLimitScope ? { callLimitScope } : {}), updatedBy: em.getReference(AppUser, user.id) });
      await em.flush();
      const after = settingView(row);
      await audit(em, { actorId: user.id, action: 'compliance-setting.updated', entity: 'compliance_setting', entityId: customerType, details: { before, after } });
      return after;
    });
  }

  async calls(accountId: string, user: AuthUser): Promise<CallAttemptView[]> {
    const em = this.#orm.em.fork();
    await accessibleAccount(em, user, accountId);
    const rows = await em.find(CallAttempt, { account: accountId }, { orderBy: { placedAt: 'desc' }, limit: 200 });
    return rows.map((row) => ({
      id: row.id,
      placedAt: row.placedAt.toISOString(),
      outcome: row.outcome,
      taskId: row.task?.id ?? null,
      userId: row.user?.id ?? null,
      invoiceIds: row.invoiceIds,
    }));
  }

  /**
   * Logs a call, or refuses it (422 naming the rule and the first allowed moment) when it would break a rule on
   * calls: contact hours in every zone the debtor may be in, the call-frequency limits of the account's customer
   * type, or a request to cease communication. A refused call is recorded in the account's communication log,
   * committed before the 422 goes out, and is not a placed call. The account row is locked so that two collectors
   * logging at once cannot both slip under the limit.
   */
  async logCall(accountId: string, input: CallAttemptRequest, user: AuthUser): Promise<CallAttemptView> {
    const now = this.#now();
    const placedAt = placedAtOf(input.placedAt, now, 'placedAt');
    const result = await this.#orm.em.fork().transactional(async (em) => {
      const account = await accessibleAccount(em, user, accountId, { lock: true });
      if (input.taskId && (await em.count(CollectorTask, { id: input.taskId, account: accountId })) === 0) {
        throw new NotFoundError('task');
      }
      const invoiceIds = await ownInvoiceIds(em, accountId, input.invoiceIds, 'invoiceIds');
      return logCallAttempt(
        em,
        account,
        { outcome: input.outcome, placedAt, what: 'manual call', ...(input.taskId ? { taskId: input.taskId } : {}), ...(invoiceIds ? { invoiceIds } : {}) },
        user,
        now,
      );
    });
    if ('refused' in result) throw callRefusalError(result.refused);
    const call = result.logged;
    return {
      id: call.id,
      placedAt: call.placedAt.toISOString(),
      outcome: call.outcome,
      taskId: input.taskId ?? null,
      userId: user.id,
      invoiceIds: call.invoiceIds,
    };
  }
}
