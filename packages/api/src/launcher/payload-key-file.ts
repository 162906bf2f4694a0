import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPayloadKeyList, parsePayloadKeyList, type PayloadKeyRing } from '@recoup/config';

/** Where the embedded default keeps the payload key it generated, beside the data it encrypts. */
export const PAYLOAD_KEY_FILE = 'temporal-payload-keys';

export class PayloadKeyFileError extends Error {
  override readonly name = 'PayloadKeyFileError';
}

/**
 * The payload keys of a run without TEMPORAL_PAYLOAD_KEYS: generated once into the data directory and read from
 * there on every later start, so that workflows written before a restart still decrypt. The file holds the same
 * `id:base64key` entries as TEMPORAL_PAYLOAD_KEYS; the last one encrypts.
 */
export function persistentPayloadKeys(dataDir: string): PayloadKeyRing {
  const path = join(dataDir, PAYLOAD_KEY_FILE);
  if (!existsSync(path)) {
    const key = { id: `generated-${randomBytes(4).toString('hex')}`, key: randomBytes(32).toString('base64') };
    // wx: two launchers starting at once must not each write a key and encrypt with different ones.
    try {
      writeFileSync(path, `${formatPayloadKeyList([key])}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const parsed = parsePayloadKeyList(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new PayloadKeyFileError(`${path}: ${parsed.problems.join('; ')}`);
  const active = parsed.keys.at(-1);
  if (!active) throw new PayloadKeyFileError(`${path} holds no key.`);
  return { activeKeyId: active.id, keys: parsed.keys };
}
