import { proxyActivities } from '@temporalio/workflow';
import type { ModelTrainingActivities, ModelTrainingInput, ModelTrainingRunResult } from '../activities/activity-types.ts';

// One training run of the payment models, started nightly by the training Schedule or by an admin, and then the
// scoring of the open invoices. The work is two activities in a worker thread; the workflow gives them retries
// across worker restarts and a history an admin can read.

const { trainPaymentModel, scoreOpenInvoices } = proxyActivities<ModelTrainingActivities>({
  // Training 100,000 invoices takes minutes; a worker that dies is noticed by the missing heartbeat.
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '30 seconds', maximumInterval: '10 minutes', maximumAttempts: 5 },
});

/** Trains, then scores the open invoices with whichever model is active afterwards, new or not. */
export async function paymentModelTrainingWorkflow(input: ModelTrainingInput): Promise<ModelTrainingRunResult> {
  const result = await trainPaymentModel(input);
  const { invoices } = await scoreOpenInvoices();
  return { ...result, scored: invoices };
}
