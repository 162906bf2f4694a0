import type { User } from '../api/auth.types.ts';
import { Link } from '../routing/link.tsx';
import { sectionsFor } from '../routing/routes.ts';

/** The admin area's overview: each section a role may open there, and what it is for. */
export function AdminPage({ user }: { user: User }) {
  const sections = sectionsFor(user.role).filter((section) => section.area === 'admin');
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Admin</h1>
        <p className="page__lead">How Recoup itself is set up and what it has done: its users, workflows, guardrails, records and mail.</p>
      </header>
      {sections.length === 0 ? (
        <p className="notice notice--warning" role="alert">
          Nothing here is open to the {user.role} role.
        </p>
      ) : (
        <ul className="tiles">
          {sections.map((section) => (
            <li key={section.path}>
              <Link to={section.path} className="tile">
                <span className="tile__title">{section.title}</span>
                <span className="tile__text">{section.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
