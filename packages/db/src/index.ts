export * from './bound-query.ts';
export * from './entities/account.entity.ts';
export * from './entities/portal-checkout.entity.ts';
export * from './entities/portal-code.entity.ts';
export * from './entities/api-token.entity.ts';
export * from './entities/account-event.entity.ts';
export * from './entities/account-note.entity.ts';
export * from './entities/allocation.entity.ts';
export * from './entities/app-user.entity.ts';
export * from './entities/audit-log.entity.ts';
export * from './entities/bank-statement.entity.ts';
export * from './entities/bank-statement-section.entity.ts';
export * from './entities/statement-line.entity.ts';
export * from './entities/csv-statement-mapping.entity.ts';
export * from './entities/call-attempt.entity.ts';
export * from './entities/collection-run.entity.ts';
export * from './entities/collector-task.entity.ts';
export * from './entities/communication.entity.ts';
export * from './entities/compliance-setting.entity.ts';
export * from './entities/contact.entity.ts';
export * from './entities/credit-note.entity.ts';
export * from './entities/dispute.entity.ts';
export * from './entities/dispute-item.entity.ts';
export * from './entities/dispute-attachment.entity.ts';
export * from './entities/escalation.entity.ts';
export * from './entities/idempotency-record.entity.ts';
export * from './entities/import-batch.entity.ts';
export * from './entities/invoice.entity.ts';
export * from './entities/invoice-prediction.entity.ts';
export * from './entities/outbox-message.entity.ts';
export * from './entities/payment.entity.ts';
export * from './entities/payment-model.entity.ts';
export * from './entities/payment-plan.entity.ts';
export * from './entities/payment-promise.entity.ts';
export * from './entities/promise-allocation.entity.ts';
export * from './entities/strategy.entity.ts';
export * from './entities/strategy-version.entity.ts';
export * from './entities/strategy-assignment.entity.ts';
export * from './entities/template.entity.ts';
export { ENTITIES } from './entities/entities.ts';
export type { JsonObject, JsonValue } from './entities/json.ts';
export { createOrm, migrateToLatest, ormConfig, pendingMigrations } from './orm.ts';
export type { CreateOrmOptions, RecoupOrm } from './orm.ts';
export { startEmbeddedPostgres } from './embedded.ts';
export type { EmbeddedPostgresHandle, StartEmbeddedPostgresOptions } from './embedded.ts';
export { AccountMissingError, AuditChainError, DbError, EmbeddedPostgresError, PaymentMissingError, PaymentModelMissingError } from './errors.ts';
export { DISPUTED_BY_INVOICE, collectibleAmounts, debtorTimeZone, type CollectibleAmounts } from './promises/collectible.ts';
export {
  AllocationRefusedError,
  lockInvoices,
  recordPayment,
  type PaymentToRecord,
  type RecordedPayment,
} from './payments/record-payment.ts';
export { reversePayment, type PaymentReversal } from './payments/reverse-payment.ts';
export { closeOpenTasks, type TaskClosingReason } from './tasks/close-open-tasks.ts';
export {
  claimAccountEvents,
  markAccountEventsSent,
  pruneSentAccountEvents,
  recordAccountEvent,
  retryAccountEventLater,
  type AccountEventToRecord,
  type ClaimedAccountEvent,
} from './account-events.ts';
export { reconcileBatch, type BatchOptions, type BatchResult } from './reconciliation/reconcile-batch.ts';
export { statementProgress, statementsProgress } from './reconciliation/statement-progress.ts';
export { findSameFile, StatementConflictError, storeStatement, type StoredStatement } from './reconciliation/store-statement.ts';
export { statementSha256 } from './reconciliation/statement-digest.ts';
export {
  applyPaymentToPromises,
  reversePaymentFromPromises,
  type PromiseMatchRow,
  type PromiseUnmatchRow,
} from './promises/promise-matching.ts';
export { appendAudit, assertAuditChain, auditHash, verifyAuditChain } from './audit.ts';
export type { AppendedAudit, AuditChainBreak, AuditChainVerification, AuditEntry } from './audit.ts';
export { canonicalJson, checksumGraph, sha256Hex } from './canonical-json.ts';
// The ORM pieces callers need, so they do not have to depend on MikroORM packages themselves.
export {
  CheckConstraintViolationException,
  DriverException,
  ForeignKeyConstraintViolationException,
  LockMode,
  NotFoundError,
  NotNullConstraintViolationException,
  raw,
  RequestContext,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';
export type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
export { loadCallLog, loadComplianceSettings } from './compliance/compliance-settings.ts';
export { judgeCall, type CallGateRule, type CallJudgement, type CallToPlace } from './compliance/call-gate.ts';
export { recordUnsentContact, type UnsentContact } from './compliance/contact-log.ts';
export { calledContact, callZones, contactZones } from './compliance/debtor-zones.ts';
export { phoneZoneClue } from './compliance/phone-zones.ts';
export { loadCustomerHistories, type CustomerHistoryOptions } from './prediction/customer-histories.ts';
export {
  activateModel,
  activeModel,
  activeModelBacktest,
  listModels,
  MODEL_PARTS,
  pinModel,
  saveTrainedModel,
  type ModelPart,
  type ModelParts,
  type SavedModel,
  type StoredPaymentModel,
  type StoredPaymentModelSummary,
  type TrainedModelToSave,
} from './prediction/payment-models.ts';
export { replaceInvoicePredictions, type InvoicePredictionRow } from './prediction/invoice-predictions.ts';
export { loadAccountPredictions, type AccountPredictionView } from './prediction/account-predictions.ts';
export { loadOpenItems, type OpenItem, type OpenItemMoney, type OpenItemTotal } from './open-items.ts';
