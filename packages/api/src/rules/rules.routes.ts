import { Router } from 'express';
import { ruleEvaluateRequestSchema } from '@recoup/contracts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody } from '../http/validate.ts';
import type { RulesService } from './rules.service.ts';

export const rulesRoutes = (rules: RulesService): Router => {
  const router = Router();

  // Managers design the rules; the answer shows any account's facts, which collectors see only for their own.
  router.post('/evaluate', requireRole('admin', 'manager'), async (req, res) => {
    res.json(await rules.evaluate(parseBody(ruleEvaluateRequestSchema, req)));
  });

  return router;
};
