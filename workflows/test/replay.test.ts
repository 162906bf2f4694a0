import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { NODE_KINDS } from '@recoup/domain';
import { EncryptionCodec } from '../src/codec/encryption-codec.ts';
import { quietTemporalRuntime, workflowBundle } from './temporal-test-env.ts';

// Recorded histories must replay on the current workflow code: a change that would make running workflows
// non-deterministic fails here. Refresh the fixtures with RECORD_HISTORIES=1 only for intended, patched changes.
const dir = join(process.cwd(), 'test', 'fixtures', 'histories');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('replay of recorded workflow histories', () => {
  it('has recorded histories to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it('covers every node kind with the strategies the recorded runs loaded', () => {
    const kinds = new Set<string>();
    for (const file of fixtures) {
      for (const data of readFileSync(join(dir, file), 'utf8').matchAll(/"data": "([A-Za-z0-9+/=]+)"/g)) {
        const text = Buffer.from(data[1] ?? '', 'base64').toString('utf8');
        for (const kind of text.matchAll(/"type":"([a-z-]+)"/g)) if (kind[1]) kinds.add(kind[1]);
      }
    }
    expect(NODE_KINDS.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it.each(fixtures)('replays %s deterministically', async (file) => {
    quietTemporalRuntime();
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file.replace(/\.json$/, ''));
  });

  // Every history written before payloads were encrypted is plaintext: a worker with the codec must still run it.
  it.each(fixtures)('replays %s, recorded unencrypted, on a worker with the payload codec', async (file) => {
    quietTemporalRuntime();
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const codec = new EncryptionCodec({ activeKeyId: 'replay', keys: [{ id: 'replay', key: randomBytes(32).toString('base64') }] });
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: { payloadCodecs: [codec] } }, history, file.replace(/\.json$/, ''));
  });
});
