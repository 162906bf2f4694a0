import { Router, type Request } from 'express';
import {
  activatePaymentModelRequestSchema,
  idParamsSchema,
  pinPaymentModelRequestSchema,
  startModelTrainingRequestSchema,
  trainingRunParamsSchema,
} from '@recoup/contracts';
import { TRAINING_SCHEDULE_ID } from '@recoup/workflows';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { ValidationError } from '../errors.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { PaymentModelsService } from './payment-models.service.ts';

/** The workflow id of a training run: the nightly schedule's and the admins' runs all start with the schedule's id. */
const trainingRunId = (req: Request): string => {
  const { workflowId } = parseParams(trainingRunParamsSchema, req);
  if (!workflowId.startsWith(`${TRAINING_SCHEDULE_ID}-`)) {
    throw new ValidationError([{ in: 'params', path: 'workflowId', reason: `must be the workflow id of a training run (${TRAINING_SCHEDULE_ID}-…)` }]);
  }
  return workflowId;
};

/** Mounted at /api/admin/payment-models: the payment prediction models and their training, admins only. */
export const paymentModelsRoutes = (models: PaymentModelsService): Router => {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/', async (_req, res) => {
    res.json(await models.list());
  });

  router.post('/runs', async (req, res) => {
    res.status(202).json(await models.startRun(parseBody(startModelTrainingRequestSchema, req), currentUser(req)));
  });

  router.get('/runs/:workflowId', async (req, res) => {
    res.json(await models.runStatus(trainingRunId(req)));
  });

  router.post('/:id/pin', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await models.pin(id, parseBody(pinPaymentModelRequestSchema, req).pinned, currentUser(req)));
  });

  router.post('/:id/activate', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await models.activate(id, parseBody(activatePaymentModelRequestSchema, req).reason, currentUser(req)));
  });

  return router;
};
