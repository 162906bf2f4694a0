import { Router } from 'express';
import { IDEMPOTENCY_KEY_HEADER, idParamsSchema, idempotencyKeySchema, paymentRequestSchema, paymentReversalSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { InvalidInputError } from '../errors.ts';
import { parseBody, parseHeader, parseParams } from '../http/validate.ts';
import type { PaymentsService } from './payments.service.ts';

export const paymentsRoutes = (payments: PaymentsService): Router => {
  const router = Router();

  router.post('/', requireRole('admin', 'manager', 'collector'), async (req, res) => {
    const header = req.get(IDEMPOTENCY_KEY_HEADER);
    if (header === undefined || header === '') {
      throw new InvalidInputError('idempotency-key-missing', 'Send an Idempotency-Key header so a retry cannot pay twice.');
    }
    const key = parseHeader(idempotencyKeySchema, req, 'Idempotency-Key');
    const body = parseBody(paymentRequestSchema, req);
    const outcome = await payments.receive(key, body, currentUser(req));
    if (!outcome.fresh) res.set('Idempotent-Replayed', 'true');
    res.status(outcome.status).json(outcome.body);
  });

  router.post('/:id/reverse', requireRole('admin', 'manager'), async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await payments.reverse(id, parseBody(paymentReversalSchema, req).reason, currentUser(req)));
  });

  return router;
};
