import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import type { PayloadKeyRing } from '@recoup/config';
import { EncryptionCodec } from './encryption-codec.ts';

/** Loaded by path in the workflow sandbox and the main thread alike (see failure-converter.ts). */
export const FAILURE_CONVERTER_PATH = fileURLToPath(new URL('./failure-converter.ts', import.meta.url));

/**
 * What every Recoup client and worker converts data with: the default JSON converter, failures with their message
 * and stack trace sealed into a payload, and every payload encrypted. Clients and workers must agree on it, so it
 * is built here only.
 */
export function recoupDataConverter(ring: PayloadKeyRing): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(ring)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
