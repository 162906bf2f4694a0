import express, { Router, type RequestHandler } from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporalCodecRequestSchema, type TemporalCodecResponse, type TemporalPayloadJson } from '@recoup/contracts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import { requireJsonBodies } from '../http/require-json.ts';
import { parseBody } from '../http/validate.ts';
import { codecOrigins, type CodecOriginOptions } from './codec-origins.ts';

// Temporal's codec-server protocol, for the Web UI and `temporal workflow show --codec-endpoint`: POST .../decode
// and .../encode take and answer `{ payloads: [{ metadata: { name: base64 }, data: base64 }] }` (Payloads as proto3
// JSON), as temporalCodecRequestSchema and temporalCodecResponseSchema of @recoup/contracts state it. Only signed-in
// admins may use it: decoding shows what the payloads hide.
//
// The routes sit outside the app's CSRF and same-origin checks, on purpose. They change nothing on the server,
// so a forged request gains an attacker nothing unless they can read the answer; codecOrigins refuses every
// browser origin but the Web UI's and the app's own before anything else runs, and a cross-origin JSON POST
// cannot even be sent without a preflight it answers. The Web UI cannot fetch the app's CSRF token (the token
// endpoint does not serve other origins), and the CLI only sends a cookie, so a token check would lock both out.

/** Temporal caps a payload at 2 MB, which base64 makes about 2.7 MB; the UI and the CLI send a few at a time. */
const BODY_LIMIT = '8mb';

type AnsweredPayload = TemporalCodecResponse['payloads'][number];

const toPayload = (json: TemporalPayloadJson): Payload => ({
  metadata: Object.fromEntries(Object.entries(json.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value, 'base64')])),
  data: Buffer.from(json.data ?? '', 'base64'),
});

const fromPayload = (payload: Payload): AnsweredPayload => ({
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
      const { payloads } = parseBody(temporalCodecRequestSchema, req);
      const codec = options.codec;
      if (!codec) throw new ConflictError('payload-encryption-off', 'No payload keys are configured here (TEMPORAL_PAYLOAD_KEYS), so there is nothing to decode or encode with.');
      let converted: Payload[];
      try {
        converted = await codec[direction](payloads.map(toPayload));
      } catch (error) {
        converted = refusal(error);
      }
      const answer: TemporalCodecResponse = { payloads: converted.map(fromPayload) };
      res.json(answer);
    });
  }
  return router;
};
