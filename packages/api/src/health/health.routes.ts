import { Router } from 'express';
import type { HealthResponse, WorkerHealth } from '@recoup/contracts';
import type { RecoupConfig } from '@recoup/config';
import { apiVersion } from '../http/version.ts';

/**
 * GET /api/health: 200 while the API answers (so a load balancer keeps it), with `status: degraded` and the
 * reason when no worker is taking work.
 */
export const healthRoutes = (config: RecoupConfig, worker: () => Promise<WorkerHealth>): Router => {
  const router = Router();
  const version = apiVersion();
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
