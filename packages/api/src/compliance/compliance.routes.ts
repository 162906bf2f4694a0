import { Router } from 'express';
import { callAttemptRequestSchema, complianceSettingSchema, customerTypeParamsSchema, idParamsSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { ComplianceService } from './compliance.service.ts';

/** Mounted at /api/compliance-settings: everyone reads, admins change. */
export const complianceSettingsRoutes = (compliance: ComplianceService): Router => {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await compliance.settings());
  });
  router.put('/:customerType', requireRole('admin'), async (req, res) => {
    const { customerType } = parseParams(customerTypeParamsSchema, req);
    res.json(await compliance.updateSetting(customerType, parseBody(complianceSettingSchema, req), currentUser(req)));
  });
  return router;
};

/** Mounted at /api/accounts/:id/calls. */
export const accountCallsRoutes = (compliance: ComplianceService): Router => {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    res.json(await compliance.calls(parseParams(idParamsSchema, req).id, currentUser(req)));
  });
  router.post('/', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.status(201).json(await compliance.logCall(id, parseBody(callAttemptRequestSchema, req), currentUser(req)));
  });
  return router;
};
