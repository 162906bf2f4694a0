import { Router } from 'express';
import {
  accountListQuerySchema,
  ceaseCommunicationRequestSchema,
  communicationParamsSchema,
  idParamsSchema,
  newNoteRequestSchema,
  resumeCommunicationRequestSchema,
} from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { AccountsService } from './accounts.service.ts';
import type { NotesService } from './notes.service.ts';

export const accountsRoutes = (accounts: AccountsService, notes: NotesService): Router => {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await accounts.list(currentUser(req), parseQuery(accountListQuerySchema, req)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await accounts.get(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.get('/:id/timeline', async (req, res) => {
    res.json(await accounts.timeline(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.get('/:id/communications/:communicationId', async (req, res) => {
    const { id, communicationId } = parseParams(communicationParamsSchema, req);
    res.json(await accounts.communication(id, communicationId, currentUser(req)));
  });

  router.get('/:id/notes', async (req, res) => {
    res.json(await notes.list(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.post('/:id/notes', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.status(201).json(await notes.add(id, parseBody(newNoteRequestSchema, req), currentUser(req)));
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
