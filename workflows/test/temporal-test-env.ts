import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { registerSearchAttributes } from '../src/client/search-attributes-registration.ts';
import { WORKFLOWS_PATH } from '../src/worker/create-worker.ts';

/** The time-skipping test server comes from the PyPI wheel installed by scripts/bootstrap.sh. */
export function timeSkippingServerPath(): string {
  const fromEnv = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (fromEnv) return fromEnv;
  const local = join(process.cwd(), '.tools', 'python', 'bin', 'temporal-test-server');
  if (existsSync(local)) return local;
  throw new Error('temporal-test-server not found: run scripts/bootstrap.sh or set TEMPORAL_TEST_SERVER_PATH.');
}

let runtimeInstalled = false;

/** Keeps test output readable: the SDK logs only warnings and errors. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by another test file in this process.
  }
}

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
  });
  // The test server takes the operator's addSearchAttributes and checks upserts against it, as a cluster does (it
  // cannot list workflows by them, so listing is tested on the dev server).
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundles the workflow code once per test file; every test worker reuses it. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') });
  return bundle;
}

/**
 * Activities a test's strategy never reaches: each fails loudly if the workflow calls it anyway. Tests spread
 * these first and override the ones their strategy uses. Every run ends through closeAccount (it closes the
 * account's open tasks), so that one answers as for an account with nothing to write off.
 */
export function unusedActivities(): CollectionActivities {
  const unused = (name: string) => async (): Promise<never> => {
    throw new Error(`${name} was called, but this test's strategy has no such step`);
  };
  return {
    loadStrategyVersion: unused('loadStrategyVersion'),
    loadAccountSnapshot: unused('loadAccountSnapshot'),
    evaluateCondition: unused('evaluateCondition'),
    evaluateSwitch: unused('evaluateSwitch'),
    sendReminder: unused('sendReminder'),
    createTask: unused('createTask'),
    escalate: unused('escalate'),
    assignCollector: unused('assignCollector'),
    setTags: unused('setTags'),
    createPaymentPlan: unused('createPaymentPlan'),
    checkPromise: unused('checkPromise'),
    closeAccount: async () => ({ writtenOffMinor: '0' }),
  };
}

/** RECORD_HISTORIES=1 refreshes the replay fixtures in test/fixtures/histories from the tests' runs. */
export async function maybeRecordHistory(
  name: string,
  handle: { fetchHistory: () => Promise<Parameters<typeof historyToJSON>[0]> },
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const dir = join(process.cwd(), 'test', 'fixtures', 'histories');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 1)}\n`);
}
