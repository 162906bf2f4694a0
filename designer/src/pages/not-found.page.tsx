import { Link } from '../routing/link.tsx';

export function NotFoundPage() {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Page not found</h1>
        <p className="page__lead">There is no page at this address.</p>
      </header>
      <Link to="/" className="button">
        Back to home
      </Link>
    </div>
  );
}
