// Entry point bundled by the worker: every workflow type the worker runs.
export { collectionWorkflow } from './collection.workflow.ts';
export { reconciliationWorkflow } from './reconciliation.workflow.ts';
export { importStartsWorkflow } from './import-starts.workflow.ts';
export { paymentModelTrainingWorkflow } from './model-training.workflow.ts';
