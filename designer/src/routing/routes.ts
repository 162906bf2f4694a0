export interface Section {
  path: string;
  title: string;
  summary: string;
}

export const SECTIONS: readonly Section[] = [
  {
    path: '/strategies',
    title: 'Strategies',
    summary: 'Draw collection strategies as graphs, test them, and publish immutable versions.',
  },
  {
    path: '/templates',
    title: 'Templates',
    summary: 'The texts reminders send, previewed with a real account’s data.',
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

export type Route =
  | { kind: 'home' }
  | { kind: 'strategies' }
  | { kind: 'strategy'; id: string }
  | { kind: 'templates' }
  | { kind: 'section'; section: Section }
  | { kind: 'not-found' };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { kind: 'home' };
  if (path === '/strategies') return { kind: 'strategies' };
  if (path === '/templates') return { kind: 'templates' };
  const strategy = /^\/strategies\/([^/]+)$/.exec(path);
  if (strategy?.[1]) return { kind: 'strategy', id: decodeURIComponent(strategy[1]) };
  const section = SECTIONS.find((candidate) => candidate.path === path);
  return section ? { kind: 'section', section } : { kind: 'not-found' };
}
