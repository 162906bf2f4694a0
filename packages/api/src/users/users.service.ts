import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AppUser, type IAppUser } from '@recoup/db';
import type { CreateUserRequest, Role, UpdateUserRequest, UserAdminView } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { SignInThrottle } from '../auth/sign-in-throttle.ts';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors.ts';

const toView = (user: IAppUser, lockedUntil: Date | null): UserAdminView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  active: user.active,
  managerId: user.managerId ?? null,
  capacity: user.capacity,
  skills: [...user.skills],
  pools: [...user.pools],
  createdAt: user.createdAt.toISOString(),
  signInLockedUntil: lockedUntil?.toISOString() ?? null,
});

/** What an audit entry records of a user: never the password hash. */
const audited = (user: IAppUser) => ({ name: user.name, role: user.role, managerId: user.managerId ?? null, active: user.active });

const fieldError = (code: string, path: string, reason: string): BusinessRuleError =>
  new BusinessRuleError(code, `${path} ${reason}.`, { fields: [{ in: 'body', path, reason }] });

/** Who may sign in, with which role and on which team. Admins only; every change is audited. */
export class UsersService {
  readonly #orm: MikroORM;
  readonly #throttle: SignInThrottle;

  constructor(orm: MikroORM, throttle: SignInThrottle) {
    this.#orm = orm;
    this.#throttle = throttle;
  }

  async list(): Promise<UserAdminView[]> {
    const users = await this.#orm.em.fork().find(AppUser, {}, { orderBy: { name: 'asc', email: 'asc' } });
    const locks = await this.#throttle.accountLocks(users.map((user) => user.email));
    return users.map((user) => toView(user, locks.get(user.email) ?? null));
  }

  /**
   * Lifts the lock that failed sign-ins put on the user's e-mail, and forgets those failures. Audited whether or
   * not a lock was in place, so the log shows who lifted what. Locks on a client address are not lifted here:
   * they expire by themselves.
   */
  async unlockSignIn(id: string, actor: AuthUser): Promise<UserAdminView> {
    const em = this.#orm.em.fork();
    const user = await em.findOne(AppUser, { id });
    if (!user) throw new NotFoundError('user');
    const lockedUntil = await this.#throttle.unlock(user.email);
    await em.transactional(async (tx) => {
      await audit(tx, {
        actorId: actor.id,
        action: 'user.sign-in-unlocked',
        entity: 'app_user',
        entityId: user.id,
        details: { email: user.email, wasLockedUntil: lockedUntil?.toISOString() ?? null },
      });
    });
    return toView(user, null);
  }

