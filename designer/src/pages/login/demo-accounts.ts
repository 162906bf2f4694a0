import type { Role } from '../../api/auth.types.ts';

export interface DemoLogin {
  role: Role;
  email: string;
}

// Seeded by the server's demo mode; shown only when GET /api/health reports { demo: true }.
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { role: 'admin', email: 'admin@recoup.local' },
  { role: 'manager', email: 'manager@recoup.local' },
  { role: 'collector', email: 'collector1@recoup.local' },
];
