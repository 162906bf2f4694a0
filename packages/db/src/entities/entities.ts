import type { EntitySchema } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { AccountEvent } from './account-event.entity.ts';
import { AccountNote } from './account-note.entity.ts';
import { Allocation } from './allocation.entity.ts';
import { ApiToken } from './api-token.entity.ts';
import { AppUser } from './app-user.entity.ts';
import { AuditLog } from './audit-log.entity.ts';
import { BankStatement } from './bank-statement.entity.ts';
import { BankStatementSection } from './bank-statement-section.entity.ts';
import { CallAttempt } from './call-attempt.entity.ts';
import { CollectionRun } from './collection-run.entity.ts';
import { CollectorTask } from './collector-task.entity.ts';
import { Communication } from './communication.entity.ts';
import { ComplianceSetting } from './compliance-setting.entity.ts';
import { Contact } from './contact.entity.ts';
import { CreditNote } from './credit-note.entity.ts';
import { CsvStatementMappingRow } from './csv-statement-mapping.entity.ts';
import { Dispute } from './dispute.entity.ts';
import { DisputeAttachment } from './dispute-attachment.entity.ts';
import { DisputeItem } from './dispute-item.entity.ts';
import { Escalation } from './escalation.entity.ts';
import { IdempotencyRecord } from './idempotency-record.entity.ts';
import { ImportBatch } from './import-batch.entity.ts';
import { Invoice } from './invoice.entity.ts';
import { OutboxMessage } from './outbox-message.entity.ts';
import { Payment } from './payment.entity.ts';
import { InvoicePrediction } from './invoice-prediction.entity.ts';
import { PaymentModelRow } from './payment-model.entity.ts';
import { PaymentPlan } from './payment-plan.entity.ts';
import { PaymentPromise } from './payment-promise.entity.ts';
import { PortalCheckout } from './portal-checkout.entity.ts';
import { PortalCode } from './portal-code.entity.ts';
import { PromiseAllocation } from './promise-allocation.entity.ts';
import { Strategy } from './strategy.entity.ts';
import { StatementLine } from './statement-line.entity.ts';
import { StrategyAssignment } from './strategy-assignment.entity.ts';
import { StrategyVersion } from './strategy-version.entity.ts';
import { Template } from './template.entity.ts';

// Annotated: the inferred tuple of every entity's full type is too long for the compiler to write into a .d.ts.
export const ENTITIES: readonly EntitySchema[] = [
  AppUser,
  Account,
  Contact,
  Invoice,
  Payment,
  Allocation,
  CollectorTask,
  AccountNote,
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
  PaymentPlan,
  PaymentPromise,
  PromiseAllocation,
  Dispute,
  DisputeItem,
  DisputeAttachment,
  CreditNote,
  BankStatement,
  BankStatementSection,
  StatementLine,
  CsvStatementMappingRow,
  AccountEvent,
  PaymentModelRow,
  InvoicePrediction,
  PortalCode,
  PortalCheckout,
  ApiToken,
];
