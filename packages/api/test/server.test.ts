import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { loadConfig } from '@recoup/config';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { createApp } from '../src/app.ts';
import { silentLogger } from '../src/http/logger.ts';
import { startApi } from '../src/main.ts';
import { RecordingReconciliations } from './support/recording-reconciliations.ts';
import { InProcessImportStarts } from './support/in-process-import-starts.ts';
import { RecordingCollections } from './support/recording-collections.ts';

let db: TestDatabase;
let staticDir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  staticDir = await mkdtemp(join(tmpdir(), 'recoup-designer-'));
  await mkdir(join(staticDir, 'assets'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Recoup</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(async () => {
  await db.drop();
});

const importStarts = () => new InProcessImportStarts({ orm: db.orm, collections: new RecordingCollections(), logger: silentLogger });

const config = () => ({
  ...loadConfig({ SESSION_SECRET: 'test-session-secret-0123456789', TEMPORAL_UI_URL: 'http://localhost:8233', RECOUP_DEMO: 'true' }),
  databaseUrl: db.url,
});

describe('startApi', () => {
  it('listens on the given port, answers health, and closes', async () => {
    const api = await startApi({ orm: db.orm, collections: new RecordingCollections(), reconciliations: new RecordingReconciliations(), importStarts: importStarts(), config: config(), logger: silentLogger, port: 0, host: '127.0.0.1' });
    try {
      expect(api.url).toBe(`http://127.0.0.1:${api.port}`);
      const response = await fetch(`${api.url}/api/health`);
      expect(await response.json()).toMatchObject({ status: 'degraded', demo: true, temporalUiUrl: 'http://localhost:8233', version: expect.any(String), worker: { status: 'unknown' } });
    } finally {
      await api.close();
    }
    await expect(fetch(`${api.url}/api/health`)).rejects.toThrow();
  });
});

describe('static designer', () => {
  it('serves files, falls back to index.html for client routes, and keeps /api 404s as JSON', async () => {
    const app = createApp({ orm: db.orm, collections: new RecordingCollections(), reconciliations: new RecordingReconciliations(), importStarts: importStarts(), config: config(), logger: silentLogger, staticDir });
    try {
      const asset = await request(app).get('/assets/app.js');
      expect(asset.status).toBe(200);
      expect(asset.text).toBe('console.log(1)');
      const route = await request(app).get('/accounts/123');
      expect(route.status).toBe(200);
      expect(route.text).toContain('<title>Recoup</title>');
      const api = await request(app).get('/api/nope');
      expect(api.status).toBe(404);
      expect(api.body.error.code).toBe('not-found');
    } finally {
      await app.close();
    }
  });
});
