import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { ConflictError, InvalidInputError } from '../errors.ts';
import { requireJsonBodies } from '../http/require-json.ts';
import { parseBody } from '../http/validate.ts';
import { codecOrigins, type CodecOriginOptions } from './codec-origins.ts';

// Temporal's codec-server protocol, for the Web UI and `temporal workflow show --codec-endpoint`: POST .../decode
// and .../encode take and answer `{ payloads: [{ metadata: { name: base64 }, data: base64 }] }` (Payloads as proto3
// JSON). Only signed-in admins may use it: decoding shows what the payloads hide.
//
// The routes sit outside the app's CSRF and same-origin checks, on purpose. They change nothing on the server,
// so a forged request gains an attacker nothing unless they can read the answer; codecOrigins refuses every
// browser origin but the Web UI's and the app's own before anything else runs, and a cross-origin JSON POST
// cannot even be sent without a preflight it answers. The Web UI cannot fetch the app's CSRF token (the token
// endpoint does not serve other origins), and the CLI only sends a cookie, so a token check would lock both out.

/** Temporal caps a payload at 2 MB, which base64 makes about 2.7 MB; the UI and the CLI send a few at a time. */
const BODY_LIMIT = '8mb';
const MAX_PAYLOADS = 1_000;

/** Standard or URL-safe base64, both of which proto3 JSON readers accept. */
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, { message: 'must be base64' });
const payloadJson = z.object({
  metadata: z
    // zod would drop a field named __proto__ without a word; a codec must not change a payload silently.
    .custom<unknown>((value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'), {
      message: 'must not have a field named __proto__',
    })
    .pipe(z.record(z.string().min(1).max(256), base64))
    .optional(),
  data: base64.optional(),
});
const codecRequestSchema = z.object({ payloads: z.array(payloadJson).max(MAX_PAYLOADS) });
type PayloadJson = z.infer<typeof payloadJson>;

const toPayload = (json: PayloadJson): Payload => ({
  metadata: Object.fromEntries(Object.entries(json.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value, 'base64')])),
  data: Buffer.from(json.data ?? '', 'base64'),
});

const fromPayload = (payload: Payload): PayloadJson => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
});

/** What the codec refuses (an unknown key id, a payload that does not open) is the caller's input: 400. */
const refusal = (error: unknown): never => {
  if (error instanceof Error && error.name === 'PayloadKeyUnknownError') {
    throw new InvalidInputError('payload-key-unknown', error.message, { keyId: (error as Error & { keyId?: string }).keyId });
  }
  if (error instanceof Error && error.name === 'PayloadDecryptionError') throw new InvalidInputError('payload-undecryptable', error.message);
  throw error;
};

export interface TemporalCodecRoutesOptions extends CodecOriginOptions {
  /** The deployment's payload codec; null when no payload keys are configured. */
  codec: PayloadCodec | null;
  /** Loads the session and requires a signed-in admin. */
  admin: RequestHandler[];
}

export const temporalCodecRoutes = (options: TemporalCodecRoutesOptions): Router => {
  const router = Router();
  router.use(['/decode', '/encode'], codecOrigins(options));

  for (const direction of ['decode', 'encode'] as const) {
    router.post(`/${direction}`, ...options.admin, requireJsonBodies([]), express.json({ limit: BODY_LIMIT }), async (req, res) => {
      const { payloads } = parseBody(codecRequestSchema, req);
      const codec = options.codec;
      if (!codec) throw new ConflictError('payload-encryption-off', 'No payload keys are configured here (TEMPORAL_PAYLOAD_KEYS), so there is nothing to decode or encode with.');
      let converted: Payload[];
      try {
        converted = await codec[direction](payloads.map(toPayload));
      } catch (error) {
        converted = refusal(error);
      }
      res.json({ payloads: converted.map(fromPayload) });
    });
  }
  return router;
};
