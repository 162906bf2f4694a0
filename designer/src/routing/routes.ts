import { cashViewAt, type CashView } from '../cash/cash-views.ts';

export interface Section {
  path: string;
  title: string;
  summary: string;
  roles: readonly SectionRole[];
  /** work: in the main menu. admin: under Admin, the configuration and records of the system itself. */
  area: 'work' | 'admin';
}

export type SectionRole = 'admin' | 'manager' | 'collector';

export const SECTIONS: readonly Section[] = [
  {
    path: '/tasks',
    title: 'Inbox',
    summary: 'Your calls, reviews and escalations, most urgent first, with the reason for each priority.',
    area: 'work',
    roles: ['admin', 'manager', 'collector'],
  },
  {
    path: '/accounts',
    title: 'Accounts',
    summary: 'Debtor accounts with their invoices, payments, messages and why the workflow did what it did.',
    area: 'work',
    roles: ['admin', 'manager', 'collector'],
  },
  {
    path: '/team',
    title: 'Team',
    summary: 'Workload per collector, reassignment of tasks and accounts, capacity and skills.',
    area: 'work',
    roles: ['admin', 'manager'],
  },
  {
    path: '/dashboards',
    title: 'Dashboards',
    summary: 'Aging, DSO, CEI, recovery, promises kept, productivity and the 13-week cash forecast.',
    area: 'work',
    roles: ['admin', 'manager'],
  },
  {
    path: '/cash',
    title: 'Cash application',
    summary: 'Bank statements reconciled live, the exception queue, short payments and portfolio imports.',
    area: 'work',
    roles: ['admin', 'manager'],
  },
  {
    path: '/strategies',
    title: 'Strategies',
    summary: 'Draw collection strategies as graphs, test them, and publish immutable versions.',
    area: 'work',
    roles: ['admin', 'manager', 'collector'],
  },
  {
    path: '/templates',
    title: 'Templates',
    summary: 'The texts reminders send, previewed with a real account’s data.',
    area: 'work',
    roles: ['admin', 'manager', 'collector'],
  },
  {
    path: '/admin/workflows',
    title: 'Workflows',
    summary: 'Every account’s collection workflow: filter, read its history, pause, resume or terminate it.',
    area: 'admin',
    roles: ['admin'],
  },
  {
    path: '/admin/users',
    title: 'Users',
    summary: 'Who may sign in, with which role and on which team.',
    area: 'admin',
    roles: ['admin'],
  },
  {
    path: '/admin/api-tokens',
    title: 'API tokens',
    summary: 'Credentials for your ERP and other systems: what each may do, who it acts as, its last use, and revoking it.',
    area: 'admin',
    roles: ['admin'],
  },
  {
    path: '/admin/api-reference',
    title: 'API reference',
    summary: 'Every route of the API: who may call it, the scope an API token needs, its parameters and what it answers.',
    area: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    path: '/admin/compliance',
    title: 'Compliance settings',
    summary: 'Contact hours and call limits per customer type, with the Reg F rule behind each.',
    area: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    path: '/admin/audit',
    title: 'Audit log',
    summary: 'Who changed what and when, with filters, and a check that no entry was changed or removed since.',
    area: 'admin',
    roles: ['admin'],
  },
  {
    path: '/admin/outbox',
    title: 'Outbox',
    summary: 'The e-mails the built-in mail server received in place of real inboxes: read each reminder as it went out.',
    area: 'admin',
    roles: ['admin', 'manager'],
  },
  {
    path: '/admin/payment-models',
    title: 'Payment models',
    summary: 'The models that predict late payments: how well each did, training one now, pinning one and rolling back.',
    area: 'admin',
    roles: ['admin'],
  },
];

/** The sections a role may open, in menu order. */
export const sectionsFor = (role: SectionRole): readonly Section[] => SECTIONS.filter((section) => section.roles.includes(role));

/** Where the admin area starts: its overview lists the admin sections a role may open. */
export const ADMIN_PATH = '/admin';

export const isAdminPath = (pathname: string): boolean => pathname === ADMIN_PATH || pathname.startsWith(`${ADMIN_PATH}/`);

export type Route =
  | { kind: 'home' }
  | { kind: 'strategies' }
  | { kind: 'strategy'; id: string }
  | { kind: 'templates' }
  | { kind: 'inbox' }
  | { kind: 'accounts' }
  | { kind: 'account'; id: string }
  | { kind: 'team' }
  | { kind: 'dashboards' }
  | { kind: 'cash'; view: CashView }
  | { kind: 'workflows' }
  | { kind: 'workflow'; accountId: string }
  | { kind: 'users' }
  | { kind: 'api-tokens' }
  | { kind: 'api-reference' }
  | { kind: 'admin' }
  | { kind: 'compliance' }
  | { kind: 'audit' }
  | { kind: 'outbox' }
  | { kind: 'outbox-message'; id: string }
  | { kind: 'payment-models' }
  | { kind: 'not-found' };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { kind: 'home' };
  if (path === '/strategies') return { kind: 'strategies' };
  if (path === '/templates') return { kind: 'templates' };
  if (path === '/tasks') return { kind: 'inbox' };
  if (path === '/accounts') return { kind: 'accounts' };
  if (path === '/team') return { kind: 'team' };
  if (path === '/dashboards') return { kind: 'dashboards' };
  const cash = cashViewAt(path);
  if (cash) return { kind: 'cash', view: cash };
  if (path === '/admin/workflows') return { kind: 'workflows' };
  if (path === '/admin/users') return { kind: 'users' };
  if (path === '/admin/api-tokens') return { kind: 'api-tokens' };
  if (path === '/admin/api-reference') return { kind: 'api-reference' };
  if (path === ADMIN_PATH) return { kind: 'admin' };
  if (path === '/admin/compliance') return { kind: 'compliance' };
  if (path === '/admin/audit') return { kind: 'audit' };
  if (path === '/admin/outbox') return { kind: 'outbox' };
  if (path === '/admin/payment-models') return { kind: 'payment-models' };
  const strategy = /^\/strategies\/([^/]+)$/.exec(path);
  if (strategy?.[1]) return { kind: 'strategy', id: decodeURIComponent(strategy[1]) };
  const account = /^\/accounts\/([^/]+)$/.exec(path);
  if (account?.[1]) return { kind: 'account', id: decodeURIComponent(account[1]) };
  const workflow = /^\/admin\/workflows\/([^/]+)$/.exec(path);
  if (workflow?.[1]) return { kind: 'workflow', accountId: decodeURIComponent(workflow[1]) };
  const message = /^\/admin\/outbox\/([^/]+)$/.exec(path);
  if (message?.[1]) return { kind: 'outbox-message', id: decodeURIComponent(message[1]) };
  return { kind: 'not-found' };
}
