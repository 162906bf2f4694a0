import { Router } from 'express';
import { idParamsSchema, outboxListQuerySchema } from '@recoup/contracts';
import { requireRole } from '../auth/require-auth.ts';
import { parseParams, parseQuery } from '../http/validate.ts';
import type { OutboxService } from './outbox.service.ts';

/** What the built-in SMTP sink received: the demo's stand-in for real inboxes. */
export const outboxRoutes = (outbox: OutboxService): Router => {
  const router = Router();
  router.use(requireRole('admin', 'manager'));

  router.get('/', async (req, res) => {
    res.json(await outbox.list(parseQuery(outboxListQuerySchema, req)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await outbox.message(parseParams(idParamsSchema, req).id));
  });

  return router;
};
