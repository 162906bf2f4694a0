import { createContext, useContext } from 'react';
import { ApiClient } from './api-client.ts';

// One client per page load so the CSRF token is fetched once; tests provide their own.
export const ApiContext = createContext<ApiClient>(new ApiClient());

export function useApi(): ApiClient {
  return useContext(ApiContext);
}
