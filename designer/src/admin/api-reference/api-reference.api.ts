import type { ApiClient } from '../../api/api-client.ts';
import { OPENAPI_PATH, readApiReference, type ApiReference } from './openapi-document.ts';

// The API's own contract, which it serves to anyone (no sign-in needed).

export const API_REFERENCE_KEY = ['api-reference'] as const;

export const getApiReference = async (api: ApiClient, signal?: AbortSignal): Promise<ApiReference> => readApiReference(await api.get<unknown>(OPENAPI_PATH, signal));
