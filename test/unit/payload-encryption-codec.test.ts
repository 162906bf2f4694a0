import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { PayloadKeyRing } from '@recoup/config';
import {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  KEY_ID_METADATA,
  PayloadDecryptionError,
  PayloadKeyRingError,
  PayloadKeyUnknownError,
} from '../../workflows/src/codec/encryption-codec.ts';

const key = () => randomBytes(32).toString('base64');
const OLD = { id: 'k-2025', key: key() };
const NEW = { id: 'k-2026', key: key() };
const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

const SECRET = { account: 'Zebediah Quartermaine', email: 'zeb.q@example.test', balanceMinor: '7319185' };
const plain = (): Payload => defaultPayloadConverter.toPayload(SECRET);

const sealWith = async (ring: PayloadKeyRing): Promise<Payload> => {
  const [sealed] = await new EncryptionCodec(ring).encode([plain()]);
  if (!sealed) throw new Error('the codec returned nothing');
  return sealed;
};

describe('the payload encryption codec', () => {
  it('seals a payload whole: only its encoding and key id show, and none of its data', async () => {
    const sealed = await sealWith({ activeKeyId: NEW.id, keys: [NEW] });
    expect(Object.keys(sealed.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA].sort());
    expect(text(sealed.metadata?.['encoding'])).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe(NEW.id);
    const visible = text(sealed.data);
    for (const value of [...Object.values(SECRET), 'json/plain']) expect(visible).not.toContain(value);
  });

  it('gives back the original payload, metadata and data, on decode', async () => {
    const ring = { activeKeyId: NEW.id, keys: [NEW] };
    const sealed = await sealWith(ring);
    const [opened] = await new EncryptionCodec(ring).decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened ?? {})).toEqual(SECRET);
    expect(text(opened?.metadata?.['encoding'])).toBe('json/plain');
  });

  it('never seals the same payload to the same bytes twice', async () => {
    const ring = { activeKeyId: NEW.id, keys: [NEW] };
    const [a, b] = await new EncryptionCodec(ring).encode([plain(), plain()]);
    expect(text(a?.data)).not.toEqual(text(b?.data));
  });

  it('still opens a payload sealed with an old key after the active key has changed', async () => {
    const sealedBefore = await sealWith({ activeKeyId: OLD.id, keys: [OLD] });
    const rotated = new EncryptionCodec({ activeKeyId: NEW.id, keys: [OLD, NEW] });
    const [opened] = await rotated.decode([sealedBefore]);
    expect(defaultPayloadConverter.fromPayload(opened ?? {})).toEqual(SECRET);
    const [sealedAfter] = await rotated.encode([plain()]);
    expect(text(sealedAfter?.metadata?.[KEY_ID_METADATA])).toBe(NEW.id);
  });

  it('refuses a payload whose key id it does not hold, naming the id', async () => {
    const sealed = await sealWith({ activeKeyId: OLD.id, keys: [OLD] });
    const withoutOld = new EncryptionCodec({ activeKeyId: NEW.id, keys: [NEW] });
    await expect(withoutOld.decode([sealed])).rejects.toThrow(PayloadKeyUnknownError);
    await expect(withoutOld.decode([sealed])).rejects.toThrow(/key "k-2025".*TEMPORAL_PAYLOAD_KEYS/);
  });

  it('refuses a payload whose ciphertext was altered', async () => {
    const ring = { activeKeyId: NEW.id, keys: [NEW] };
    const sealed = await sealWith(ring);
    const data = Buffer.from(sealed.data ?? new Uint8Array());
    data[20] = (data[20] ?? 0) ^ 0x01;
    await expect(new EncryptionCodec(ring).decode([{ ...sealed, data }])).rejects.toThrow(PayloadDecryptionError);
  });

  it('refuses a payload relabelled with another key id, even when that key would fit', async () => {
    const sealed = await sealWith({ activeKeyId: OLD.id, keys: [OLD] });
    // The same key under a new id: the id is bound into the ciphertext, so the relabelled payload does not open.
    const alias = new EncryptionCodec({ activeKeyId: 'alias', keys: [{ id: 'alias', key: OLD.key }] });
    const relabelled = { ...sealed, metadata: { ...sealed.metadata, [KEY_ID_METADATA]: Buffer.from('alias') } };
    await expect(alias.decode([relabelled])).rejects.toThrow(PayloadDecryptionError);
  });

  it('refuses a payload cut too short to hold a nonce and a tag', async () => {
    const ring = { activeKeyId: NEW.id, keys: [NEW] };
    const sealed = await sealWith(ring);
    await expect(new EncryptionCodec(ring).decode([{ ...sealed, data: Buffer.alloc(10) }])).rejects.toThrow(PayloadDecryptionError);
  });

  it('passes a payload recorded before encryption through unchanged', async () => {
    const unencrypted = plain();
    const [passed] = await new EncryptionCodec({ activeKeyId: NEW.id, keys: [NEW] }).decode([unencrypted]);
    expect(passed).toBe(unencrypted);
  });

  it('will not start with a key of the wrong length or an active key it does not hold', () => {
    expect(() => new EncryptionCodec({ activeKeyId: 'short', keys: [{ id: 'short', key: randomBytes(16).toString('base64') }] })).toThrow(
      PayloadKeyRingError,
    );
    expect(() => new EncryptionCodec({ activeKeyId: 'missing', keys: [NEW] })).toThrow(PayloadKeyRingError);
  });
});
