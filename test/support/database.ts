// Integration tests outside packages/db get their own migrated database from the shared test server.
export { createTestDatabase } from '@recoup/db/testing';
export type { TestDatabase } from '@recoup/db/testing';
