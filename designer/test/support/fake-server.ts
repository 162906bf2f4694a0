// A stand-in for the API in component tests: jsdom has no fetch, and the client only needs status, ok and text()
// from a response. Routes are keyed by method and path without the query, which handlers read from `url`.

export interface FakeReply {
  status: number;
  body?: unknown;
}

export interface FakeRequest {
  method: string;
  url: URL;
  /** The parsed JSON body, or the text of an uploaded file. */
  body: unknown;
  contentType: string | undefined;
}

export type FakeRoute = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

function fakeResponse({ status, body }: FakeReply): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { status, ok: status >= 200 && status < 300, text: () => Promise.resolve(text) } as Response;
}

export interface FakeServer {
  fetchFn(input: string, init: RequestInit): Promise<Response>;
  /** Every request, in order. */
  requests: FakeRequest[];
  /** Requests to one route ("POST /api/templates"), in order. */
  calls(key: string): FakeRequest[];
}

/** An uploaded file's text, read the way the page's own engine can. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable upload'));
    reader.readAsText(blob);
  });
}

export function fakeServer(routes: Record<string, FakeRoute>): FakeServer {
  const requests: FakeRequest[] = [];
  const fetchFn = async (input: string, init: RequestInit): Promise<Response> => {
    const method = init.method ?? 'GET';
    const url = new URL(input, 'http://recoup.test');
    const headers = (init.headers ?? {}) as Record<string, string>;
    // A file upload arrives as its own text; everything else is JSON.
    const isJson = headers['content-type'] === undefined || headers['content-type'] === 'application/json';
    const body: unknown = typeof init.body === 'string' ? (isJson ? JSON.parse(init.body) : init.body) : init.body instanceof Blob ? await blobText(init.body) : undefined;
    const request = { method, url, body, contentType: headers['content-type'] };
    requests.push(request);
    if (method === 'GET' && url.pathname === '/api/auth/csrf') return fakeResponse({ status: 200, body: { csrfToken: 'csrf-token' } });
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return fakeResponse({ status: 404, body: { error: { code: 'not-found', message: `${method} ${input}` } } });
    return fakeResponse(await route(request));
  };
  const calls = (key: string): FakeRequest[] => requests.filter((r) => `${r.method} ${r.url.pathname}` === key);
  return { fetchFn, requests, calls };
}
