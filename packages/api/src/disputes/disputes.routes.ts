import { Router } from 'express';
import { idParamsSchema, openDisputeRequestSchema, resolveDisputeRequestSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { DisputesService } from './disputes.service.ts';

/** Mounted at /api/accounts/:id/disputes. */
export const accountDisputesRoutes = (disputes: DisputesService): Router => {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    res.json(await disputes.list(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.post('/', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.status(201).json(await disputes.open(id, parseBody(openDisputeRequestSchema, req), currentUser(req)));
  });

  return router;
};

/** Mounted at /api/disputes. */
export const disputesRoutes = (disputes: DisputesService): Router => {
  const router = Router();

  router.post('/:id/resolve', requireRole('admin', 'manager'), async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await disputes.resolve(id, parseBody(resolveDisputeRequestSchema, req), currentUser(req)));
  });

  return router;
};
