import { Router } from 'express';
import { idParamsSchema, importQuerySchema, type ImportQuery } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { BusinessRuleError, UnsupportedMediaTypeError } from '../http/errors.ts';
import { parseParams, parseQuery } from '../http/validate.ts';
import type { ImportOutcome, ImportsService } from './imports.service.ts';
import { parseJsonPortfolio } from './json-portfolio.parser.ts';
import type { ParsePool } from './parse-pool.ts';

const answer = (outcome: ImportOutcome, query: ImportQuery) => {
  if (outcome.kind === 'rejected') {
    throw new BusinessRuleError(
      'import-rejected',
      query.mode === 'valid-only'
        ? 'Nothing could be imported: every row has a problem, or the file itself is unusable.'
        : `The import was refused: ${outcome.rows.length} problem(s). Nothing was imported.`,
      { batchId: outcome.batchId, rowsTotal: outcome.rowsTotal, rows: outcome.rows, skipped: outcome.skipped },
    );
  }
  return outcome.result;
};

export const importsRoutes = (imports: ImportsService, parsing: ParsePool): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');

  router.post('/portfolio', writers, async (req, res) => {
    const query = parseQuery(importQuerySchema, req);
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError('application/json');
    const parse = parseJsonPortfolio(req.body);
    const outcome = await imports.importPortfolio({
      format: 'json',
      raw: Buffer.from(JSON.stringify(req.body)),
      filename: query.filename ?? 'portfolio.json',
      mode: query.mode,
      user: currentUser(req),
      parse,
    });
    res.status(201).json(answer(outcome, query));
  });

  router.post('/portfolio.csv', writers, async (req, res) => {
    const query = parseQuery(importQuerySchema, req);
    if (!req.is('text/csv') || typeof req.body !== 'string') throw new UnsupportedMediaTypeError('text/csv');
    const text = req.body;
    const outcome = await imports.importPortfolio({
      format: 'csv',
      raw: Buffer.from(text, 'utf8'),
      filename: query.filename ?? 'portfolio.csv',
      mode: query.mode,
      user: currentUser(req),
      parse: await parsing.csv(text),
    });
    res.status(201).json(answer(outcome, query));
  });

  router.get('/:id', writers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await imports.getBatch(id));
  });

  router.get('/:id/raw', writers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    const raw = await imports.getRaw(id);
    // The file is whatever the uploader sent, under the name they chose: it is only ever offered for saving, never
    // shown or run. The type follows the stored format, not the name (attachment() would take "x.html" as HTML),
    // the browser may not sniff another, and a CSP sandbox covers a browser that opens it anyway.
    res.attachment(raw.filename);
    res.type(raw.format === 'csv' ? 'text/csv' : 'application/json');
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "sandbox; default-src 'none'" });
    res.send(raw.raw);
  });

  return router;
};
