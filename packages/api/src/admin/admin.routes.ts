import { Router, type Request } from 'express';
import { idParamsSchema, WORKFLOW_ACTIONS, workflowActionRequestSchema, workflowListQuerySchema, type WorkflowAction } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { AdminWorkflowsService } from './workflows.service.ts';

export const adminRoutes = (workflows: AdminWorkflowsService): Router => {
  const router = Router();
  router.use(requireRole('admin'));

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
      res.json(await workflows.act(id, action, reasonOf(req, action), currentUser(req)));
    });
  }

  router.get('/accounts/:id/history', async (req, res) => {
    res.json(await workflows.history(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.get('/accounts/:id/history.json', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    const raw = await workflows.rawHistory(id, currentUser(req));
    res.attachment(`collection-${id}-history.json`);
    res.type('application/json').send(JSON.stringify(raw, null, 2));
  });

  return router;
};

/** The reason is a field of the inspector's dialog: a missing or blank one is a 400 naming it, like any malformed body. */
const reasonOf = (req: Request, action: WorkflowAction): string => {
  try {
    return parseBody(workflowActionRequestSchema, req).reason;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const { fields } = error.details as { fields: FieldIssue[] };
    throw new ValidationError(fields, `Give a reason to ${action} the workflow; it goes to the audit log.`);
  }
};
