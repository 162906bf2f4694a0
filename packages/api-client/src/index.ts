import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { components, operations, paths } from './schema.ts';

/** A client of the Recoup API whose paths, parameters, bodies and answers are typed from its OpenAPI contract. */
export type RecoupClient = Client<paths>;

export interface RecoupClientOptions {
  /** Where the API is, e.g. https://recoup.example.com (the paths start with /api). */
  baseUrl: string;
  /** An API token an admin created; requests then carry `Authorization: Bearer <token>`. */
  token?: string;
  fetch?: typeof globalThis.fetch;
}

/** A client that calls as an API token (or, without one, only the public routes). */
export const createRecoupClient = ({ baseUrl, token, fetch }: RecoupClientOptions): RecoupClient =>
  createClient<paths>({
    baseUrl,
    ...(fetch ? { fetch } : {}),
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });

/** An answer the API refused, with its status and the API's error body. */
export class RecoupApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(what: string, status: number, body: unknown) {
    const detail = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    super(`${what} answered ${status}${detail ? `: ${detail.code ?? ''} ${detail.message ?? ''}`.trimEnd() : ''}`);
    this.name = 'RecoupApiError';
    this.status = status;
    this.body = body;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signs in with an e-mail and password and returns a client that keeps the session: its cookies go with every
 * request and its CSRF token with every write. For scripts and tests on Node; a browser keeps the cookie itself.
 */
export const signIn = async (baseUrl: string, email: string, password: string, fetch?: typeof globalThis.fetch): Promise<RecoupClient> => {
  const client = createRecoupClient({ baseUrl, ...(fetch ? { fetch } : {}) });
  const cookies = new Map<string, string>();
  let csrf = '';
  const session: Middleware = {
    onRequest({ request }) {
      if (cookies.size > 0) request.headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      if (csrf && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', csrf);
      return request;
    },
    onResponse({ response }) {
      for (const header of response.headers.getSetCookie()) {
        const pair = header.split(';')[0] ?? '';
        const equals = pair.indexOf('=');
        if (equals > 0) cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
      }
      return response;
    },
  };
  client.use(session);
  const before = await client.GET('/api/auth/csrf');
  if (!before.data) throw new RecoupApiError('GET /api/auth/csrf', before.response.status, before.error);
  csrf = before.data.csrfToken;
  const login = await client.POST('/api/auth/login', { body: { email, password } });
  if (!login.data) throw new RecoupApiError(`Signing in as ${email}`, login.response.status, login.error);
  csrf = login.data.csrfToken;
  return client;
};

/** The data of an answer, or a RecoupApiError naming what was asked. */
export const expectOk = <T>(what: string, answer: { data?: T; error?: unknown; response: Response }): T => {
  if (answer.data === undefined || !answer.response.ok) throw new RecoupApiError(what, answer.response.status, answer.error);
  return answer.data;
};
