import { Router, type Request } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { idParamsSchema, WORKFLOW_ACTIONS, workflowActionRequestSchema, workflowListQuerySchema, type WorkflowAction } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { ValidationError } from '../http/errors.ts';
import { issuesOf, parseParams, parseQuery } from '../http/validate.ts';
import { accessibleAccount } from '../shared/access-scope.ts';
import { fromTemporal, type AdminWorkflowsService } from './workflows.service.ts';

export const adminRoutes = (orm: MikroORM, collections: CollectionClient, workflows: AdminWorkflowsService): Router => {
  const router = Router();
  router.use(requireRole('admin'));

  const accountIdOf = async (req: Request): Promise<string> => {
    const { id } = parseParams(idParamsSchema, req);
    return (await accessibleAccount(orm.em.fork(), currentUser(req), id)).id;
  };

  router.get('/workflows', async (req, res) => {
    res.json(await workflows.list(parseQuery(workflowListQuerySchema, req)));
  });

  router.get('/workflows/filter-options', async (_req, res) => {
    res.json(await workflows.filterOptions());
  });

  router.get('/accounts/:id/workflow', async (req, res) => {
    res.json(await workflows.inspect(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.get('/accounts/:id/timeline', async (req, res) => {
    res.json(await workflows.timeline(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  for (const action of WORKFLOW_ACTIONS) {
    router.post(`/accounts/:id/workflow/${action}`, async (req, res) => {
      const { id } = parseParams(idParamsSchema, req);
      res.json(await workflows.act(id, action, reasonOf(req.body, action), currentUser(req)));
    });
  }

  router.get('/accounts/:id/history', async (req, res) => {
    const id = await accountIdOf(req);
    try {
      res.json({ accountId: id, events: await collections.history(id) });
    } catch (error) {
      throw fromTemporal(error);
    }
  });

  router.get('/accounts/:id/history.json', async (req, res) => {
    const id = await accountIdOf(req);
    let raw: unknown;
    try {
      raw = await collections.rawHistory(id);
    } catch (error) {
      throw fromTemporal(error);
    }
    res.attachment(`collection-${id}-history.json`);
    res.type('application/json').send(JSON.stringify(raw, null, 2));
  });

  return router;
};

/** The reason is a field of the inspector's dialog: a missing or blank one is a 400 naming it, like any malformed body. */
const reasonOf = (body: unknown, action: WorkflowAction): string => {
  const parsed = workflowActionRequestSchema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new ValidationError(issuesOf(parsed.error, 'body'), `Give a reason to ${action} the workflow; it goes to the audit log.`);
  }
  return parsed.data.reason;
};
