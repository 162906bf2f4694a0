import { Router, type Request, type Response } from 'express';
import { KPI_BLOCKS, kpiBlockParamsSchema, kpiQuerySchema, type KpiBlock, type KpiQuery } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors.ts';
import { parseParams, parseQuery } from '../http/validate.ts';
import { blockCsv, csvFilename, dashboardCsv } from './kpi-csv.ts';
import { publicFilters, type KpisService } from './kpis.service.ts';

/** A filter the dashboard cannot apply is one 400 naming every field, like any other malformed query. */
const parseFilters = (req: Request): KpiQuery => {
  try {
    return parseQuery(kpiQuerySchema, req);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError((error.details as { fields: FieldIssue[] }).fields, 'The dashboard filters are not valid.');
  }
};

const sendCsv = (res: Response, filename: string, body: string): void => {
  res.type('text/csv; charset=utf-8');
  res.attachment(filename);
  res.send(body);
};

const isBlock = (value: string): value is KpiBlock => (KPI_BLOCKS as readonly string[]).includes(value);

/**
 * /api/kpis: the combined dashboard, /api/kpis/<block> for one block, /api/kpis/options for the filters' choices.
 * Every endpoint also answers CSV with ?format=csv, and a block with a .csv suffix too (/api/kpis/aging.csv).
 * Managers and admins only: collectors work accounts, they do not read the portfolio's figures.
 */
export const kpisRoutes = (kpis: KpisService): Router => {
  const router = Router();
  router.use(requireRole('admin', 'manager'));

  router.get('/options', async (_req, res) => {
    res.json(await kpis.options());
  });

  router.get('/', async (req, res) => {
    const query = parseFilters(req);
    const dashboard = await kpis.dashboard(query, currentUser(req));
    if (query.format === 'csv') sendCsv(res, csvFilename('dashboard', dashboard.filters), dashboardCsv(dashboard));
    else res.json(dashboard);
  });

  router.get('/:block', async (req, res) => {
    const param = parseParams(kpiBlockParamsSchema, req).block;
    const suffixed = param.endsWith('.csv');
    const name = suffixed ? param.slice(0, -'.csv'.length) : param;
    if (!isBlock(name)) throw new NotFoundError('dashboard block', `No dashboard block "${name}"; there are ${KPI_BLOCKS.join(', ')}.`);
    const query = parseFilters(req);
    const result = await kpis.block(name, query, currentUser(req));
    if (suffixed || query.format === 'csv') sendCsv(res, csvFilename(name, result.filters), blockCsv(result));
    else res.json({ filters: publicFilters(result.filters), [name]: result.data });
  });

  return router;
};
