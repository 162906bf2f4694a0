import { Router } from 'express';
import { simulationRequestSchema, type SimulationRequest } from '@recoup/contracts';
import { requireRole } from '../auth/require-auth.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { parseBody } from '../http/validate.ts';
import type { SimulationsService } from './simulations.service.ts';

export const simulationsRoutes = (simulations: SimulationsService): Router => {
  const router = Router();

  router.post('/', requireRole('admin', 'manager'), async (req, res) => {
    // A malformed request is a 400 naming every field; a well-formed one naming a strategy or accounts that
    // cannot be simulated is the service's 422.
    let request: SimulationRequest;
    try {
      request = parseBody(simulationRequestSchema, req);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError((error.details as { fields: FieldIssue[] }).fields, 'The simulation request is not valid.');
    }
    res.json(await simulations.run(request));
  });

  return router;
};
