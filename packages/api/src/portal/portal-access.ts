import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Contact, PortalCode } from '@recoup/db';
import { checkPortalToken, signPortalToken, type PortalClaim } from '@recoup/workflows';
import { maskEmail } from '../shared/mask-email.ts';
import type { PortalMailer } from './code-mailer.ts';
import type { PortalRateLimits } from './portal-rate-limit.ts';
import type { PortalVisitor } from './portal-visitor.ts';

const MINUTE_MS = 60_000;
/** Wrong tries one code survives; the next one spends it. */
const CODE_TRIES = 5;

export interface PortalAccessSettings {
  secret: string;
  codeMinutes: number;
  sessionMinutes: number;
}

/** What opening a link or entering a code came to. */
export type PortalEntry =
  | { status: 'admitted'; visitor: PortalVisitor; session: string }
  /** An authentic link past its expiry: the page offers a code to the contact's address, shown masked. */
  | { status: 'expired'; maskedEmail: string | null }
  | { status: 'invalid' }
  | { status: 'limited'; retryAfterSeconds: number };

export type CodeRequest =
  | { status: 'sent'; maskedEmail: string }
  | { status: 'no-email' }
  | { status: 'invalid' }
  | { status: 'limited'; retryAfterSeconds: number };

export type CodeCheck = PortalEntry | { status: 'wrong-code'; triesLeft: number };


const codeHash = (contactId: string, code: string): string => createHash('sha256').update(`${contactId}:${code}`).digest('hex');

/**
 * Admission to the portal without a password: a reminder's signed link, or, once it has expired, a one-time code
 * sent to the contact's address on file (never to one the visitor types). Either yields a short session, signed
 * the same way, that names the one account and contact it was given for.
 */
export class PortalAccess {
  readonly #orm: MikroORM;
  readonly #settings: PortalAccessSettings;
  readonly #limits: PortalRateLimits;
  readonly #mailer: PortalMailer | null;

  constructor(orm: MikroORM, settings: PortalAccessSettings, limits: PortalRateLimits, mailer: PortalMailer | null) {
    this.#orm = orm;
    this.#settings = settings;
    this.#limits = limits;
    this.#mailer = mailer;
  }

  get codeMinutes(): number {
    return this.#settings.codeMinutes;
  }

  get sessionMs(): number {
    return this.#settings.sessionMinutes * MINUTE_MS;
  }

  async openLink(token: string, now: Date): Promise<PortalEntry> {
    const check = checkPortalToken(this.#settings.secret, 'link', token, now);
    if (check.status === 'invalid') return { status: 'invalid' };
    const contact = await this.#contactOf(this.#orm.em.fork(), check.claim);
    if (!contact) return { status: 'invalid' };
    if (check.status === 'expired') return { status: 'expired', maskedEmail: contact.email ? maskEmail(contact.email) : null };
    return this.#admit(contact, check.claim, now);
  }

  /** Sends a fresh code for an authentic link, valid or expired; earlier unspent codes of the contact stop working. */
  async sendCode(token: string, now: Date, texts: (code: string, minutes: number) => { subject: string; text: string }): Promise<CodeRequest> {
    const check = checkPortalToken(this.#settings.secret, 'link', token, now);
    if (check.status === 'invalid') return { status: 'invalid' };
    const em = this.#orm.em.fork();
    const contact = await this.#contactOf(em, check.claim);
    if (!contact) return { status: 'invalid' };
    if (!contact.email || !this.#mailer) return { status: 'no-email' };
    const limit = await this.#limits.codeSent(contact.id);
    if (!limit.allowed) return { status: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(PortalCode, { contact: contact.id, usedAt: null }, { usedAt: now });
      tx.create(PortalCode, {
        account: check.claim.accountId,
        contact: contact.id,
        codeHash: codeHash(contact.id, code),
        expiresAt: new Date(now.getTime() + this.#settings.codeMinutes * MINUTE_MS),
        createdAt: now,
      });
    });
    const mail = texts(code, this.#settings.codeMinutes);
    await this.#mailer.send({ to: contact.email, ...mail });
    return { status: 'sent', maskedEmail: maskEmail(contact.email) };
  }

  async checkCode(token: string, code: string, now: Date): Promise<CodeCheck> {
    const check = checkPortalToken(this.#settings.secret, 'link', token, now);
    if (check.status === 'invalid') return { status: 'invalid' };
    const em = this.#orm.em.fork();
    const contact = await this.#contactOf(em, check.claim);
    if (!contact) return { status: 'invalid' };
    const limit = await this.#limits.codeTried(contact.id);
    if (!limit.allowed) return { status: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
    const live = await em.findOne(
      PortalCode,
      { contact: contact.id, account: check.claim.accountId, usedAt: null, expiresAt: { $gt: now } },
      { orderBy: { createdAt: 'desc' } },
    );
    if (!live) return { status: 'wrong-code', triesLeft: 0 };
    const given = Buffer.from(codeHash(contact.id, code.replace(/\s+/g, '')), 'hex');
    if (!timingSafeEqual(given, Buffer.from(live.codeHash, 'hex'))) {
      live.attempts += 1;
      if (live.attempts >= CODE_TRIES) live.usedAt = now;
      await em.flush();
      return { status: 'wrong-code', triesLeft: Math.max(0, CODE_TRIES - live.attempts) };
    }
    live.usedAt = now;
    await em.flush();
    return this.#admit(contact, check.claim, now);
  }

  /** The visitor a session cookie stands for, or null when it is missing, altered, expired or names no contact. */
  async visitor(session: string | null, now: Date): Promise<{ visitor: PortalVisitor; session: string } | null> {
    if (!session) return null;
    const check = checkPortalToken(this.#settings.secret, 'session', session, now);
    if (check.status !== 'valid') return null;
    const contact = await this.#contactOf(this.#orm.em.fork(), check.claim);
    if (!contact) return null;
    return { visitor: visitorOf(contact, check.claim.accountId), session: this.#sessionFor(check.claim, now) };
  }

  #admit(contact: ContactRow, claim: PortalClaim, now: Date): PortalEntry {
    return { status: 'admitted', visitor: visitorOf(contact, claim.accountId), session: this.#sessionFor(claim, now) };
  }

  #sessionFor(claim: PortalClaim, now: Date): string {
    return signPortalToken(this.#settings.secret, 'session', { ...claim, expiresAt: new Date(now.getTime() + this.sessionMs) });
  }

  /** The claim's contact, only while it still belongs to the claim's account. */
  async #contactOf(em: EntityManager, claim: PortalClaim): Promise<ContactRow | null> {
    const contact = await em.findOne(Contact, { id: claim.contactId, account: claim.accountId }, { fields: ['id', 'name', 'email', 'locale'] });
    return contact ? { id: contact.id, name: contact.name, email: contact.email ?? null, locale: contact.locale ?? null } : null;
  }
}

interface ContactRow {
  id: string;
  name: string;
  email: string | null;
  locale: string | null;
}

const visitorOf = (contact: ContactRow, accountId: string): PortalVisitor => ({
  accountId,
  contactId: contact.id,
  contactName: contact.name,
  email: contact.email,
  storedLocale: contact.locale,
});
