import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CALL_LIMIT_SCOPES } from '@recoup/domain';
import { CUSTOMER_TYPES } from './account.entity.ts';
import { AppUser } from './app-user.entity.ts';

/** Contact hours and call limits for one customer type; every guardrail activity reads its account's row. */
export const ComplianceSetting = defineEntity({
  name: 'ComplianceSetting',
  tableName: 'compliance_setting',
  properties: {
    customerType: p.enum(CUSTOMER_TYPES).primary(),
    contactStartMinutes: p.integer().default(480),
    contactEndMinutes: p.integer().default(1260),
    maxCallAttempts: p.integer().default(7),
    callWindowDays: p.integer().default(7),
    quietDaysAfterConversation: p.integer().default(7),
    /** Whether the call limits count per debt (Reg F) or, stricter, over every call to the account. */
    callLimitScope: p.enum(CALL_LIMIT_SCOPES).default('debt'),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    updatedBy: () => p.manyToOne(AppUser).nullable(),
  },
});

export type IComplianceSetting = InferEntity<typeof ComplianceSetting>;
