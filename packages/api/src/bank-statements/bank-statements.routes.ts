import { Router } from 'express';
import { csvStatementMappingSchema, idParamsSchema, mappingNameParamsSchema, statementImportQuerySchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { BadRequestError } from '../http/errors.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { BankStatementsService } from './bank-statements.service.ts';

/** Mounted at /api/bank-statements: the body is the statement file itself, as text. */
export const bankStatementsRoutes = (statements: BankStatementsService): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');
  router.post('/', writers, async (req, res) => {
    const query = parseQuery(statementImportQuerySchema, req);
    if (typeof req.body !== 'string' || req.body.length === 0) {
      throw new BadRequestError('statement-body-missing', 'Send the statement file as the request body (text/plain, text/csv or application/xml).');
    }
    const result = await statements.import(req.body, query, currentUser(req));
    res.status(result.duplicate ? 200 : 201).json(result);
  });
  router.get('/', async (_req, res) => {
    res.json(await statements.list());
  });
  router.get('/:id/lines', async (req, res) => {
    res.json(await statements.lines(parseParams(idParamsSchema, req).id));
  });
  return router;
};

/** Mounted at /api/statement-mappings. */
export const statementMappingsRoutes = (statements: BankStatementsService): Router => {
  const router = Router();
  router.put('/:name', requireRole('admin', 'manager'), async (req, res) => {
    const { name } = parseParams(mappingNameParamsSchema, req);
    res.json(await statements.saveMapping(name, parseBody(csvStatementMappingSchema, req), currentUser(req)));
  });
  return router;
};
