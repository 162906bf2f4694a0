import { Router } from 'express';
import { collectorSettingsRequestSchema, idParamsSchema, reassignAccountsRequestSchema, reassignTasksRequestSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { TeamService } from './team.service.ts';

/** Mounted at /api/team: a manager's view of their collectors (an admin's of every collector). */
export const teamRoutes = (team: TeamService): Router => {
  const router = Router();
  router.use(requireRole('admin', 'manager'));

  router.get('/workload', async (req, res) => {
    res.json(await team.workload(currentUser(req)));
  });

  router.post('/tasks/reassign', async (req, res) => {
    res.json(await team.reassignTasks(parseBody(reassignTasksRequestSchema, req), currentUser(req)));
  });

  router.post('/accounts/reassign', async (req, res) => {
    res.json(await team.reassignAccounts(parseBody(reassignAccountsRequestSchema, req), currentUser(req)));
  });

  router.patch('/collectors/:id', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await team.updateCollector(id, parseBody(collectorSettingsRequestSchema, req), currentUser(req)));
  });

  return router;
};
