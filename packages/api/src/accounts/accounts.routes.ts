import { Router } from 'express';
import { accountListQuerySchema, idParamsSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { parseParams, parseQuery } from '../http/validate.ts';
import type { AccountsService } from './accounts.service.ts';

export const accountsRoutes = (accounts: AccountsService): Router => {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await accounts.list(currentUser(req), parseQuery(accountListQuerySchema, req)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await accounts.get(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  return router;
};
