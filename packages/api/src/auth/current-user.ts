import type { Request } from 'express';
import type { Role } from '@recoup/contracts';
import { UnauthenticatedError } from '../errors.ts';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

// Kept beside the request instead of on it, so no global type augmentation of Express is needed.
const users = new WeakMap<Request, AuthUser>();

export const setCurrentUser = (req: Request, user: AuthUser): void => {
  users.set(req, user);
};

/** Whether the request's user is known already: an API token names it before any session is read. */
export const hasCurrentUser = (req: Request): boolean => users.has(req);

export const currentUser = (req: Request): AuthUser => {
  const user = users.get(req);
  if (!user) throw new UnauthenticatedError();
  return user;
};

export const isManagerOrAdmin = (user: AuthUser): boolean => user.role === 'admin' || user.role === 'manager';
