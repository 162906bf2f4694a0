import { readFileSync } from 'node:fs';
import { Router } from 'express';
import type { HealthResponse, RecoupConfig } from '@recoup/contracts';

const readVersion = (): string => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
};

export const healthRoutes = (config: RecoupConfig): Router => {
  const router = Router();
  const version = readVersion();
  router.get('/', (_req, res) => {
    const response: HealthResponse = { status: 'ok', demo: config.demo, temporalUiUrl: config.temporal.uiUrl, version };
    res.json(response);
  });
  return router;
};
