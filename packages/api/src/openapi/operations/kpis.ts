import {
  factsResponseSchema,
  kpiBlockParamsSchema,
  kpiBlockResponseSchema,
  kpiDashboardSchema,
  kpiOptionsSchema,
  kpiQuerySchema,
} from '@recoup/contracts';
import { ALL_ROLES, json, MANAGERS, type Operations } from '../operation.ts';

export const kpiOperations: Operations = {
  'GET /api/kpis/options': {
    tag: 'kpis',
    summary: "What the dashboard's filters can choose from",
    description: 'Currencies (most invoices first), segments, published strategy versions, A/B arms and collectors, as found in the data.',
    access: MANAGERS,
    responses: { 200: json('The choices.', kpiOptionsSchema) },
  },
  'GET /api/kpis': {
    tag: 'kpis',
    summary: 'The whole dashboard: aging, DSO, CEI, recovery, promises, productivity, forecast and backtest',
    description:
      "Every figure is for one currency (the one most invoices are in unless `currency` says otherwise) and the period `from`–`to` (the last 90 days by default). A manager's figures cover their team's accounts and the unassigned ones. With `format=csv` the answer is a CSV file instead of JSON.",
    access: MANAGERS,
    query: kpiQuerySchema,
    responses: {
      200: {
        ...json('The dashboard, with the filters as applied; with `format=csv`, the same figures as a CSV attachment.', kpiDashboardSchema),
        contentType: ['application/json', 'text/csv'],
      },
    },
  },
  'GET /api/kpis/:block': {
    tag: 'kpis',
    summary: 'One block of the dashboard',
    description:
      'The block is one of aging, dso, cei, recovery, promises, productivity, forecast; the answer holds the filters and the block under its own name. With a .csv suffix on the block (`/api/kpis/aging.csv`) or `format=csv` the answer is a CSV file instead of JSON. An unknown block is a 404.',
    access: MANAGERS,
    params: kpiBlockParamsSchema,
    query: kpiQuerySchema,
    responses: {
      200: {
        ...json('The filters as applied and the block; as CSV (.csv suffix or `format=csv`), the block as a table in an attachment.', kpiBlockResponseSchema),
        contentType: ['application/json', 'text/csv'],
      },
    },
  },
  'GET /api/facts': {
    tag: 'system',
    summary: 'The facts registry: every fact a strategy rule can test',
    description: "Each fact's name, type, meaning, unit and possible values, and the operators that fit each type. The rule builder and the strategy validator use the same list.",
    access: ALL_ROLES,
    responses: { 200: json('The facts and operators.', factsResponseSchema) },
  },
};
