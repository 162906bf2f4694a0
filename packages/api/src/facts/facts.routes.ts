import { Router } from 'express';
import { FACTS, RULE_OPERATORS } from '@recoup/domain';

/** The facts strategy conditions may test, and the operators, for the designer's condition editor. */
export const factsRoutes = (): Router => {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ facts: FACTS, operators: RULE_OPERATORS });
  });
  return router;
};
