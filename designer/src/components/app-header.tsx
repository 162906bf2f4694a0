import { useState } from 'react';
import { useApi } from '../api/api-context.ts';
import { ApiError } from '../api/api-error.ts';
import { logout } from '../api/auth.api.ts';
import type { User } from '../api/auth.types.ts';
import { Link } from '../routing/link.tsx';
import { usePathname } from '../routing/location.ts';
import { ADMIN_PATH, isAdminPath, sectionsFor } from '../routing/routes.ts';

interface AppHeaderProps {
  user: User;
  onSignedOut: () => void;
}

export function AppHeader({ user, onSignedOut }: AppHeaderProps) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pathname = usePathname();
  const sections = sectionsFor(user.role);
  const hasAdminArea = sections.some((section) => section.area === 'admin');

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await logout(api);
      onSignedOut();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Signing out failed. Please try again.');
      setBusy(false);
    }
  }

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="brand" aria-label="Recoup home">
          <span className="brand__mark" aria-hidden="true">
            R
          </span>
          Recoup
        </Link>
        <nav className="app-nav" aria-label="Main">
          {sections
            .filter((section) => section.area === 'work')
            .map((section) => (
              <Link key={section.path} to={section.path} className="app-nav__link">
                {section.title}
              </Link>
            ))}
          {hasAdminArea ? (
            // The admin sections have their own menu inside the area; this link stays lit on every one of them.
            <Link to={ADMIN_PATH} className="app-nav__link" aria-current={isAdminPath(pathname) ? 'page' : undefined}>
              Admin
            </Link>
          ) : null}
        </nav>
        <div className="app-header__user">
          <span className="app-header__who">
            Signed in as {user.name} ({user.role})
          </span>
          <button type="button" className="button button--ghost" onClick={() => void signOut()} disabled={busy}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
      {error ? (
        <p className="app-header__error" role="alert">
          {error}
        </p>
      ) : null}
    </header>
  );
}
