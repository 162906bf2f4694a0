import { Router } from 'express';
import { FACTS, OPERATORS_BY_TYPE, RULE_OPERATORS } from '@recoup/domain';

/** The facts registry: every fact a rule may test with its type, and the operators that fit each type. */
export const factsRoutes = (): Router => {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ facts: FACTS, operators: RULE_OPERATORS, operatorsByType: OPERATORS_BY_TYPE });
  });
  return router;
};
