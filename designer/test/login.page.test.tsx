import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiClient } from '../src/api/api-client.ts';
import { ApiContext } from '../src/api/api-context.ts';
import type { User } from '../src/api/auth.types.ts';
import { LoginPage } from '../src/pages/login/login.page.tsx';

interface FakeReply {
  status: number;
  body?: unknown;
}

type Route = (init: RequestInit) => FakeReply | Promise<FakeReply>;

// jsdom has no fetch; the client only needs status, ok and text() from a response.
function fakeResponse({ status, body }: FakeReply): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { status, ok: status >= 200 && status < 300, text: () => Promise.resolve(text) } as Response;
}

function stubServer(routes: Record<string, Route>) {
  return jest.fn(async (input: string, init: RequestInit): Promise<Response> => {
    const route = routes[`${init.method ?? 'GET'} ${input}`];
    if (!route) return fakeResponse({ status: 404, body: { error: { code: 'not_found', message: input } } });
    return fakeResponse(await route(init));
  });
}

const ada: User = { id: '6f1c1b9e-6c55-4a8e-9d2b-2f1a3c4d5e6f', email: 'admin@recoup.local', name: 'Ada Admin', role: 'admin' };

function renderLogin(fetchFn: (input: string, init: RequestInit) => Promise<Response>) {
  const onSignedIn = jest.fn<(user: User) => void>();
  render(
    <ApiContext value={new ApiClient(fetchFn)}>
      <LoginPage onSignedIn={onSignedIn} />
    </ApiContext>,
  );
  return { onSignedIn };
}

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email address'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  afterEach(cleanup);

  it('shows the demo logins when the server says it runs in demo mode', async () => {
    renderLogin(stubServer({ 'GET /api/health': () => ({ status: 200, body: { status: 'ok', demo: true } }) }));

    expect(await screen.findByRole('heading', { name: 'Demo sign-ins' })).toBeTruthy();
    for (const email of ['admin@recoup.local', 'manager@recoup.local', 'collector1@recoup.local']) {
      expect(screen.getByText(email)).toBeTruthy();
    }
    expect(screen.getByText('demo-password')).toBeTruthy();
  });

  it('hides the demo logins when the server is not in demo mode', async () => {
    const fetchFn = stubServer({ 'GET /api/health': () => ({ status: 200, body: { status: 'ok', demo: false } }) });
    renderLogin(fetchFn);

    await waitFor(() => expect(fetchFn).toHaveBeenCalled());
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.queryByText('admin@recoup.local')).toBeNull();
  });

  it('fills the form from a demo login', async () => {
    renderLogin(stubServer({ 'GET /api/health': () => ({ status: 200, body: { demo: true } }) }));

    fireEvent.click(await screen.findByRole('button', { name: 'Use manager@recoup.local' }));

    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('manager@recoup.local');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('demo-password');
  });

  it('submits the credentials with the CSRF token and reports the signed-in user', async () => {
    const fetchFn = stubServer({
      'GET /api/health': () => ({ status: 200, body: { demo: false } }),
      'GET /api/auth/csrf': () => ({ status: 200, body: { csrfToken: 'csrf-token-123' } }),
      'POST /api/auth/login': () => ({ status: 200, body: { user: ada } }),
    });
    const { onSignedIn } = renderLogin(fetchFn);

    fillAndSubmit(' admin@recoup.local ', 'demo-password');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(ada));
    const loginCall = fetchFn.mock.calls.find(([url]) => url === '/api/auth/login');
    expect(loginCall).toBeDefined();
    const init = loginCall?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({ 'x-csrf-token': 'csrf-token-123', 'content-type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'admin@recoup.local', password: 'demo-password' });
  });

  it("shows the server's message when the credentials are refused", async () => {
    const { onSignedIn } = renderLogin(
      stubServer({
        'GET /api/health': () => ({ status: 200, body: { demo: false } }),
        'GET /api/auth/csrf': () => ({ status: 200, body: { csrfToken: 'csrf-token-123' } }),
        'POST /api/auth/login': () => ({
          status: 401,
          body: { error: { code: 'invalid_credentials', message: 'Email or password is incorrect.' } },
        }),
      }),
    );

    fillAndSubmit('admin@recoup.local', 'wrong-password');

    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect.');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows how long to wait when failed sign-ins have locked the account', async () => {
    const message = 'Too many failed sign-ins for this e-mail address. Try again in 15 minutes, or ask an admin to unlock the account.';
    renderLogin(
      stubServer({
        'GET /api/health': () => ({ status: 200, body: { demo: false } }),
        'GET /api/auth/csrf': () => ({ status: 200, body: { csrfToken: 'csrf-token-123' } }),
        'POST /api/auth/login': () => ({
          status: 429,
          body: { error: { code: 'too-many-sign-ins', message, details: { scope: 'account', retryAfterSeconds: 900 } } },
        }),
      }),
    );

    fillAndSubmit('admin@recoup.local', 'demo-password');

    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });

  it('says so when the server cannot be reached', async () => {
    const fetchFn = jest.fn((): Promise<Response> => Promise.reject(new TypeError('Failed to fetch')));
    renderLogin(fetchFn);

    expect((await screen.findByRole('status')).textContent).toMatch(/not responding/);
    fillAndSubmit('admin@recoup.local', 'demo-password');

    expect((await screen.findByRole('alert')).textContent).toMatch(/Cannot reach the Recoup server/);
  });

  it('shows a busy state while signing in', async () => {
    let answer: (reply: FakeReply) => void = () => undefined;
    const { onSignedIn } = renderLogin(
      stubServer({
        'GET /api/health': () => ({ status: 200, body: { demo: false } }),
        'GET /api/auth/csrf': () => ({ status: 200, body: { csrfToken: 't' } }),
        'POST /api/auth/login': () => new Promise<FakeReply>((resolve) => (answer = resolve)),
      }),
    );

    fillAndSubmit('admin@recoup.local', 'demo-password');

    const button = await screen.findByRole('button', { name: /Signing in/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(onSignedIn).not.toHaveBeenCalled();
    answer({ status: 200, body: { user: ada } });
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(ada));
  });

  it('asks for both fields before calling the server', async () => {
    const fetchFn = stubServer({ 'GET /api/health': () => ({ status: 200, body: { demo: false } }) });
    renderLogin(fetchFn);

    fillAndSubmit('', '');

    expect((await screen.findByRole('alert')).textContent).toBe('Enter your email address and password.');
    expect(fetchFn.mock.calls.some(([url]) => url === '/api/auth/login')).toBe(false);
  });
});
