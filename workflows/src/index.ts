// The client side of the collection workflows: what the API needs to start, signal, update and query them.
// Worker-side code (activities, the worker itself) is exported from '@recoup/workflows/worker', so that API
// processes do not load the worker runtime.
export type { CollectionClient, HistoryEventView, StartResult } from './client/collection-client.ts';
export {
  connectTemporalClient,
  createCollectionClient,
  MigrationRefusedError,
  PromiseRefusedError,
  TaskOutcomeRefusedError,
  WorkflowMissingError,
} from './client/collection-client.impl.ts';
export { connectionOptions, temporalSettingsFrom, type TemporalSettings } from './client/temporal-settings.ts';
export * from './shared/definitions.ts';
export { toHistoryView } from './client/history-view.ts';
export type { CollectionWorkflowInput, CollectionWorkflowResult } from './workflows/collection.workflow.ts';
