import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../errors.ts';
import { confirmPage, donePage, unknownPage } from './optout.page.ts';
import type { OptOutService } from './optout.service.ts';

/**
 * A link that is not (or no longer) valid. The person who clicked it in a mail client gets a page that says so;
 * any other client gets the API's JSON error, like every other 404.
 */
const unknownLink = (req: Request, res: Response): void => {
  if (req.accepts(['json', 'html']) === 'html') {
    res.status(404).type('html').send(unknownPage());
    return;
  }
  throw new NotFoundError('opt-out link', 'This opt-out link is not valid; use the link from the most recent e-mail.');
};

/**
 * The opt-out link carried by every e-mail (Reg F 1006.6(e)): GET shows what will stop, POST stops it. POST is
 * also what mail clients send for one-click unsubscribe (RFC 8058). The random token is the only credential.
 */
export const optOutRoutes = (optOut: OptOutService, creditorName: string): Router => {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const link = await optOut.link(req.params.token);
    if (!link) {
      unknownLink(req, res);
      return;
    }
    res.type('html').send(confirmPage(creditorName, link.email, link.optedOut));
  });

  router.post('/:token', async (req, res) => {
    const email = await optOut.optOut(req.params.token);
    if (email === null) {
      unknownLink(req, res);
      return;
    }
    res.type('html').send(donePage(email));
  });

  return router;
};
