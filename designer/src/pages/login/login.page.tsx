import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useApi } from '../../api/api-context.ts';
import { login } from '../../api/auth.api.ts';
import type { User } from '../../api/auth.types.ts';
import { useHealth } from '../../api/use-health.ts';
import { DemoLogins } from './demo-logins.tsx';
import { describeLoginError } from './login-error.ts';

interface LoginPageProps {
  onSignedIn: (user: User) => void;
}

export function LoginPage({ onSignedIn }: LoginPageProps) {
  const api = useApi();
  const health = useHealth();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  async function signIn() {
    if (email.trim() === '' || password === '') {
      setError('Enter your email address and password.');
      (email.trim() === '' ? emailInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await login(api, { email: email.trim(), password });
      onSignedIn(user);
    } catch (failure) {
      setError(describeLoginError(failure));
      setBusy(false);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void signIn();
  }

  function fillDemoLogin(demoEmail: string, demoPassword: string) {
    setEmail(demoEmail);
    setPassword(demoPassword);
    setError(null);
    passwordInput.current?.focus();
  }

  const errorId = `${id}-error`;

  return (
    <div className="login">
      <section className="login__intro" aria-labelledby={`${id}-intro`}>
        <p className="brand brand--large" aria-hidden="true">
          <span className="brand__mark">R</span> Recoup
        </p>
        <h1 id={`${id}-intro`} className="login__headline">
          Collections that follow your strategy, account by account.
        </h1>
        <p className="login__lead">
          Recoup is open-source collections management. Each debtor account runs its own durable workflow,
          driven by a strategy you draw as a graph: reminders, calls, reviews and escalations happen on time,
          and every payment and decision is recorded in an audit trail.
        </p>
        <ul className="login__points">
          <li>Strategies as versioned, reviewable graphs</li>
          <li>Task queues for collectors and managers</li>
          <li>Payments, allocations and email outreach in one place</li>
        </ul>
      </section>

      <section className="login__panel" aria-labelledby={`${id}-title`}>
        <div className="card login__card">
          <h2 id={`${id}-title`} className="card__title">
            Sign in
          </h2>

          {health.status === 'failed' && health.error.isUnreachable ? (
            <p className="notice notice--warning" role="status">
              The Recoup server is not responding. You can still try to sign in once it is running.
            </p>
          ) : null}

          <form className="form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-email`}>
                Email address
              </label>
              <input
                ref={emailInput}
                id={`${id}-email`}
                className="field__input"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={error !== null && email.trim() === ''}
                aria-describedby={error ? errorId : undefined}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-password`}>
                Password
              </label>
              <input
                ref={passwordInput}
                id={`${id}-password`}
                className="field__input"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={error !== null && password === ''}
                aria-describedby={error ? errorId : undefined}
              />
            </div>

            {error ? (
              <p id={errorId} className="form__error" role="alert">
                {error}
              </p>
            ) : null}

            <button className="button button--primary button--block" type="submit" disabled={busy}>
              {busy ? (
                <>
                  <span className="spinner" aria-hidden="true" /> Signing in…
                </>
              ) : (
                'Sign in'
              )}
            </button>
          </form>
        </div>

        {health.status === 'ready' && health.health.demo ? <DemoLogins onUse={fillDemoLogin} /> : null}
      </section>
    </div>
  );
}
