import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parsePayloadKeyList } from '@recoup/config';
import { PAYLOAD_KEY_FILE, PayloadKeyFileError, persistentPayloadKeys } from '../../packages/api/src/launcher/payload-key-file.ts';

// Without TEMPORAL_PAYLOAD_KEYS the launcher encrypts with a key it generated into the data directory: a restart
// must find the same key, or every history written before it would be unreadable.
describe('the generated payload key of the embedded default', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'recoup-keys-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is generated on the first start into a file only its owner can read, in the form TEMPORAL_PAYLOAD_KEYS takes', () => {
    const ring = persistentPayloadKeys(dataDir);
    const path = join(dataDir, PAYLOAD_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(parsePayloadKeyList(readFileSync(path, 'utf8'))).toEqual({ ok: true, keys: [...ring.keys] });
    expect(ring.keys).toHaveLength(1);
    expect(ring.activeKeyId).toBe(ring.keys[0]?.id);
    expect(Buffer.from(ring.keys[0]?.key ?? '', 'base64')).toHaveLength(32);
  });

  it('is the same key on every later start', () => {
    const first = persistentPayloadKeys(dataDir);
    expect(persistentPayloadKeys(dataDir)).toEqual(first);
  });

  it('differs between two data directories', () => {
    const other = mkdtempSync(join(tmpdir(), 'recoup-keys-'));
    try {
      expect(persistentPayloadKeys(other).keys[0]?.key).not.toBe(persistentPayloadKeys(dataDir).keys[0]?.key);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('encrypts with the last key when an admin has appended a new one, and keeps the old one for decrypting', () => {
    const first = persistentPayloadKeys(dataDir);
    const added = { id: 'appended', key: Buffer.alloc(32, 3).toString('base64') };
    writeFileSync(join(dataDir, PAYLOAD_KEY_FILE), `${readFileSync(join(dataDir, PAYLOAD_KEY_FILE), 'utf8')}${added.id}:${added.key}\n`);
    expect(persistentPayloadKeys(dataDir)).toEqual({ activeKeyId: 'appended', keys: [...first.keys, added] });
  });

  it('refuses a damaged file, naming it, rather than making up a new key', () => {
    writeFileSync(join(dataDir, PAYLOAD_KEY_FILE), 'not a key\n');
    expect(() => persistentPayloadKeys(dataDir)).toThrow(PayloadKeyFileError);
    expect(() => persistentPayloadKeys(dataDir)).toThrow(PAYLOAD_KEY_FILE);
    expect(readFileSync(join(dataDir, PAYLOAD_KEY_FILE), 'utf8')).toBe('not a key\n');
  });
});
