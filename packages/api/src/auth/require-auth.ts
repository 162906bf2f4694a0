import type { RequestHandler } from 'express';
import type { Role } from '@recoup/contracts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { AuthService } from './auth.service.ts';
import { currentUser, hasCurrentUser, setCurrentUser } from './current-user.ts';

/**
 * Loads the session's user on every request, so deactivating a user takes effect at once. A request with an API
 * token has its user from the token (token-auth.ts, which checks the same) and no session.
 */
export const requireAuth =
  (auth: AuthService): RequestHandler =>
  async (req, _res, next) => {
    if (hasCurrentUser(req)) {
      next();
      return;
    }
    const userId = req.session?.userId;
    if (!userId) throw new UnauthenticatedError();
    const user = await auth.findActiveUser(userId);
    if (!user) {
      await new Promise<void>((done) => req.session.destroy(() => done()));
      throw new UnauthenticatedError('session-ended', 'Your session has ended; log in again.');
    }
    setCurrentUser(req, user);
    next();
  };

export const requireRole =
  (...roles: Role[]): RequestHandler =>
  (req, _res, next) => {
    const user = currentUser(req);
    if (!roles.includes(user.role)) {
      throw new ForbiddenError('forbidden-role', `This needs the role ${roles.join(' or ')}.`);
    }
    next();
  };
