import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import type { PayloadKeyRing } from '@recoup/config';
import { WorkflowsError } from '../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

// Encrypts every payload Recoup hands to Temporal (workflow inputs and results, activity inputs and results,
// signals, updates, queries, memos, failure details) with AES-256-GCM, so that Temporal's history and its Web UI
// hold ciphertext where amounts, balances, rule facts and reasons would be. The whole payload, metadata included,
// is sealed: even its encoding is not readable without a key. Codecs run outside the workflow sandbox, in the
// client and in the worker's main thread, so node:crypto is fine here.

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
const PayloadMessage = proto.temporal.api.common.v1.Payload;

/** A payload names a key id this process does not hold: it was encrypted with a key that has been removed. */
export class PayloadKeyUnknownError extends WorkflowsError {
  override readonly name = 'PayloadKeyUnknownError';
  readonly keyId: string;
  constructor(keyId: string) {
    super('invalid', 'payload-key-unknown', `The payload was encrypted with key "${keyId}", which is not among the configured TEMPORAL_PAYLOAD_KEYS.`, { details: { keyId } });
    this.keyId = keyId;
  }
}

/** An encrypted payload does not open: tampered with, cut short, or its key id points at a different key. */
export class PayloadDecryptionError extends WorkflowsError {
  override readonly name = 'PayloadDecryptionError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('invalid', 'payload-undecryptable', message, options);
  }
}

/** The key ring is not usable (a key of the wrong length, or no active key). */
export class PayloadKeyRingError extends WorkflowsError {
  override readonly name = 'PayloadKeyRingError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('invalid', 'payload-key-ring-invalid', message, options);
  }
}

const metadataText = (payload: Payload, name: string): string | undefined => {
  const value = payload.metadata?.[name];
  return value ? fromUtf8.decode(value) : undefined;
};

/** Whether the payload is one this codec sealed. Anything else (recorded before encryption) passes through. */
export const isEncryptedPayload = (payload: Payload): boolean => metadataText(payload, 'encoding') === ENCRYPTED_ENCODING;

/** The key id binds the ciphertext to its key, so a payload relabelled with another id fails to open. */
const associatedData = (keyId: string): Uint8Array => utf8.encode(`recoup-payload:${keyId}`);

export class EncryptionCodec implements PayloadCodec {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #activeKeyId: string;

  constructor(ring: PayloadKeyRing) {
    const keys = new Map<string, Buffer>();
    for (const { id, key } of ring.keys) {
      const bytes = Buffer.from(key, 'base64');
      if (bytes.length !== KEY_BYTES) throw new PayloadKeyRingError(`Key "${id}" is ${bytes.length} bytes; AES-256 needs ${KEY_BYTES}.`);
      keys.set(id, bytes);
    }
    if (!keys.has(ring.activeKeyId)) throw new PayloadKeyRingError(`The active key "${ring.activeKeyId}" is not in the key ring.`);
    this.#keys = keys;
    this.#activeKeyId = ring.activeKeyId;
  }

  /** The key new payloads are sealed with. */
  get activeKeyId(): string {
    return this.#activeKeyId;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.#seal(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncryptedPayload(payload) ? this.#open(payload) : payload));
  }

  #seal(payload: Payload): Payload {
    const keyId = this.#activeKeyId;
    const key = this.#keys.get(keyId);
    if (!key) throw new PayloadKeyRingError(`The active key "${keyId}" is missing.`);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(keyId));
    const plain = PayloadMessage.encode(payload).finish();
    const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: { encoding: utf8.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8.encode(keyId) },
      data: sealed,
    };
  }

  #open(payload: Payload): Payload {
    const keyId = metadataText(payload, KEY_ID_METADATA);
    if (keyId === undefined) throw new PayloadDecryptionError(`An encrypted payload carries no ${KEY_ID_METADATA}.`);
    const key = this.#keys.get(keyId);
    if (!key) throw new PayloadKeyUnknownError(keyId);
    const data = payload.data ?? new Uint8Array();
    if (data.length < NONCE_BYTES + TAG_BYTES) throw new PayloadDecryptionError(`An encrypted payload under key "${keyId}" is too short to open.`);
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const nonce = bytes.subarray(0, NONCE_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    const body = bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES);
    let plain: Buffer;
    try {
      const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(keyId));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(`An encrypted payload under key "${keyId}" does not open: it was altered, or the key with that id has changed.`);
    }
    const inner = PayloadMessage.decode(plain);
    return { metadata: inner.metadata, data: inner.data };
  }
}
