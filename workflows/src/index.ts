// The client side of the collection workflows: what the API needs to start, signal, update and query them.
// Worker-side code (activities, the worker itself) is exported from '@recoup/workflows/worker', so that API
// processes do not load the worker runtime.
export { WorkflowsError } from './errors.ts';
export type {
  CollectionClient,
  CurrentNode,
  CurrentNodesReport,
  HistoryEventView,
  ListedWorkflow,
  StartResult,
  WorkflowDescription,
  WorkflowListFilter,
  WorkflowListPage,
} from './client/collection-client.ts';
export {
  connectTemporalClient,
  createCollectionClient,
  CURRENT_NODES_CONCURRENCY,
  MigrationRefusedError,
  PromiseRefusedError,
  TaskOutcomeRefusedError,
  WorkflowListUnavailableError,
  WorkflowMissingError,
  WorkflowRefusedError,
} from './client/collection-client.impl.ts';
export { registerSearchAttributes, devServerSearchAttributeArgs, SearchAttributesUnregisteredError } from './client/search-attributes-registration.ts';
export { toAdminTimeline } from './client/admin-timeline.ts';
export { connectionOptions, temporalSettingsFrom, type TemporalSettings } from './client/temporal-settings.ts';
export * from './shared/definitions.ts';
export { checkPortalToken, portalLinkUrl, signPortalToken, type PortalClaim, type PortalTokenCheck, type PortalTokenPurpose } from './portal/portal-link.ts';
export {
  ensureTrainingSchedule,
  FIRST_TRAINING_RUN_ID,
  startFirstTrainingRun,
  startTrainingRun,
  TRAINING_SCHEDULE_ID,
  type TrainingScheduleOptions,
} from './client/model-training.ts';
export type { ModelTrainingInput, ModelTrainingResult, ModelTrainingRunResult } from './activities/activity-types.ts';
export { searchableSegment } from './shared/search-attributes.ts';
export { toHistoryView } from './client/history-view.ts';
export { DECISION_STEP_KINDS, decisionTimelineFromJson, toDecisionTimeline, type DecisionStep, type DecisionStepKind } from './client/decision-timeline.ts';
export type { CollectionWorkflowInput, CollectionWorkflowResult } from './workflows/collection.workflow.ts';
export { startCollections, START_CONCURRENCY, type StartReport } from './client/starting/start-collections.ts';
export {
  accountEventBackoffMs,
  createAccountEventOutbox,
  recordAccountChange,
  type AccountChange,
  type AccountEventOutbox,
  type AccountEventOutboxOptions,
} from './client/account-events.ts';
export { loadArmResolver, type AccountToStart, type ArmChoice, type ArmResolver } from './client/starting/arm-resolver.ts';
export { mapBounded } from './client/starting/bounded.ts';
export type { StartLogger } from './client/starting/start-logger.ts';
export { createReconciliationClient, type ReconciliationClient, type ReconciliationWorkflowStatus } from './client/reconciliation-client.ts';
export type { ReconciliationWorkflowInput } from './workflows/reconciliation.workflow.ts';
export { createImportStartsClient, settledWithin, type ImportStartsClient } from './client/import-starts-client.ts';
export {
  endImportStarts,
  IMPORT_START_CHUNK,
  startImportChunk,
  unfinishedImportBatches,
  type ImportChunkResult,
  type ImportStartDeps,
} from './client/starting/import-starts.ts';
export {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  isEncryptedPayload,
  KEY_ID_METADATA,
  PayloadDecryptionError,
  PayloadKeyRingError,
  PayloadKeyUnknownError,
} from './codec/encryption-codec.ts';
export { recoupDataConverter, FAILURE_CONVERTER_PATH } from './codec/data-converter.ts';
export { decodeHistoryPayloads } from './codec/decode-history.ts';
