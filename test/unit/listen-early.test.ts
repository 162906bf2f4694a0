import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { listenEarly } from '../../packages/api/src/main.ts';

// The launcher binds the API's port before it starts PostgreSQL, Temporal and the worker, so nothing on the machine
// can take the port in the minute that takes.
describe('the API port held from the launcher’s start', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
  });

  it('answers 503 "starting" with Retry-After until the API takes the server over', async () => {
    const server = await listenEarly(0, '127.0.0.1');
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    expect(port).toBeGreaterThan(0);
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: { code: 'starting', message: expect.stringContaining('starting') } });
  });

  it('refuses a port already in use with a message naming the port and the PORT setting', async () => {
    const first = await listenEarly(0, '127.0.0.1');
    servers.push(first);
    const { port } = first.address() as AddressInfo;
    await expect(listenEarly(port, '127.0.0.1')).rejects.toThrow(`Port ${port} is already in use: set PORT`);
  });
});
