import type { MikroORM } from '@mikro-orm/postgresql';
import { AppUser } from '@recoup/db';
import type { Role } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import { UnauthorizedError } from '../http/errors.ts';
import type { AuthUser } from './current-user.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export class AuthService {
  readonly #orm: MikroORM;
  #dummyHash: Promise<string> | undefined;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  /** Checks the credentials and audits the attempt either way. */
  async login(email: string, password: string, meta: { ip: string | undefined }): Promise<AuthUser> {
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
    await em.transactional(async (tx) => {
      await audit(tx, {
        actorId: ok && user ? user.id : null,
        action: ok ? 'auth.login' : 'auth.login-failed',
        entity: 'app_user',
        entityId: user?.id ?? email,
        details: { email, ip: meta.ip ?? null },
      });
    });
    if (!ok || !user) throw new UnauthorizedError('invalid-credentials', 'The e-mail or password is wrong.');
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

const toAuthUser = (user: { id: string; email: string; name: string; role: Role }): AuthUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});
