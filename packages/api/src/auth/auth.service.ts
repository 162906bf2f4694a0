import type { MikroORM } from '@mikro-orm/postgresql';
import { AppUser } from '@recoup/db';
import type { Role } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import { UnauthenticatedError } from '../errors.ts';
import { clientAddressKey } from './client-address.ts';
import type { AuthUser } from './current-user.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SignInLock, SignInThrottle } from './sign-in-throttle.ts';

export class AuthService {
  readonly #orm: MikroORM;
  readonly #throttle: SignInThrottle;
  #dummyHash: Promise<string> | undefined;

  constructor(orm: MikroORM, throttle: SignInThrottle) {
    this.#orm = orm;
    this.#throttle = throttle;
  }

  /**
   * Checks the credentials and audits the attempt either way, with any lock its failure causes. While the e-mail
   * or the client address is locked the attempt is refused (429) before the password is looked at; those refusals
   * are not audited one by one, so that a flood of them cannot flood the audit log.
   */
  async login(email: string, password: string, meta: { ip: string | undefined }): Promise<AuthUser> {
    const attempt = await this.#throttle.begin(email, meta.ip);
    const em = this.#orm.em.fork();
    const user = await em.findOne(AppUser, { email });
    let ok: boolean;
    if (user && user.active) {
      ok = await verifyPassword(user.passwordHash, password);
    } else {
      // Spend the same work for unknown users, so response time does not tell which e-mails exist.
      this.#dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await this.#dummyHash, password);
      ok = false;
    }
    const locks = ok ? [] : await attempt.failed();
    if (ok) await attempt.succeeded();
    await em.transactional(async (tx) => {
      await audit(tx, {
        actorId: ok && user ? user.id : null,
        action: ok ? 'auth.login' : 'auth.login-failed',
        entity: 'app_user',
        entityId: user?.id ?? email,
        details: { email, ip: meta.ip ?? null },
      });
      for (const lock of locks) await audit(tx, lockEntry(lock, { email, userId: user?.id ?? null, ip: meta.ip ?? null }));
    });
    if (!ok || !user) throw new UnauthenticatedError('invalid-credentials', 'The e-mail or password is wrong.');
    return toAuthUser(user);
  }

  async logout(user: AuthUser): Promise<void> {
    await this.#orm.em.fork().transactional(async (tx) => {
      await audit(tx, { actorId: user.id, action: 'auth.logout', entity: 'app_user', entityId: user.id, details: {} });
    });
  }

  /** The active user behind a session, or null when the user is gone or deactivated. */
  async findActiveUser(id: string): Promise<AuthUser | null> {
    const user = await this.#orm.em.fork().findOne(AppUser, { id, active: true });
    return user ? toAuthUser(user) : null;
  }
}

const lockEntry = (lock: SignInLock, who: { email: string; userId: string | null; ip: string | null }) => ({
  actorId: null,
  action: 'auth.sign-in-locked',
  entity: lock.scope === 'account' ? 'app_user' : 'client_address',
  // An address lock covers what the throttle counts together: the IPv4 address, or the IPv6 address's /64.
  entityId: lock.scope === 'account' ? (who.userId ?? who.email) : clientAddressKey(who.ip ?? undefined),
  details: {
    scope: lock.scope,
    email: who.email,
    ip: who.ip,
    failures: lock.failures,
    lockNumber: lock.lockNumber,
    lockSeconds: lock.lockSeconds,
    lockedUntil: lock.lockedUntil.toISOString(),
  },
});

const toAuthUser = (user: { id: string; email: string; name: string; role: Role }): AuthUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});
