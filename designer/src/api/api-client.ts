import { ApiError, isErrorBody, unreachable, UNEXPECTED_RESPONSE } from './api-error.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  /** A file sent as it is (a bank statement, a CSV), byte for byte, instead of a JSON body. */
  raw?: { content: Blob | string; contentType: string };
  signal?: AbortSignal;
}

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export const CSRF_HEADER = 'x-csrf-token';
const CSRF_PATH = '/api/auth/csrf';

// A reverse proxy (Vite's in development, a load balancer in production) answers these itself when the API
// process is down, usually without our error body.
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * Talks JSON to the Recoup API on the page's own origin. The session lives in a same-origin cookie, and
 * every mutating request carries the CSRF token the server handed out for that session.
 */
export class ApiClient {
  readonly #fetch: FetchFn;
  #csrfToken: Promise<string> | undefined;

  constructor(fetchFn?: FetchFn) {
    // Resolved per call so a test can replace globalThis.fetch after the client exists.
    this.#fetch = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, signal ? { signal } : {});
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>(path, { method: 'POST', body });
  }

  /** POSTs a file as the body, with its own content type; the answer is JSON like every other. */
  postRaw<T>(path: string, content: Blob | string, contentType: string): Promise<T> {
    return this.request<T>(path, { method: 'POST', raw: { content, contentType } });
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    if (method === 'GET') return this.#send<T>(path, method, options);
    try {
      return await this.#send<T>(path, method, options, await this.#getCsrfToken());
    } catch (error) {
      // The token is bound to the session; after the session expired or was regenerated, fetch a fresh one once.
      if (!(error instanceof ApiError) || error.status !== 403 || !/csrf/i.test(error.code)) throw error;
      this.forgetCsrfToken();
      return this.#send<T>(path, method, options, await this.#getCsrfToken());
    }
  }

  /** Call whenever the session changes (sign-in, sign-out): the old token belongs to the old session. */
  forgetCsrfToken(): void {
    this.#csrfToken = undefined;
  }

  #getCsrfToken(): Promise<string> {
    this.#csrfToken ??= this.#send<unknown>(CSRF_PATH, 'GET', {}).then((body) => {
      if (typeof body === 'object' && body !== null && 'csrfToken' in body && typeof body.csrfToken === 'string') {
        return body.csrfToken;
      }
      throw new ApiError(200, UNEXPECTED_RESPONSE, 'The server sent no CSRF token.');
    });
    const pending = this.#csrfToken;
    pending.catch(() => {
      if (this.#csrfToken === pending) this.#csrfToken = undefined;
    });
    return pending;
  }

  async #send<T>(path: string, method: HttpMethod, options: RequestOptions, csrfToken?: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method, credentials: 'same-origin', headers };
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    } else if (options.raw !== undefined) {
      headers['content-type'] = options.raw.contentType;
      init.body = options.raw.content;
    }
    if (csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;
    if (options.signal) init.signal = options.signal;

    let response: Response;
    try {
      response = await this.#fetch(path, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw unreachable(error);
    }

    const text = await response.text();
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }

    if (response.ok) {
      if (text !== '' && body === undefined) {
        throw new ApiError(response.status, UNEXPECTED_RESPONSE, 'The server sent a response that is not JSON.');
      }
      return body as T;
    }
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    }
    if (GATEWAY_STATUSES.has(response.status)) throw unreachable();
    throw new ApiError(response.status, `http_${response.status}`, `The server answered with status ${response.status}.`);
  }
}
