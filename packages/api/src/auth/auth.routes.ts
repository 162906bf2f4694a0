import { Router } from 'express';
import { loginRequestSchema, type CsrfResponse, type LoginResponse, type MeResponse } from '@recoup/contracts';
import { parseBody } from '../http/validate.ts';
import type { AuthService } from './auth.service.ts';
import { ensureCsrfToken, type Csrf } from './csrf.ts';
import { currentUser } from './current-user.ts';
import { requireAuth } from './require-auth.ts';
import { SESSION_COOKIE } from './session.ts';

export const authRoutes = (auth: AuthService, csrf: Csrf): Router => {
  const router = Router();

  router.post('/login', async (req, res) => {
    const body = parseBody(loginRequestSchema, req);
    const user = await auth.login(body.email, body.password, { ip: req.ip });
    // A new session id at login defeats session fixation; the CSRF token is renewed with it.
    await new Promise<void>((done, fail) => req.session.regenerate((error) => (error ? fail(error) : done())));
    req.session.userId = user.id;
    const csrfToken = ensureCsrfToken(req);
    await new Promise<void>((done, fail) => req.session.save((error) => (error ? fail(error) : done())));
    const response: LoginResponse = { user, csrfToken };
    res.json(response);
  });

  router.post('/logout', requireAuth(auth), async (req, res) => {
    await auth.logout(currentUser(req));
    await new Promise<void>((done, fail) => req.session.destroy((error) => (error ? fail(error) : done())));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', requireAuth(auth), (req, res) => {
    const response: MeResponse = { user: currentUser(req) };
    res.json(response);
  });

  // Signed out, this stores nothing: the token is bound to a cookie nonce, not to a session row.
  router.get('/csrf', (req, res) => {
    const response: CsrfResponse = { csrfToken: csrf.tokenFor(req, res) };
    res.json(response);
  });

  return router;
};
