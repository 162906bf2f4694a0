import type { ApiClient } from './api-client.ts';
import { ApiError, UNEXPECTED_RESPONSE } from './api-error.ts';
import type { Credentials, Health, Role, User } from './auth.types.ts';

const ROLES: readonly Role[] = ['admin', 'manager', 'collector'];

function readUser(body: unknown): User {
  const user: unknown = typeof body === 'object' && body !== null && 'user' in body ? body.user : undefined;
  if (
    typeof user === 'object' &&
    user !== null &&
    'id' in user && typeof user.id === 'string' &&
    'email' in user && typeof user.email === 'string' &&
    'name' in user && typeof user.name === 'string' &&
    'role' in user && ROLES.includes(user.role as Role)
  ) {
    return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
  }
  throw new ApiError(200, UNEXPECTED_RESPONSE, 'The server sent an unexpected user record.');
}

/** The signed-in user, or null when there is no session. */
export async function fetchCurrentUser(client: ApiClient, signal?: AbortSignal): Promise<User | null> {
  try {
    return readUser(await client.get<unknown>('/api/auth/me', signal));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(client: ApiClient, credentials: Credentials): Promise<User> {
  const user = readUser(await client.post<unknown>('/api/auth/login', credentials));
  client.forgetCsrfToken();
  return user;
}

export async function logout(client: ApiClient): Promise<void> {
  await client.post<unknown>('/api/auth/logout');
  client.forgetCsrfToken();
}

export async function fetchHealth(client: ApiClient, signal?: AbortSignal): Promise<Health> {
  const body = await client.get<unknown>('/api/health', signal);
  const record: Record<string, unknown> = typeof body === 'object' && body !== null ? { ...body } : {};
  return {
    demo: record['demo'] === true,
    temporalUiUrl: typeof record['temporalUiUrl'] === 'string' ? record['temporalUiUrl'] : null,
  };
}
