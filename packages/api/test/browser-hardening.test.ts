import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEMO_PASSWORD } from '@recoup/db/seed';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// What a browser is told and what it is refused: the Origin check on state-changing requests, Secure cookies and
// HSTS under an https PUBLIC_URL, and the security headers on every response.

let local: Harness;
let behindHttps: Harness;
let fixedOrigin: Harness;
let manager: LoggedIn;

const HTTPS_URL = 'https://recoup.example';
const FIXED_URL = 'http://recoup.internal:8080';

beforeAll(async () => {
  local = await createHarness();
  behindHttps = await createHarness({ env: { PUBLIC_URL: HTTPS_URL } });
  fixedOrigin = await createHarness({ env: { PUBLIC_URL: FIXED_URL } });
  manager = await local.login('manager');
});
afterAll(async () => {
  await local?.close();
  await behindHttps?.close();
  await fixedOrigin?.close();
});

const createStrategy = (headers: Record<string, string>) => {
  let call = manager.agent.post('/api/strategies').set('x-csrf-token', manager.csrf);
  for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
  return call.send({ name: `Strategy ${Math.random().toString(36).slice(2)}` });
};

describe('the Origin check on state-changing requests', () => {
  it('refuses a POST whose Origin is another site with 403, even with the right CSRF token', async () => {
    const response = await createStrategy({ origin: 'https://attacker.example' });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: { code: 'cross-origin-request', message: expect.stringContaining('this one came from https://attacker.example') },
    });
  });

  it('refuses an opaque Origin (null), as a sandboxed frame sends', async () => {
    const response = await createStrategy({ origin: 'null' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('cross-origin-request');
  });

  it('accepts a POST from the origin the request came to when PUBLIC_URL is unset', async () => {
    const response = await createStrategy({ host: 'recoup.test:3000', origin: 'http://recoup.test:3000' });
    expect(response.status).toBe(201);
  });

  it('refuses the same Origin arriving at another host', async () => {
    const response = await createStrategy({ host: 'other.test:3000', origin: 'http://recoup.test:3000' });
    expect(response.status).toBe(403);
  });

  it('refuses a request without Origin that the browser marks cross-site or same-site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await createStrategy({ 'sec-fetch-site': site });
      expect({ site, status: response.status, code: response.body.error?.code }).toEqual({ site, status: 403, code: 'cross-site-request' });
    }
  });

  it('accepts a request without Origin that the browser marks same-origin, and one with neither header', async () => {
    expect((await createStrategy({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await createStrategy({})).status).toBe(201);
  });

  it('leaves reads alone whatever their Origin', async () => {
    const response = await manager.agent.get('/api/strategies').set('origin', 'https://attacker.example');
    expect(response.status).toBe(200);
  });

  it('refuses a sign-in posted from another site, so nobody can be signed in to an account not their own', async () => {
    const response = await request(local.app)
      .post('/api/auth/login')
      .set('origin', 'https://attacker.example')
      .send({ email: 'manager@recoup.local', password: DEMO_PASSWORD });
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('compares with PUBLIC_URL when it is set, not with the Host the request names', async () => {
    const login = (origin: string, host: string) =>
      request(fixedOrigin.app).post('/api/auth/login').set('host', host).set('origin', origin).send({ email: 'manager@recoup.local', password: DEMO_PASSWORD });
    expect((await login(FIXED_URL, 'recoup.internal:8080')).status).toBe(200);
    expect((await login('http://attacker.example', 'attacker.example')).status).toBe(403);
  });
});

describe('cookies and HSTS under an https PUBLIC_URL', () => {
  const overHttps = (call: request.Test) => call.set('x-forwarded-proto', 'https').set('origin', HTTPS_URL);

  it('marks the session cookie and the signed-out nonce cookie Secure', async () => {
    const login = await overHttps(request(behindHttps.app).post('/api/auth/login')).send({ email: 'manager@recoup.local', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/^recoup\.sid=.*; Secure/);
    const csrf = await overHttps(request(behindHttps.app).get('/api/auth/csrf'));
    expect(String(csrf.headers['set-cookie'])).toMatch(/^recoup\.csrf=.*; Secure/);
  });

  it('sends HSTS over https, and neither HSTS nor Secure cookies over plain http', async () => {
    const secure = await request(behindHttps.app).get('/api/health');
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const plain = await request(local.app).get('/api/health');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const csrf = await request(local.app).get('/api/auth/csrf');
    expect(String(csrf.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});

describe('security headers', () => {
  it('sends a CSP, nosniff, a Referrer-Policy and frame protection on API answers, errors and the opt-out page', async () => {
    for (const path of ['/api/health', '/api/nowhere', '/optout/00000000-0000-4000-8000-000000000000']) {
      const response = await request(local.app).get(path);
      const csp = String(response.headers['content-security-policy']);
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("default-src 'self'") });
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });
});
