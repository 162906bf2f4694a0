import { proxyActivities } from '@temporalio/workflow';
import type { ModelTrainingActivities, ModelTrainingInput, ModelTrainingResult } from '../activities/activity-types.ts';

// One training run of the payment models, started nightly by the training Schedule or by an admin. The work is one
// activity in a worker thread; the workflow gives it retries across worker restarts and a history an admin can read.

const { trainPaymentModel } = proxyActivities<ModelTrainingActivities>({
  // Training 100,000 invoices takes minutes; a worker that dies is noticed by the missing heartbeat.
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '30 seconds', maximumInterval: '10 minutes', maximumAttempts: 5 },
});

export async function paymentModelTrainingWorkflow(input: ModelTrainingInput): Promise<ModelTrainingResult> {
  return trainPaymentModel(input);
}
