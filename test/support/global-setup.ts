import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@recoup/db';
import { prepareTestTemplate, TEST_PG_URL_ENV } from '@recoup/db/testing';
import { TEST_POSTGRES_KEY, type TestPostgresState } from './test-postgres-state.ts';

const PREFIX = 'recoup-test-pg-';
const STALE_AFTER_MS = 6 * 3_600_000;

// One embedded PostgreSQL for the whole integration run; each test file copies the migrated template database.
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_PG_URL_ENV]) return; // an outer runner already provides a server
  await removeStaleDataDirs();
  const dataDir = await mkdtemp(join(tmpdir(), PREFIX));
  const server = await startEmbeddedPostgres({ dataDir, port: 0 });
  try {
    await prepareTestTemplate(server.adminUrl);
  } catch (error) {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env[TEST_PG_URL_ENV] = server.adminUrl;
  const state: TestPostgresState = { stop: () => server.stop(), dataDir };
  (globalThis as Record<string, unknown>)[TEST_POSTGRES_KEY] = state;
}

/** A run killed before its teardown leaves its data directory behind; old ones with no server running go. */
async function removeStaleDataDirs(): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const info = await stat(dir).catch(() => undefined);
    if (!info || now - info.mtimeMs < STALE_AFTER_MS) continue;
    if (existsSync(join(dir, 'postgres', 'postmaster.pid'))) continue;
    await rm(dir, { recursive: true, force: true });
  }
}
