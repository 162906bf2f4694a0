/** Shared between the Jest global setup and teardown, which run in the same process. */
export const TEST_POSTGRES_KEY = '__recoupTestPostgres';

export interface TestPostgresState {
  stop(): Promise<void>;
  dataDir: string;
}
