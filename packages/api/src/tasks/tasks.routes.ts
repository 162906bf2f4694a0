import { Router } from 'express';
import { completeTaskRequestSchema, idParamsSchema, inboxQuerySchema, taskListQuerySchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { InboxService } from './inbox.service.ts';
import type { TasksService } from './tasks.service.ts';

export const tasksRoutes = (tasks: TasksService, inbox: InboxService): Router => {
  const router = Router();

  router.get('/inbox', async (req, res) => {
    res.json(await inbox.list(currentUser(req), parseQuery(inboxQuerySchema, req)));
  });

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

  router.get('/:id/call-check', async (req, res) => {
    res.json(await tasks.callCheck(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.post('/:id/claim', async (req, res) => {
    res.json(await tasks.claim(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.post('/:id/release', async (req, res) => {
    res.json(await tasks.release(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  return router;
};
