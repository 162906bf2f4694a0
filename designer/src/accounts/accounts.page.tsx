import type { User } from '../api/auth.types.ts';

// Filled in by the feature that owns this page.
export function AccountsPage({ user }: { user: User }) {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Accounts</h1>
        <p className="page__lead">Signed in as {user.name}.</p>
      </header>
    </div>
  );
}
