import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from '@recoup/db';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recoup-embedded-test-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('keeps its data across stop and start', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      expect(first.url).toMatch(/\/recoup$/);
      await query(first.url, 'create table kept (value text)');
      await query(first.url, "insert into kept values ('still here')");
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query<{ value: string }>(second.url, 'select value from kept')).toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('moves to a free port when the requested one is taken', async () => {
    const first = await startEmbeddedPostgres({ dataDir: join(dataDir, 'a') });
    try {
      const second = await startEmbeddedPostgres({ dataDir: join(dataDir, 'b'), port: first.port });
      try {
        expect(second.port).not.toBe(first.port);
        expect(await query<{ one: number }>(second.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
    }
  });
});
