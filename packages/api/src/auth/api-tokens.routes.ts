import { Router } from 'express';
import { API_TOKEN_SCOPE_DESCRIPTIONS, API_TOKEN_SCOPES } from '@recoup/domain';
import { createApiTokenRequestSchema, idParamsSchema, type ApiTokenList, type ApiTokenScopeList } from '@recoup/contracts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { ApiTokensService } from './api-tokens.service.ts';
import { currentUser } from './current-user.ts';
import { requireRole } from './require-auth.ts';

/** Mounted at /api/admin/api-tokens: the machines' credentials, admins only. */
export const apiTokensRoutes = (tokens: ApiTokensService): Router => {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/', async (_req, res) => {
    const list: ApiTokenList = { items: await tokens.list() };
    res.json(list);
  });

  /** The scopes a token can be given, with what each opens, for the admin page. */
  router.get('/scopes', (_req, res) => {
    const list: ApiTokenScopeList = { items: API_TOKEN_SCOPES.map((scope) => ({ scope, description: API_TOKEN_SCOPE_DESCRIPTIONS[scope] })) };
    res.json(list);
  });

  router.post('/', async (req, res) => {
    res.status(201).set('Cache-Control', 'no-store').json(await tokens.create(parseBody(createApiTokenRequestSchema, req), currentUser(req)));
  });

  router.delete('/:id', async (req, res) => {
    res.json(await tokens.revoke(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  return router;
};
