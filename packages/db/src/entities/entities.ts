import { Account } from './account.entity.ts';
import { Allocation } from './allocation.entity.ts';
import { AppUser } from './app-user.entity.ts';
import { AuditLog } from './audit-log.entity.ts';
import { CallAttempt } from './call-attempt.entity.ts';
import { CollectionRun } from './collection-run.entity.ts';
import { CollectorTask } from './collector-task.entity.ts';
import { Communication } from './communication.entity.ts';
import { ComplianceSetting } from './compliance-setting.entity.ts';
import { Contact } from './contact.entity.ts';
import { Escalation } from './escalation.entity.ts';
import { IdempotencyRecord } from './idempotency-record.entity.ts';
import { ImportBatch } from './import-batch.entity.ts';
import { Invoice } from './invoice.entity.ts';
import { OutboxMessage } from './outbox-message.entity.ts';
import { Payment } from './payment.entity.ts';
import { Strategy } from './strategy.entity.ts';
import { StrategyAssignment } from './strategy-assignment.entity.ts';
import { StrategyVersion } from './strategy-version.entity.ts';
import { Template } from './template.entity.ts';

export const ENTITIES = [
  AppUser,
  Account,
  Contact,
  Invoice,
  Payment,
  Allocation,
  CollectorTask,
  Communication,
  Escalation,
  Template,
  Strategy,
  StrategyVersion,
  StrategyAssignment,
  CollectionRun,
  AuditLog,
  ImportBatch,
  IdempotencyRecord,
  OutboxMessage,
  ComplianceSetting,
  CallAttempt,
] as const;
