import { Router, type Request } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { idParamsSchema } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { NotFoundError, ServiceUnavailableError } from '../http/errors.ts';
import { parseParams } from '../http/validate.ts';
import { accessibleAccount } from '../shared/access-scope.ts';

const isNamed = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;

export const adminRoutes = (orm: MikroORM, collections: CollectionClient): Router => {
  const router = Router();
  router.use(requireRole('admin'));

  const accountIdOf = async (req: Request): Promise<string> => {
    const { id } = parseParams(idParamsSchema, req);
    return (await accessibleAccount(orm.em.fork(), currentUser(req), id)).id;
  };

  /** Temporal errors other than a missing workflow mean the service is unreachable, not a bug here. */
  const fromTemporal = (error: unknown): Error => {
    if (isNamed(error, 'WorkflowNotFoundError') || isNamed(error, 'WorkflowMissingError')) {
      return new NotFoundError('workflow', 'The account has no collection workflow.');
    }
    return new ServiceUnavailableError(
      'workflow-unavailable',
      `The workflow service did not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
  };

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
