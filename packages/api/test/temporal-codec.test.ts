import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { EncryptionCodec } from '@recoup/workflows';
import { createHarness, HARNESS_PAYLOAD_KEYS, type Harness, type LoggedIn } from './support/harness.ts';

// The codec server the Temporal Web UI and CLI decode histories through: Temporal's JSON protocol, admins only,
// CORS for the Web UI's origin and for nobody else, and no CSRF token (it changes nothing).

const UI_URL = 'http://localhost:8233';
const CODEC = '/api/admin/temporal-codec';
const SECRET = { name: 'Zebediah Quartermaine', email: 'zeb.q@example.test', amountMinor: '7319185' };

let h: Harness;
let admin: LoggedIn;
let manager: LoggedIn;
let collector: LoggedIn;
const codec = new EncryptionCodec(HARNESS_PAYLOAD_KEYS);

type PayloadJson = { metadata: Record<string, string>; data: string };
const toJson = (payload: Payload): PayloadJson => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
});
const fromJson = (json: PayloadJson): Payload => ({
  metadata: Object.fromEntries(Object.entries(json.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(json.data, 'base64'),
});
const sealed = async (value: unknown = SECRET): Promise<PayloadJson> => toJson((await codec.encode([defaultPayloadConverter.toPayload(value)]))[0] ?? {});
const decodedValues = (body: unknown): unknown[] =>
  (body as { payloads: PayloadJson[] }).payloads.map((p) => defaultPayloadConverter.fromPayload(fromJson(p)));

beforeAll(async () => {
  h = await createHarness({ env: { TEMPORAL_UI_URL: UI_URL } });
  admin = await h.login('admin');
  manager = await h.login('manager');
  collector = await h.login('collector1');
});
afterAll(async () => {
  await h?.close();
});

describe('decoding and encoding for a signed-in admin', () => {
  it('decodes what the workers encrypted, without a CSRF token', async () => {
    const response = await admin.agent.post(`${CODEC}/decode`).send({ payloads: [await sealed()] });
    expect(response.status).toBe(200);
    expect(decodedValues(response.body)).toEqual([SECRET]);
  });

  it('encodes with the active key, and what it encodes decodes again', async () => {
    const plain = toJson(defaultPayloadConverter.toPayload(SECRET));
    const encoded = await admin.agent.post(`${CODEC}/encode`).set('x-namespace', 'default').send({ payloads: [plain] });
    expect(encoded.status).toBe(200);
    const [payload] = (encoded.body as { payloads: PayloadJson[] }).payloads;
    expect(Buffer.from(payload?.metadata['encoding'] ?? '', 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(payload?.metadata['encryption-key-id'] ?? '', 'base64').toString()).toBe('harness');
    expect(Buffer.from(payload?.data ?? '', 'base64').toString()).not.toContain(SECRET.email);
    const decoded = await admin.agent.post(`${CODEC}/decode`).send(encoded.body as object);
    expect(decodedValues(decoded.body)).toEqual([SECRET]);
  });

  it('hands back payloads recorded before encryption as they are', async () => {
    const plain = toJson(defaultPayloadConverter.toPayload({ recorded: 'before encryption' }));
    const response = await admin.agent.post(`${CODEC}/decode`).send({ payloads: [plain] });
    expect(response.body).toEqual({ payloads: [plain] });
  });

  it('refuses a payload under a key it does not hold with 400 naming the key id', async () => {
    const stranger = new EncryptionCodec({ activeKeyId: 'retired', keys: [{ id: 'retired', key: Buffer.alloc(32, 9).toString('base64') }] });
    const foreign = toJson((await stranger.encode([defaultPayloadConverter.toPayload(SECRET)]))[0] ?? {});
    const response = await admin.agent.post(`${CODEC}/decode`).send({ payloads: [foreign] });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'payload-key-unknown', message: expect.stringContaining('"retired"'), details: { keyId: 'retired' } } });
  });

  it('refuses altered ciphertext with 400', async () => {
    const payload = await sealed();
    const bytes = Buffer.from(payload.data, 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 0xff;
    const response = await admin.agent.post(`${CODEC}/decode`).send({ payloads: [{ ...payload, data: bytes.toString('base64') }] });
    expect(response.status).toBe(400);
    expect((response.body as { error: { code: string } }).error.code).toBe('payload-undecryptable');
  });

  it.each([
    ['no payloads field', {}],
    ['payloads that are not a list', { payloads: 'x' }],
    ['data that is not base64', { payloads: [{ metadata: {}, data: '%%%' }] }],
    ['metadata that is not base64', { payloads: [{ metadata: { encoding: 'json/plain!' }, data: '' }] }],
  ])('refuses %s with 400', async (_what, body) => {
    const response = await admin.agent.post(`${CODEC}/decode`).send(body);
    expect(response.status).toBe(400);
    expect((response.body as { error: { code: string } }).error.code).toBe('validation-failed');
  });

  it('refuses metadata named __proto__ with 400 rather than dropping it', async () => {
    const body = '{"payloads":[{"metadata":{"__proto__":"AA==","encoding":"anNvbi9wbGFpbg=="},"data":"e30="}]}';
    const response = await admin.agent.post(`${CODEC}/decode`).set('content-type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect((response.body as { error: { code: string } }).error.code).toBe('validation-failed');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await admin.agent.post(`${CODEC}/decode`).set('content-type', 'text/plain').send('payloads');
    expect(response.status).toBe(415);
  });
});

describe('who may use the codec', () => {
  it('answers a signed-out caller 401', async () => {
    const response = await request(h.app).post(`${CODEC}/decode`).send({ payloads: [await sealed()] });
    expect(response.status).toBe(401);
    expect((response.body as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('refuses managers and collectors with 403, in both directions', async () => {
    for (const who of [manager, collector]) {
      for (const direction of ['decode', 'encode']) {
        const response = await who.agent.post(`${CODEC}/${direction}`).send({ payloads: [await sealed()] });
        expect({ direction, status: response.status, code: (response.body as { error?: { code: string } }).error?.code }).toEqual({
          direction,
          status: 403,
          code: 'forbidden-role',
        });
      }
    }
  });

  it('keeps the CSRF check on the other admin routes: the exemption is the codec alone', async () => {
    // The CSRF check comes before the route looks for the account, so any id will do.
    const id = '00000000-0000-4000-8000-000000000000';
    const response = await admin.agent.post(`/api/admin/accounts/${id}/workflow/pause`).send({ reason: 'no token' });
    expect(response.status).toBe(403);
    expect((response.body as { error: { code: string } }).error.code).toBe('csrf-token-missing');
  });
});

describe('the Temporal Web UI calling from its own origin', () => {
  it("answers the UI's preflight with its origin, credentials and the headers it sends", async () => {
    const response = await request(h.app)
      .options(`${CODEC}/decode`)
      .set('origin', UI_URL)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type,x-namespace');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(UI_URL);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(String(response.headers['access-control-allow-headers']).split(/,\s*/)).toEqual(expect.arrayContaining(['content-type', 'x-namespace']));
  });

  it("decodes the UI's credentialed request and lets it read the answer", async () => {
    const response = await admin.agent.post(`${CODEC}/decode`).set('origin', UI_URL).set('sec-fetch-site', 'same-site').send({ payloads: [await sealed()] });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(UI_URL);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['vary']).toContain('Origin');
    expect(decodedValues(response.body)).toEqual([SECRET]);
  });

  it('takes the UI under its other loopback name too', async () => {
    const response = await admin.agent.post(`${CODEC}/decode`).set('origin', 'http://127.0.0.1:8233').send({ payloads: [await sealed()] });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('http://127.0.0.1:8233');
  });

  it('lets the UI read a refusal too, so it can say the admin is not signed in', async () => {
    const response = await request(h.app).post(`${CODEC}/decode`).set('origin', UI_URL).send({ payloads: [] });
    expect(response.status).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe(UI_URL);
  });

  it("refuses any other origin before decoding anything, even with an admin's cookie, and grants it no CORS", async () => {
    for (const origin of ['https://attacker.example', 'http://localhost:9999', 'null']) {
      const response = await admin.agent.post(`${CODEC}/decode`).set('origin', origin).send({ payloads: [await sealed()] });
      expect({ origin, status: response.status, code: (response.body as { error: { code: string } }).error.code }).toEqual({
        origin,
        status: 403,
        code: 'cross-origin-request',
      });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(JSON.stringify(response.body)).not.toContain(SECRET.email);
      const preflight = await request(h.app).options(`${CODEC}/decode`).set('origin', origin).set('access-control-request-method', 'POST');
      expect(preflight.status).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('refuses a browser request that says it is cross-site but names no origin', async () => {
    const response = await admin.agent.post(`${CODEC}/decode`).set('sec-fetch-site', 'cross-site').send({ payloads: [await sealed()] });
    expect(response.status).toBe(403);
    expect((response.body as { error: { code: string } }).error.code).toBe('cross-site-request');
  });
});

describe('without payload keys', () => {
  let bare: Harness;
  beforeAll(async () => {
    bare = await createHarness({ env: { TEMPORAL_PAYLOAD_KEYS: '' } });
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('says there is nothing to decode with, with 409', async () => {
    const bareAdmin = await bare.login('admin');
    const response = await bareAdmin.agent.post(`${CODEC}/decode`).send({ payloads: [await sealed()] });
    expect(response.status).toBe(409);
    expect((response.body as { error: { code: string } }).error.code).toBe('payload-encryption-off');
  });
});
