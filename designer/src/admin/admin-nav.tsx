import type { Role } from '@recoup/contracts';
import { Link } from '../routing/link.tsx';
import { usePathname } from '../routing/location.ts';
import { sectionsFor } from '../routing/routes.ts';
import './admin-area.css';

/** The admin area's own menu, above each of its pages: the admin sections this role may open. */
export function AdminNav({ role }: { role: Role }) {
  const pathname = usePathname();
  const sections = sectionsFor(role).filter((section) => section.area === 'admin');
  return (
    <nav className="section-tabs" aria-label="Administration">
      {sections.map((section) => {
        const current = pathname === section.path || pathname.startsWith(`${section.path}/`);
        return (
          <Link
            key={section.path}
            to={section.path}
            className={`section-tabs__tab${current ? ' section-tabs__tab--current' : ''}`}
            aria-current={current ? 'page' : undefined}
          >
            {section.title}
          </Link>
        );
      })}
    </nav>
  );
}
