import {
  paymentModelListSchema,
  paymentModelViewSchema,
  startModelTrainingResponseSchema,
  trainingRunStatusSchema,
  type PaymentModelView,
  type StartModelTrainingRequest,
  type StartModelTrainingResponse,
  type TrainingRunStatus,
} from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

// The payment prediction models (admins only): the stored models, the training runs, pinning and rolling back.

const BASE = '/api/admin/payment-models';

export async function listPaymentModels(api: ApiClient, signal?: AbortSignal): Promise<PaymentModelView[]> {
  const parsed = paymentModelListSchema.safeParse(await api.get<unknown>(BASE, signal));
  if (!parsed.success) throw unexpected('a list of payment models');
  return parsed.data;
}

export async function startTrainingRun(api: ApiClient, body: StartModelTrainingRequest): Promise<StartModelTrainingResponse> {
  const parsed = startModelTrainingResponseSchema.safeParse(await api.post<unknown>(`${BASE}/runs`, body));
  if (!parsed.success) throw unexpected('a training run');
  return parsed.data;
}

export async function getTrainingRun(api: ApiClient, workflowId: string, signal?: AbortSignal): Promise<TrainingRunStatus> {
  const parsed = trainingRunStatusSchema.safeParse(await api.get<unknown>(`${BASE}/runs/${encodeURIComponent(workflowId)}`, signal));
  if (!parsed.success) throw unexpected('the state of a training run');
  return parsed.data;
}

async function modelFrom(response: Promise<unknown>): Promise<PaymentModelView> {
  const parsed = paymentModelViewSchema.safeParse(await response);
  if (!parsed.success) throw unexpected('a payment model');
  return parsed.data;
}

export const pinPaymentModel = (api: ApiClient, id: string, pinned: boolean) => modelFrom(api.post<unknown>(`${BASE}/${encodeURIComponent(id)}/pin`, { pinned }));

export const activatePaymentModel = (api: ApiClient, id: string, reason: string) =>
  modelFrom(api.post<unknown>(`${BASE}/${encodeURIComponent(id)}/activate`, { reason }));
