import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Contact } from '@recoup/db';
import { audit } from '../audit/audit.ts';

const tokenSchema = z.uuid();

/** The contact an opt-out link names: its address, and whether it has opted out already. */
export interface OptOutLink {
  email: string;
  optedOut: boolean;
}

/** Opt-out links (Reg F 1006.6(e)): the random token in every e-mail is the only credential. */
export class OptOutService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  /** What the link stops; null when the token names no contact with an e-mail address. */
  async link(token: string): Promise<OptOutLink | null> {
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success) return null;
    const contact = await this.#orm.em.fork().findOne(Contact, { optOutToken: parsed.data });
    return contact?.email ? { email: contact.email, optedOut: Boolean(contact.emailOptedOutAt) } : null;
  }

  /** Stops e-mail to the link's contact, once, with an audit row; answers the address, or null for an unknown link. */
  async optOut(token: string): Promise<string | null> {
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success) return null;
    return this.#orm.em.fork().transactional(async (em) => {
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
  }
}
