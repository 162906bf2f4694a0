import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Contact } from '@recoup/db';
import { audit } from '../audit/audit.ts';
import { NotFoundError } from '../http/errors.ts';
import { confirmPage, donePage, unknownPage } from './optout.page.ts';

const tokenSchema = z.uuid();

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
export const optOutRoutes = (orm: MikroORM, creditorName: string): Router => {
  const router = Router();

  const findContact = async (token: string) => {
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success) return null;
    return orm.em.fork().findOne(Contact, { optOutToken: parsed.data });
  };

  router.get('/:token', async (req, res) => {
    const contact = await findContact(req.params.token);
    if (!contact?.email) {
      unknownLink(req, res);
      return;
    }
    res.type('html').send(confirmPage(creditorName, contact.email, Boolean(contact.emailOptedOutAt)));
  });

  router.post('/:token', async (req, res) => {
    const parsed = tokenSchema.safeParse(req.params.token);
    if (!parsed.success) {
      unknownLink(req, res);
      return;
    }
    const email = await orm.em.fork().transactional(async (em) => {
      const contact = await em.findOne(Contact, { optOutToken: parsed.data });
      if (!contact?.email) return null;
      // Recorded even without consent on file: the request itself must outlast any later consent update.
      if (!contact.emailOptedOutAt) {
        contact.emailOptedOutAt = new Date();
        contact.consentEmail = false;
        await em.flush();
        await audit(em, {
          actorId: null,
          action: 'contact.email-opt-out',
          entity: 'contact',
          entityId: contact.id,
          details: { via: 'opt-out link' },
        });
      }
      return contact.email;
    });
    if (email === null) {
      unknownLink(req, res);
      return;
    }
    res.type('html').send(donePage(email));
  });

  return router;
};
