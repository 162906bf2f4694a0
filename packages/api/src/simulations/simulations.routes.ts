import { Router } from 'express';
import { simulationRequestSchema } from '@recoup/contracts';
import { requireRole } from '../auth/require-auth.ts';
import { ValidationError } from '../errors.ts';
import { issuesOf } from '../http/validate.ts';
import type { SimulationsService } from './simulations.service.ts';

export const simulationsRoutes = (simulations: SimulationsService): Router => {
  const router = Router();

  router.post('/', requireRole('admin', 'manager'), async (req, res) => {
    // A malformed request is a 400 naming every field; a well-formed one naming a strategy or accounts that
    // cannot be simulated is the service's 422.
    const parsed = simulationRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw new ValidationError(issuesOf(parsed.error, 'body'), 'The simulation request is not valid.');
    res.json(await simulations.run(parsed.data));
  });

  return router;
};
