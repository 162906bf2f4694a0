import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { answerWhenDone } from '../src/http/answer-when-done.ts';

// An answer decided before its work is done: the status goes out when the work runs long, the JSON when it ends.

const pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const work = (name: string) =>
  new Promise<unknown>((resolve, reject) => {
    pending.set(name, { resolve, reject });
  });

const app = express();
app.get('/patient/:name', async (req, res) => {
  await answerWhenDone(res, 201, work(req.params.name), { patienceMs: 0, heartbeatMs: 5 });
});
app.get('/prompt', async (_req, res) => {
  await answerWhenDone(res, 201, Promise.resolve({ done: true }), { patienceMs: 60_000, heartbeatMs: 60_000 });
});

let server: http.Server;
beforeAll(async () => {
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string) =>
  new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, resolve).on('error', reject);
  });

const bodyOf = (res: http.IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    res.on('aborted', () => reject(new Error('aborted')));
  });

describe('answerWhenDone', () => {
  it('sends the status while the work still runs, and the JSON, after whitespace, once it ends', async () => {
    const res = await get('/patient/long');
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = bodyOf(res);
    pending.get('long')?.resolve({ workflowsStarted: 3 });
    const text = await body;
    expect(text).toMatch(/^ +\{/);
    expect(JSON.parse(text)).toEqual({ workflowsStarted: 3 });
  });

  it('answers work that ends within its patience the ordinary way', async () => {
    const res = await get('/prompt');
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength('{"done":true}')));
    expect(await bodyOf(res)).toBe('{"done":true}');
  });

  it('cuts the connection when the work fails after the status went out, so no false answer completes', async () => {
    const res = await get('/patient/failing');
    expect(res.statusCode).toBe(201);
    const body = bodyOf(res);
    pending.get('failing')?.reject(new Error('broke'));
    await expect(body).rejects.toThrow();
  });
});
