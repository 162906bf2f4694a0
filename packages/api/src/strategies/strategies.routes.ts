import { Router } from 'express';
import { cohortMigrationRequestSchema, idParamsSchema, strategyCreateSchema, strategyUpdateSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { CohortMigrationService } from './cohort-migration.service.ts';
import type { LiveOverlayService } from './live-overlay.service.ts';
import type { StrategiesService } from './strategies.service.ts';

/** The validate endpoint takes the document itself, or `{ graph: document }`. */
const documentOf = (body: unknown): unknown =>
  typeof body === 'object' && body !== null && 'graph' in body && !('nodes' in body) ? (body as { graph: unknown }).graph : body;

export const strategiesRoutes = (strategies: StrategiesService): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');

  router.get('/', async (_req, res) => {
    res.json(await strategies.list());
  });

  router.post('/', writers, async (req, res) => {
    res.status(201).json(await strategies.create(parseBody(strategyCreateSchema, req), currentUser(req)));
  });

  router.post('/validate', async (req, res) => {
    res.json(await strategies.validate(documentOf(req.body)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await strategies.get(parseParams(idParamsSchema, req).id));
  });

  router.put('/:id', writers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await strategies.update(id, parseBody(strategyUpdateSchema, req), currentUser(req)));
  });

  router.post('/:id/publish', writers, async (req, res) => {
    res.status(201).json(await strategies.publish(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.get('/:id/versions', async (req, res) => {
    res.json(await strategies.versions(parseParams(idParamsSchema, req).id));
  });

  return router;
};

export const strategyVersionsRoutes = (
  strategies: StrategiesService,
  migrations: CohortMigrationService,
  live: LiveOverlayService,
): Router => {
  const router = Router();
  router.get('/:id', async (req, res) => {
    res.json(await strategies.version(parseParams(idParamsSchema, req).id));
  });
  router.get('/:id/live', async (req, res) => {
    res.json(await live.counts(parseParams(idParamsSchema, req).id));
  });
  router.post('/:id/migrate', requireRole('admin', 'manager'), async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await migrations.migrate(id, parseBody(cohortMigrationRequestSchema, req), currentUser(req)));
  });
  return router;
};
