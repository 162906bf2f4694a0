export type Role = 'admin' | 'manager' | 'collector';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Credentials {
  email: string;
  password: string;
}

/** GET /api/health. Only the fields the designer reads; the server may send more. */
export interface Health {
  demo: boolean;
  /** Where the browser can open the Temporal Web UI (the server's TEMPORAL_UI_URL), when configured. */
  temporalUiUrl: string | null;
}
