import { Router } from 'express';
import { segmentParamsSchema, strategyAssignmentPutSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { StrategyAssignmentsService } from './assignments.service.ts';

export const strategyAssignmentsRoutes = (assignments: StrategyAssignmentsService): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');

  router.get('/', async (_req, res) => {
    res.json(await assignments.list());
  });

  router.put('/:segment', writers, async (req, res) => {
    const { segment } = parseParams(segmentParamsSchema, req);
    res.json(await assignments.put(segment, parseBody(strategyAssignmentPutSchema, req), currentUser(req)));
  });

  router.delete('/:segment', writers, async (req, res) => {
    await assignments.remove(parseParams(segmentParamsSchema, req).segment, currentUser(req));
    res.status(204).end();
  });

  return router;
};
