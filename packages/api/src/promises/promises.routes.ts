import { Router } from 'express';
import { idParamsSchema, promiseRequestSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { PromisesService } from './promises.service.ts';

/** Mounted at /api/accounts/:id/promises. */
export const accountPromisesRoutes = (promises: PromisesService): Router => {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    res.json(await promises.list(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.post('/', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.status(201).json(await promises.record(id, parseBody(promiseRequestSchema, req), currentUser(req)));
  });

  return router;
};
