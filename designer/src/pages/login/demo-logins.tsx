import { useId } from 'react';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-accounts.ts';

interface DemoLoginsProps {
  onUse: (email: string, password: string) => void;
}

export function DemoLogins({ onUse }: DemoLoginsProps) {
  const id = useId();
  return (
    <section className="card demo" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="demo__title">
        Demo sign-ins
      </h3>
      <p className="demo__hint">
        This server runs with demo data. Every demo user has the password <code>{DEMO_PASSWORD}</code>.
      </p>
      <ul className="demo__list">
        {DEMO_LOGINS.map((demo) => (
          <li key={demo.email} className="demo__item">
            <span className="badge">{demo.role}</span>
            <code className="demo__email">{demo.email}</code>
            <button
              type="button"
              className="button button--small"
              onClick={() => onUse(demo.email, DEMO_PASSWORD)}
              aria-label={`Use ${demo.email}`}
            >
              Use
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
