import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/** Serves the built designer with an SPA fallback: any GET outside /api that is no file gets index.html. */
export const staticDesigner = (dir: string): Router | null => {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    res.sendFile(index);
  });
  return router;
};
