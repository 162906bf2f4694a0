import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { schemaSource } from '../scripts/schema-source.ts';

describe('the typed API client', () => {
  it('is generated from the contract the API serves today', async () => {
    const committed = readFileSync(new URL('../src/schema.ts', import.meta.url), 'utf8');
    // On a difference, run `pnpm --filter @recoup/api-client run generate` and commit the result.
    expect(committed).toBe(await schemaSource());
  }, 60_000);
});
