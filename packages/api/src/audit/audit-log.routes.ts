import { Router } from 'express';
import { auditListQuerySchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseQuery } from '../http/validate.ts';
import type { AuditLogService } from './audit-log.service.ts';

/** Mounted at /api/admin/audit: the audit log and its chain check, admins only. */
export const auditLogRoutes = (auditLog: AuditLogService): Router => {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/', async (req, res) => {
    res.json(await auditLog.list(parseQuery(auditListQuerySchema, req)));
  });

  // A POST: the check is recorded in the log itself (who ran it, what it found), and a walk over the whole log is
  // not something a prefetch or a reload should start.
  router.post('/verify', async (req, res) => {
    res.json(await auditLog.verify(currentUser(req)));
  });

  return router;
};
