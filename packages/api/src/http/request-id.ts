import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { REQUEST_ID_PATTERN, withRequestId } from '@recoup/config';

/**
 * Gives every request an id: the client's X-Request-Id when it is a plain token (a proxy's or an ERP's own), else a
 * new UUID. It is answered in X-Request-Id, carried by every log entry written while the request is served, and
 * sent along with whatever the request asks of a workflow, so the activities it sets going log it too.
 */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given !== undefined && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
  res.set('X-Request-Id', id);
  withRequestId(id, () => next());
};
