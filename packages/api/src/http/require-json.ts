import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from '../errors.ts';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Bodies must be JSON unless a route said otherwise (the CSV import); silently ignoring them hides mistakes. */
export const requireJsonBodies =
  (exceptions: string[]): RequestHandler =>
  (req, _res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (WITH_BODY.has(req.method) && hasBody && !exceptions.includes(req.path) && !req.is('application/json')) {
      throw new UnsupportedMediaTypeError('application/json');
    }
    next();
  };
