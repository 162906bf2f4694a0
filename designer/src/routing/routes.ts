export interface Section {
  path: string;
  title: string;
  summary: string;
}

// Pages that later work fills in; the shell already routes to them so links and bookmarks stay stable.
export const SECTIONS: readonly Section[] = [
  {
    path: '/strategies',
    title: 'Strategies',
    summary: 'Draw collection strategies as graphs, test them, and publish immutable versions.',
  },
  {
    path: '/tasks',
    title: 'Tasks',
    summary: 'Work the calls, reviews and escalations that running strategies hand to collectors.',
  },
  {
    path: '/accounts',
    title: 'Accounts',
    summary: 'Debtor accounts with their invoices, payments, messages and collection workflow.',
  },
];

export type Route = { kind: 'home' } | { kind: 'section'; section: Section } | { kind: 'not-found' };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { kind: 'home' };
  const section = SECTIONS.find((candidate) => candidate.path === path);
  return section ? { kind: 'section', section } : { kind: 'not-found' };
}
