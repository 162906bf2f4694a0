import { Router } from 'express';
import { templateCreateSchema, templateKeyParamsSchema, templatePreviewRequestSchema, templateUpdateSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { TemplatesService } from './templates.service.ts';

export const templatesRoutes = (templates: TemplatesService): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');

  router.get('/', async (_req, res) => {
    res.json(await templates.list());
  });

  router.post('/', writers, async (req, res) => {
    res.status(201).json(await templates.create(parseBody(templateCreateSchema, req), currentUser(req)));
  });

  // Writers only, and only for an account they may see: a preview shows the account's figures.
  router.post('/preview', writers, async (req, res) => {
    res.json(await templates.preview(parseBody(templatePreviewRequestSchema, req), currentUser(req)));
  });

  router.get('/:key', async (req, res) => {
    res.json(await templates.get(parseParams(templateKeyParamsSchema, req).key));
  });

  router.put('/:key', writers, async (req, res) => {
    const { key } = parseParams(templateKeyParamsSchema, req);
    res.json(await templates.update(key, parseBody(templateUpdateSchema, req), currentUser(req)));
  });

  return router;
};
