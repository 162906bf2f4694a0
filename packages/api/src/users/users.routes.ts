import { Router } from 'express';
import { createUserRequestSchema, idParamsSchema, resetPasswordRequestSchema, updateUserRequestSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { UsersService } from './users.service.ts';

/** Mounted at /api/users: user administration, admins only. */
export const usersRoutes = (users: UsersService): Router => {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/', async (_req, res) => {
    res.json(await users.list());
  });

  router.post('/', async (req, res) => {
    res.status(201).json(await users.create(parseBody(createUserRequestSchema, req), currentUser(req)));
  });

  router.patch('/:id', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await users.update(id, parseBody(updateUserRequestSchema, req), currentUser(req)));
  });

  router.post('/:id/password', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await users.resetPassword(id, parseBody(resetPasswordRequestSchema, req).password, currentUser(req)));
  });

  router.post('/:id/unlock-sign-in', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await users.unlockSignIn(id, currentUser(req)));
  });

  return router;
};
