import { Router } from 'express';
import { simulationRequestSchema } from '@recoup/contracts';
import { requireRole } from '../auth/require-auth.ts';
import { BusinessRuleError } from '../http/errors.ts';
import { issuesOf } from '../http/validate.ts';
import type { SimulationsService } from './simulations.service.ts';

export const simulationsRoutes = (simulations: SimulationsService): Router => {
  const router = Router();

  router.post('/', requireRole('admin', 'manager'), async (req, res) => {
    // A simulation request is a form in the designer; every refusal, shape included, is one 422 naming the fields.
    const parsed = simulationRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      throw new BusinessRuleError('simulation-invalid-input', 'The simulation request is not valid.', {
        fields: issuesOf(parsed.error, 'body'),
      });
    }
    res.json(await simulations.run(parsed.data));
  });

  return router;
};
