import { apiVersion } from '../http/version.ts';
import { buildDocument, type OpenApiDocument } from './document.ts';
import type { Operations } from './operation.ts';
import { accountOperations } from './operations/accounts.ts';
import { adminOperations } from './operations/admin.ts';
import { authOperations } from './operations/auth.ts';
import { complianceOperations } from './operations/compliance.ts';
import { importOperations } from './operations/imports.ts';
import { kpiOperations } from './operations/kpis.ts';
import { paymentOperations } from './operations/payments.ts';
import { promiseOperations } from './operations/promises.ts';
import { strategyOperations } from './operations/strategies.ts';
import { systemOperations } from './operations/system.ts';
import { taskOperations } from './operations/tasks.ts';
import { templateOperations } from './operations/templates.ts';

/** Every route under /api, as the contract states it. A test fails when a mounted route is missing here. */
export const apiOperations: Operations = {
  ...authOperations,
  ...accountOperations,
  ...promiseOperations,
  ...taskOperations,
  ...paymentOperations,
  ...importOperations,
  ...strategyOperations,
  ...templateOperations,
  ...complianceOperations,
  ...kpiOperations,
  ...adminOperations,
  ...systemOperations,
};

let document: OpenApiDocument | undefined;

/** The contract served at /api/openapi.json, built once per process. */
export const apiDocument = (): OpenApiDocument => (document ??= buildDocument(apiOperations, apiVersion()));
