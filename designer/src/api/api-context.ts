import { createContext, createElement, useContext, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiClient } from './api-client.ts';

// One client per page load so the CSRF token is fetched once; tests provide their own. Each API client comes with
// its own TanStack Query cache, so server state (lists, details, their loading and failure) is cached, refetched
// and shared between pages through it rather than held in each page's own state.

/** The web app's own client, for its root. */
export const defaultApiClient = new ApiClient();

const ApiClientContext = createContext<ApiClient>(defaultApiClient);

const queryClients = new WeakMap<ApiClient, QueryClient>();

const queryClientFor = (api: ApiClient): QueryClient => {
  let client = queryClients.get(api);
  if (!client) {
    client = new QueryClient({
      defaultOptions: {
        // A failed read is shown with a "Try again" button at once rather than retried behind the user's back.
        queries: { retry: false, refetchOnWindowFocus: false },
        mutations: { retry: false },
      },
    });
    queryClients.set(api, client);
  }
  return client;
};

/** Provides the API client, and the query cache that goes with it, to everything below. */
export function ApiContext({ value, children }: { value: ApiClient; children?: ReactNode }) {
  return createElement(ApiClientContext, { value }, createElement(QueryClientProvider, { client: queryClientFor(value) }, children));
}

export function useApi(): ApiClient {
  return useContext(ApiClientContext);
}
