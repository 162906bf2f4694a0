import { heartbeat } from '@temporalio/activity';
import { endImportStarts, startImportChunk, type ImportStartDeps } from '../client/starting/import-starts.ts';
import type { ImportStartActivities } from './activity-types.ts';

/** A chunk's starts are calls to Temporal, not steps of ours: the heartbeat only says the worker still lives. */
const HEARTBEAT_MS = 5_000;

export function createImportStartActivities(deps: ImportStartDeps): ImportStartActivities {
  return {
    async startImportChunk({ batchId }) {
      const beat = setInterval(() => heartbeat(), HEARTBEAT_MS);
      try {
        return await startImportChunk(deps, batchId);
      } finally {
        clearInterval(beat);
      }
    },
    endImportStarts: ({ batchId, failure }) => endImportStarts(deps.orm, batchId, failure),
  };
}
