import { readFileSync } from 'node:fs';
import { Router } from 'express';
import type { HealthResponse, WorkerHealth } from '@recoup/contracts';
import type { RecoupConfig } from '@recoup/config';

const readVersion = (): string => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
};

/**
 * GET /api/health: 200 while the API answers (so a load balancer keeps it), with `status: degraded` and the
 * reason when no worker is taking work.
 */
export const healthRoutes = (config: RecoupConfig, worker: () => Promise<WorkerHealth>): Router => {
  const router = Router();
  const version = readVersion();
  router.get('/', async (_req, res) => {
    const workerHealth = await worker();
    const response: HealthResponse = {
      status: workerHealth.status === 'polling' ? 'ok' : 'degraded',
      demo: config.demo,
      temporalUiUrl: config.temporal.uiUrl,
      version,
      worker: workerHealth,
    };
    res.json(response);
  });
  return router;
};
