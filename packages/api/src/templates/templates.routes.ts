import { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Template } from '@recoup/db';

export const templatesRoutes = (orm: MikroORM): Router => {
  const router = Router();
  router.get('/', async (_req, res) => {
    const templates = await orm.em.fork().find(Template, {}, { orderBy: { key: 'asc' } });
    res.json(
      templates.map((t) => ({
        id: t.id,
        key: t.key,
        channel: t.channel,
        name: t.name,
        subject: t.subject,
        bodyText: t.bodyText,
        updatedAt: t.updatedAt.toISOString(),
      })),
    );
  });
  return router;
};
