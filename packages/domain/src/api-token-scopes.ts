// What an API token may be used for. A token acts as the user it was issued for, with that user's role and team,
// and its scopes narrow that further: a request outside every scope the token holds is refused, whatever the role.

export const API_TOKEN_SCOPES = [
  'accounts:read',
  'accounts:write',
  'invoices:write',
  'payments:read',
  'payments:write',
  'tasks:read',
  'tasks:write',
  'kpis:read',
] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** What each scope opens, in the words the admin page and the reference show. */
export const API_TOKEN_SCOPE_DESCRIPTIONS: Readonly<Record<ApiTokenScope, string>> = {
  'accounts:read': 'Read accounts, their invoices, contacts, promises, disputes and timelines.',
  'accounts:write': 'Add notes, record promises and disputes, record calls and cease communication on accounts.',
  'invoices:write': 'Import portfolios of accounts, contacts and invoices, and read the import batches.',
  'payments:read': 'Read payments, bank statements and statement lines.',
  'payments:write': 'Record payments, import bank statements and match statement lines.',
  'tasks:read': "Read collectors' tasks and inboxes.",
  'tasks:write': 'Claim, complete and reassign tasks.',
  'kpis:read': 'Read the KPIs: DSO, CEI, aging and the promise kept rate.',
};

export const isApiTokenScope = (value: unknown): value is ApiTokenScope => API_TOKEN_SCOPES.some((scope) => scope === value);
