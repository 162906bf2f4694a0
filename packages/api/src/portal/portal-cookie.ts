import type { Request, Response } from 'express';

export const PORTAL_COOKIE = 'recoup_portal';

/** The value of one cookie in the request's Cookie header, or null. */
export const cookieValue = (req: Request, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
};

/**
 * The portal's own cookie, apart from the staff session: a debtor's visit never carries a collector's rights, nor
 * the other way round. Lax, since the debtor arrives by a link from their mail client, which is another site.
 */
export const setPortalCookie = (res: Response, token: string, secure: boolean, maxAgeMs: number): void => {
  res.cookie(PORTAL_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/portal', maxAge: maxAgeMs });
};

export const clearPortalCookie = (res: Response, secure: boolean): void => {
  res.clearCookie(PORTAL_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/portal' });
};
