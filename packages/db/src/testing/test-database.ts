import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createOrm, migrateToLatest } from '../orm.ts';

/** The Jest global setup stores the admin URL of the shared test server here. */
export const TEST_PG_URL_ENV = 'RECOUP_TEST_PG_URL';
/** Migrated once per test run; every test database is a copy of it. */
export const TEST_TEMPLATE_DATABASE = 'recoup_test_template';

export interface TestDatabase {
  /** Connection URL of this test's own database. */
  url: string;
  orm: MikroORM;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

export class TestDatabaseError extends Error {
  override name = 'TestDatabaseError';
}

function adminUrl(): string {
  const url = process.env[TEST_PG_URL_ENV];
  if (!url) {
    throw new TestDatabaseError(
      `${TEST_PG_URL_ENV} is not set: run integration tests through Jest's 'integration' project, whose global ` +
        'setup starts PostgreSQL.',
    );
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** (Re)creates the migrated template database. Called once by the Jest global setup. */
export async function prepareTestTemplate(serverAdminUrl: string): Promise<void> {
  await withAdmin(serverAdminUrl, async (client) => {
    const name = client.escapeIdentifier(TEST_TEMPLATE_DATABASE);
    await client.query(`update pg_database set datistemplate = false where datname = $1`, [TEST_TEMPLATE_DATABASE]);
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  const orm = await createOrm({ databaseUrl: withDatabase(serverAdminUrl, TEST_TEMPLATE_DATABASE), poolMax: 2 });
  try {
    await migrateToLatest(orm);
  } finally {
    await orm.close(true);
  }
  await withAdmin(serverAdminUrl, async (client) => {
    await client.query(`update pg_database set datistemplate = true where datname = $1`, [TEST_TEMPLATE_DATABASE]);
  });
}

/** A fresh, fully migrated database of its own for one test file (or test). */
export async function createTestDatabase(options: { debug?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = adminUrl();
  const database = `recoup_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, async (client) => {
    // Copying a template fails while another session is connected to it; those sessions are short, so retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(
          `create database ${client.escapeIdentifier(database)} template ${client.escapeIdentifier(TEST_TEMPLATE_DATABASE)}`,
        );
        return;
      } catch (error) {
        const busy = error instanceof Error && /being accessed by other users/.test(error.message);
        if (!busy || attempt >= 50) throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  });
  const url = withDatabase(serverUrl, database);
  const orm = await createOrm({ databaseUrl: url, poolMax: 5, debug: options.debug ?? false });
  let dropped = false;
  return {
    url,
    orm,
    async drop() {
      if (dropped) return;
      dropped = true;
      await orm.close(true);
      await withAdmin(serverUrl, (client) =>
        client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`),
      );
    },
  };
}
