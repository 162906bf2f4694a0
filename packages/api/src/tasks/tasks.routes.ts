import { Router } from 'express';
import { completeTaskRequestSchema, idParamsSchema, taskListQuerySchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { TasksService } from './tasks.service.ts';

export const tasksRoutes = (tasks: TasksService): Router => {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await tasks.list(currentUser(req), parseQuery(taskListQuerySchema, req)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await tasks.get(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.post('/:id/complete', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await tasks.complete(id, parseBody(completeTaskRequestSchema, req), currentUser(req)));
  });

  return router;
};