  async #view(user: IAppUser): Promise<UserAdminView> {
    return toView(user, (await this.#throttle.accountLocks([user.email])).get(user.email) ?? null);
  }

  async create(input: CreateUserRequest, actor: AuthUser): Promise<UserAdminView> {
    // Hashing takes tens of milliseconds on purpose; it stays outside the transaction.
    const passwordHash = await hashPassword(input.password);
    const created = await this.#orm.em.fork().transactional(async (em) => {
      if ((await em.count(AppUser, { email: input.email })) > 0) {
        throw new ConflictError('email-taken', `A user with the e-mail ${input.email} exists already.`, {
          fields: [{ in: 'body', path: 'email', reason: 'belongs to another user' }],
        });
      }
      const managerId = await checkedManager(em, input.role, input.managerId ?? null);
      const user = em.create(AppUser, { email: input.email, name: input.name, role: input.role, passwordHash, active: true, managerId });
      await em.flush();
      await audit(em, { actorId: actor.id, action: 'user.created', entity: 'app_user', entityId: user.id, details: { email: user.email, ...audited(user) } });
      return user;
    });
    return this.#view(created);
  }

  /**
   * Changes name, role, team or the active flag. The last active admin cannot be demoted or deactivated, or nobody
   * could manage users any more; a manager who still leads collectors keeps the role until they are moved.
   * A deactivated user's sessions end at once.
   */
  async update(id: string, input: UpdateUserRequest, actor: AuthUser): Promise<UserAdminView> {
    const updated = await this.#orm.em.fork().transactional(async (em) => {
      // Every active admin row is locked first, so two admins demoting each other at once cannot both succeed.
      const admins = await em.find(AppUser, { role: 'admin', active: true }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
      const user = await em.findOne(AppUser, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw new NotFoundError('user');
      const before = audited(user);
      const role = input.role ?? user.role;
      const active = input.active ?? user.active;
      if (user.role === 'admin' && user.active && (role !== 'admin' || !active) && admins.every((admin) => admin.id === user.id)) {
        throw new ConflictError('last-admin', `${user.name} is the last active admin; make someone else an admin first.`, {
          fields: [{ in: 'body', path: input.active === false ? 'active' : 'role', reason: 'would leave no active admin' }],
        });
      }
      if (user.role === 'manager' && (role !== 'manager' || !active)) {
        const team = await em.count(AppUser, { managerId: user.id, active: true });
        if (team > 0) {
          throw new ConflictError('manager-has-team', `${user.name} still leads ${team} active collector(s); move them to another manager first.`, {
            fields: [{ in: 'body', path: input.active === false ? 'active' : 'role', reason: `still leads ${team} active collector(s)` }],
          });
        }
      }
      // Only collectors are on a team: changing the role away from collector takes the user off theirs.
      const requestedManager = input.managerId !== undefined ? input.managerId : role === 'collector' ? (user.managerId ?? null) : null;
      const managerId = input.managerId !== undefined || role !== user.role ? await checkedManager(em, role, requestedManager) : (user.managerId ?? null);
      if (managerId === user.id) throw fieldError('manager-invalid', 'managerId', 'cannot be the user themselves');
      user.name = input.name ?? user.name;
      user.role = role;
      user.active = active;
      user.managerId = managerId;
      const after = audited(user);
      if (JSON.stringify(before) === JSON.stringify(after)) return user;
      await em.flush();
      if (!active && before.active) await endSessions(em, user.id);
      await audit(em, { actorId: actor.id, action: 'user.updated', entity: 'app_user', entityId: user.id, details: { before, after } });
      return user;
    });
    return this.#view(updated);
  }

  /** Sets a new password and ends the user's sessions, so whoever held the old one is signed out. */
  async resetPassword(id: string, password: string, actor: AuthUser): Promise<UserAdminView> {
    const passwordHash = await hashPassword(password);
    const changed = await this.#orm.em.fork().transactional(async (em) => {
      const user = await em.findOne(AppUser, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw new NotFoundError('user');
      user.passwordHash = passwordHash;
      await em.flush();
      const sessions = await endSessions(em, user.id);
      await audit(em, { actorId: actor.id, action: 'user.password-reset', entity: 'app_user', entityId: user.id, details: { sessionsEnded: sessions } });
      return user;
    });
    return this.#view(changed);
  }
}

/** The manager a user of this role may be put under: null for everyone but collectors, an active manager for them. */
async function checkedManager(em: EntityManager, role: Role, managerId: string | null): Promise<string | null> {
  if (managerId === null) return null;
  if (role !== 'collector') throw fieldError('manager-invalid', 'managerId', 'must be empty: only collectors are on a team');
  const manager = await em.findOne(AppUser, { id: managerId });
  if (!manager || manager.role !== 'manager') throw fieldError('manager-invalid', 'managerId', 'is not a manager');
  if (!manager.active) throw fieldError('manager-invalid', 'managerId', `is ${manager.name}, who is deactivated`);
  return manager.id;
}

/** Deletes the user's server-side sessions (the store keeps the user id in the session's JSON). */
async function endSessions(em: EntityManager, userId: string): Promise<number> {
  const rows = await em.execute<{ sid: string }[]>(`delete from "session" where "sess"->>'userId' = ? returning "sid"`, [userId]);
  return rows.length;
}
