import { rm } from 'node:fs/promises';
import { TEST_POSTGRES_KEY, type TestPostgresState } from './test-postgres-state.ts';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[TEST_POSTGRES_KEY] as TestPostgresState | undefined;
  if (!state) return;
  await state.stop();
  await rm(state.dataDir, { recursive: true, force: true });
}
