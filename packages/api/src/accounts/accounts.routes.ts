import { Router } from 'express';
import {
  accountListQuerySchema,
  ceaseCommunicationRequestSchema,
  idParamsSchema,
  resumeCommunicationRequestSchema,
} from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { AccountsService } from './accounts.service.ts';

export const accountsRoutes = (accounts: AccountsService): Router => {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await accounts.list(currentUser(req), parseQuery(accountListQuerySchema, req)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await accounts.get(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  const managers = requireRole('admin', 'manager');

  router.post('/:id/cease-communication', managers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await accounts.ceaseCommunication(id, parseBody(ceaseCommunicationRequestSchema, req), currentUser(req)));
  });

  router.delete('/:id/cease-communication', managers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await accounts.resumeCommunication(id, parseBody(resumeCommunicationRequestSchema, req), currentUser(req)));
  });

  return router;
};
