import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { quietTemporalRuntime, workflowBundle } from './temporal-test-env.ts';

// Recorded histories must replay on the current workflow code: a change that would make running workflows
// non-deterministic fails here. Refresh the fixtures with RECORD_HISTORIES=1 only for intended, patched changes.
const dir = join(process.cwd(), 'test', 'fixtures', 'histories');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('replay of recorded collection histories', () => {
  it('has recorded histories to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtures)('replays %s deterministically', async (file) => {
    quietTemporalRuntime();
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file.replace(/\.json$/, ''));
  });
});
