import { Router } from 'express';
import { disputeAttachmentParamsSchema, idParamsSchema, openDisputeRequestSchema, resolveDisputeRequestSchema } from '@recoup/contracts';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { parseBody, parseParams } from '../http/validate.ts';
import type { DisputesService } from './disputes.service.ts';

/** Mounted at /api/accounts/:id/disputes. */
export const accountDisputesRoutes = (disputes: DisputesService): Router => {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    res.json(await disputes.list(parseParams(idParamsSchema, req).id, currentUser(req)));
  });

  router.post('/', async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.status(201).json(await disputes.open(id, parseBody(openDisputeRequestSchema, req), currentUser(req)));
  });

  return router;
};

/** Mounted at /api/disputes. */
export const disputesRoutes = (disputes: DisputesService): Router => {
  const router = Router();

  router.post('/:id/resolve', requireRole('admin', 'manager'), async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await disputes.resolve(id, parseBody(resolveDisputeRequestSchema, req), currentUser(req)));
  });

  // A file the debtor sent, for whoever may work on the dispute's account. It is offered for saving only, under the
  // type its bytes were checked to be when it arrived; the browser may not sniff another, and a CSP sandbox covers
  // a browser that opens it anyway.
  router.get('/:id/attachments/:attachmentId', async (req, res) => {
    const { id, attachmentId } = parseParams(disputeAttachmentParamsSchema, req);
    const attachment = await disputes.attachment(id, attachmentId, currentUser(req));
    res.attachment(attachment.fileName);
    res.type(attachment.mediaType);
    res.set({ 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "sandbox; default-src 'none'" });
    res.send(attachment.content);
  });

  return router;
};
