import { Router } from 'express';
import {
  csvStatementMappingSchema,
  deductionQuerySchema,
  exceptionQuerySchema,
  idParamsSchema,
  manualMatchSchema,
  mappingNameParamsSchema,
  reverseLineSchema,
  skipLineSchema,
  statementImportQuerySchema,
  statementReviewSchema,
} from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { InvalidInputError } from '../errors.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { BankStatementsService } from './bank-statements.service.ts';
import type { StatementLinesService } from './statement-lines.service.ts';

/**
 * Mounted at /api/bank-statements: the body is the statement file itself, as bytes. Statements hold every
 * customer's payments, so only managers and admins see them; collectors see their own accounts' payments.
 */
export const bankStatementsRoutes = (statements: BankStatementsService): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');
  router.use(writers);
  router.post('/', writers, async (req, res) => {
    const query = parseQuery(statementImportQuerySchema, req);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new InvalidInputError('statement-body-missing', 'Send the statement file as the request body (text/plain, text/csv, application/xml or application/octet-stream).');
    }
    const result = await statements.import(req.body, req.get('content-type'), query, currentUser(req));
    res.status(result.duplicate ? 200 : 201).json(result);
  });
  router.get('/', async (_req, res) => {
    res.json(await statements.list());
  });
  router.get('/:id', async (req, res) => {
    res.json(await statements.detail(parseParams(idParamsSchema, req).id));
  });
  router.get('/:id/lines', async (req, res) => {
    res.json(await statements.lines(parseParams(idParamsSchema, req).id));
  });
  router.post('/:id/reconcile', writers, async (req, res) => {
    res.status(202).json(await statements.reconcile(parseParams(idParamsSchema, req).id));
  });
  router.post('/:id/release', writers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.status(202).json(await statements.release(id, parseBody(statementReviewSchema, req).reason, currentUser(req)));
  });
  router.post('/:id/reject', writers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await statements.reject(id, parseBody(statementReviewSchema, req).reason, currentUser(req)));
  });
  return router;
};

/** Mounted at /api/statement-lines: the exception queue and a person's decisions on it; managers and admins only. */
export const statementLinesRoutes = (lines: StatementLinesService): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');
  router.use(writers);
  router.get('/exceptions', async (req, res) => {
    res.json({ items: await lines.exceptions(parseQuery(exceptionQuerySchema, req)) });
  });
  router.get('/deductions', async (req, res) => {
    res.json({ items: await lines.deductions(parseQuery(deductionQuerySchema, req).limit) });
  });
  router.post('/:id/match', writers, async (req, res) => {
    res.json(await lines.match(parseParams(idParamsSchema, req).id, parseBody(manualMatchSchema, req), currentUser(req)));
  });
  router.post('/:id/reverse', writers, async (req, res) => {
    res.json(await lines.reverse(parseParams(idParamsSchema, req).id, parseBody(reverseLineSchema, req).paymentId, currentUser(req)));
  });
  router.post('/:id/skip', writers, async (req, res) => {
    res.json(await lines.skip(parseParams(idParamsSchema, req).id, parseBody(skipLineSchema, req).reason, currentUser(req)));
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
