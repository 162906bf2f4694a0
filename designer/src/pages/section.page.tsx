import { Link } from '../routing/link.tsx';
import type { Section } from '../routing/routes.ts';

export function SectionPage({ section }: { section: Section }) {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">{section.title}</h1>
        <p className="page__lead">{section.summary}</p>
      </header>
      <div className="card empty">
        <p>This part of Recoup is not available yet.</p>
        <Link to="/" className="button">
          Back to home
        </Link>
      </div>
    </div>
  );
}
