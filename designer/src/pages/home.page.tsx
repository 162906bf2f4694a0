import type { User } from '../api/auth.types.ts';
import { useHealth } from '../api/use-health.ts';
import { Link } from '../routing/link.tsx';
import { sectionsFor } from '../routing/routes.ts';

interface HomePageProps {
  user: User;
}

export function HomePage({ user }: HomePageProps) {
  const health = useHealth();
  const temporalUiUrl = health.status === 'ready' ? health.health.temporalUiUrl : null;

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Welcome, {user.name}</h1>
        <p className="page__lead">Pick up where collections need you.</p>
      </header>

      <ul className="tiles">
        {sectionsFor(user.role).map((section) => (
          <li key={section.path}>
            <Link to={section.path} className="tile">
              <span className="tile__title">{section.title}</span>
              <span className="tile__text">{section.summary}</span>
            </Link>
          </li>
        ))}
        <li>
          {temporalUiUrl ? (
            <a href={temporalUiUrl} className="tile" target="_blank" rel="noreferrer">
              <span className="tile__title">
                Temporal UI <span className="tile__external" aria-label="(opens in a new tab)">↗</span>
              </span>
              <span className="tile__text">Inspect each account’s collection workflow and its full history.</span>
            </a>
          ) : (
            <div className="tile tile--disabled">
              <span className="tile__title">Temporal UI</span>
              <span className="tile__text">
                Not linked: the server has no <code>TEMPORAL_UI_URL</code> configured.
              </span>
            </div>
          )}
        </li>
      </ul>
    </div>
  );
}
