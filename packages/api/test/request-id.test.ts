import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { createLogger } from '@recoup/config';
import { requestId } from '../src/http/request-id.ts';
import { createHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('answers every request with a new X-Request-Id when the client sent none', async () => {
    const first = await request(h.app).get('/api/health');
    const second = await request(h.app).get('/api/health');
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it("keeps a client's own plain request id, and replaces one that is not a plain token", async () => {
    expect((await request(h.app).get('/api/health').set('X-Request-Id', 'erp-batch-42')).headers['x-request-id']).toBe('erp-batch-42');
    for (const bad of ['has space', 'x'.repeat(65), 'semi;colon', '']) {
      const answered = await request(h.app).get('/api/health').set('X-Request-Id', bad);
      expect(answered.headers['x-request-id']).toMatch(UUID);
    }
  });

  it('writes the request id into every log line written while the request is served, across awaits', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const app = express();
    app.use(requestId);
    app.get('/work', async (_req, res) => {
      logger.info('started');
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('finished', { step: 2 });
      res.json({ ok: true });
    });
    await Promise.all([request(app).get('/work').set('X-Request-Id', 'one'), request(app).get('/work').set('X-Request-Id', 'two')]);
    logger.info('outside any request');
    const entries = lines.map((line) => JSON.parse(line) as { msg: string; requestId?: string; level: string; time: string });
    expect(entries.filter((e) => e.requestId === 'one').map((e) => e.msg)).toEqual(['started', 'finished']);
    expect(entries.filter((e) => e.requestId === 'two').map((e) => e.msg)).toEqual(['started', 'finished']);
    expect(entries.find((e) => e.msg === 'outside any request')).not.toHaveProperty('requestId');
    expect(entries[0]).toMatchObject({ level: 'info' });
    expect(Date.parse(entries[0]?.time ?? '')).not.toBeNaN();
  });
});
